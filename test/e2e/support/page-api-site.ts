/**
 * The page API fixture site (test/e2e/fixtures/page-api): pages that call the seeds' APIs as
 * their documents show (offer.html: seed 001; chat.html: seed 002's example). The same files
 * are served under two prefixes, two sites to Beckon: `/pageapi/` has the page API switched on,
 * `/plain/` is enabled without it.
 */
import { fileURLToPath } from 'node:url';
import { startStaticSite } from './static-site.ts';

const DIR = fileURLToPath(new URL('../fixtures/page-api/', import.meta.url));

export interface PageApiSite {
  origin: string;
  /** Match patterns: the opted-in site and the one without the opt-in. */
  optedIn: string;
  plain: string;
  /** A page's URL on the opted-in site (or on the plain one). */
  url(page: 'offer' | 'chat', site?: 'pageapi' | 'plain'): string;
  close(): Promise<void>;
}

/** Starts the site. */
export async function startPageApiSite(): Promise<PageApiSite> {
  const site = await startStaticSite({ dir: DIR, prefixes: ['pageapi', 'plain'] });
  return {
    ...site,
    optedIn: 'http://127.0.0.1/pageapi/*',
    plain: 'http://127.0.0.1/plain/*',
    url: (page, prefix = 'pageapi') => `${site.origin}/${prefix}/${page}.html`,
  };
}

/**
 * Settings for the page API specs: the test Sandbox, both fixture sites enabled (the page API
 * on for one, offers staying open 60 s), no rule offers (the pages make them) and no capping.
 */
export function pageApiSettings(current: any, sandboxUrl: string, site: PageApiSite): any {
  return {
    ...current,
    backend: { ...current.backend, url: sandboxUrl },
    enabledSites: [...new Set([...current.enabledSites, site.optedIn, site.plain])],
    siteOptions: { [site.optedIn]: { pageApi: true, offerWaitSeconds: 60, chatQueue: 'Billing' } },
    rules: current.rules.map((r: any) => ({ ...r, enabled: false })),
    capping: { ...current.capping, oncePerRulePerVisit: false, declineCooldownMinutes: 0, afterChatMinutes: 0, minGapSeconds: 0, dailyCap: 0 },
    crm: { ...current.crm, connector: 'none' },
  };
}
