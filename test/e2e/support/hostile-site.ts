/**
 * A local site that is hostile to Beckon in the ways live sites are (test/e2e/fixtures/hostile):
 * strict Content-Security-Policy with Trusted Types, cross-origin isolation, aggressive CSS,
 * a transformed and zoomed root, overlays, single-page-app rewrites, right-to-left text,
 * custom elements that take names, and a page that removes everything it did not add. Each
 * page loads `probe.js`, the page script a test asks what it could see and do.
 * Serves on 127.0.0.1, port 0, under `/hostile/`.
 */
import { fileURLToPath } from 'node:url';
import { startStaticSite } from './static-site.ts';

const DIR = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

/** Headers per page: what makes it hostile beyond its own scripts and styles. */
const PAGE_HEADERS: Record<string, Record<string, string>> = {
  'strict.html': {
    'Content-Security-Policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  },
  'isolated.html': { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
};

/** The names of the hostile pages, for tests that go through them all. */
export const HOSTILE_PAGES = ['strict', 'isolated', 'reset', 'transform', 'overlay', 'rewrite', 'rtl', 'elements', 'fight'] as const;
export type HostilePage = (typeof HOSTILE_PAGES)[number];

export interface HostileSite {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** The match pattern that enables the site in Beckon. */
  pattern: string;
  url(page: HostilePage): string;
  close(): Promise<void>;
}

/** Starts the hostile site. */
export async function startHostileSite(): Promise<HostileSite> {
  const site = await startStaticSite({
    dir: DIR,
    prefixes: ['hostile'],
    // The isolated page needs every subresource to opt in to being embedded (COEP require-corp).
    headers: (name) => ({ ...(name !== 'isolated.html' && name.endsWith('.html') ? {} : { 'Cross-Origin-Resource-Policy': 'same-origin' }), ...PAGE_HEADERS[name] }),
  });
  return { ...site, pattern: 'http://127.0.0.1/hostile/*', url: (page) => `${site.origin}/hostile/${page}.html` };
}

/**
 * Settings for the hostile-page specs: the test Sandbox, the hostile site enabled next to the
 * demo site, an offer after one visible second, and no capping, so every page load gets one.
 * Written to the extension's storage as the options page would save them.
 */
export function hostileSettings(current: any, sandboxUrl: string, site: HostileSite): any {
  return {
    ...current,
    backend: { ...current.backend, url: sandboxUrl },
    enabledSites: [...new Set([...current.enabledSites, site.pattern])],
    rules: current.rules.map((r: any, i: number) => (i === 0 ? { ...r, conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: 1 }] } : r)),
    capping: { ...current.capping, oncePerRulePerVisit: false, declineCooldownMinutes: 0, afterChatMinutes: 0, minGapSeconds: 0, dailyCap: 0 },
    crm: { ...current.crm, connector: 'none' },
  };
}
