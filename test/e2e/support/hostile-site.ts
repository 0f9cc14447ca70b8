/**
 * A local site that is hostile to Beckon in the ways live sites are (test/e2e/fixtures/hostile):
 * strict Content-Security-Policy with Trusted Types, cross-origin isolation, aggressive CSS,
 * a transformed and zoomed root, overlays, single-page-app rewrites, right-to-left text,
 * custom elements that take names, and a page that removes everything it did not add. Each
 * page loads `probe.js`, the page script a test asks what it could see and do.
 * Serves on 127.0.0.1, port 0, under `/hostile/`.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

/** Headers per page: what makes it hostile beyond its own scripts and styles. */
const PAGE_HEADERS: Record<string, Record<string, string>> = {
  'strict.html': {
    'Content-Security-Policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  },
  'isolated.html': { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
};
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

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
  const server: Server = createServer((req, res) => {
    const name = /^\/hostile\/([a-z-]+\.(?:html|js|css))$/.exec(new URL(req.url ?? '/', 'http://x').pathname)?.[1];
    if (!name) {
      res.writeHead(404).end();
      return;
    }
    readFile(DIR + name).then(
      (body) => {
        const isolated = name !== 'isolated.html' && name.endsWith('.html') ? {} : { 'Cross-Origin-Resource-Policy': 'same-origin' };
        res.writeHead(200, { 'Content-Type': TYPES[name.split('.').pop()!]!, 'Cache-Control': 'no-store', ...isolated, ...PAGE_HEADERS[name] }).end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pattern: 'http://127.0.0.1/hostile/*',
    url: (page) => `${origin}/hostile/${page}.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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
