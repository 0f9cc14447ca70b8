import type { OfferPage } from '../chat-session';
import { formatDuration } from '../page-context';
import type { RuleContext } from './signals';

/** The page an offer is made on, as the agent and the CRM get it (the placeholders' own values). */
export function offerPage(ctx: RuleContext): OfferPage {
  return { pageName: ctx.pageName, url: ctx.url, timeOnPage: formatDuration(ctx.visibleSeconds * 1000) };
}

/**
 * Fills a rule's metadata template from the page context, e.g.
 * `{"Page Name": "{pageName}"}` → `{"Page Name": "Bill Payment"}`. Unknown placeholders stay as written.
 */
export function fillMetadata(template: Record<string, string>, ctx: RuleContext): Record<string, string> {
  const values: Record<string, string> = {
    ...offerPage(ctx),
    activeTime: formatDuration(ctx.activeSeconds * 1000),
    referrer: ctx.referrer,
    pagesViewed: String(ctx.pagesViewed),
    visits: String(ctx.visits),
  };
  return Object.fromEntries(
    // Own keys only: `{constructor}` or `{toString}` must not reach Object.prototype.
    Object.entries(template).map(([k, v]) => [k, v.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole))]),
  );
}
