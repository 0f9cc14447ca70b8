import { formatDuration } from '../page-context';
import type { RuleContext } from './signals';

/**
 * Fills a rule's metadata template from the page context, e.g.
 * `{"Page Name": "{pageName}"}` → `{"Page Name": "Bill Payment"}`. Unknown placeholders stay as written.
 */
export function fillMetadata(template: Record<string, string>, ctx: RuleContext): Record<string, string> {
  const values: Record<string, string> = {
    pageName: ctx.pageName,
    timeOnPage: formatDuration(ctx.visibleSeconds * 1000),
    activeTime: formatDuration(ctx.activeSeconds * 1000),
    url: ctx.url,
    referrer: ctx.referrer,
    pagesViewed: String(ctx.pagesViewed),
    visits: String(ctx.visits),
  };
  return Object.fromEntries(
    Object.entries(template).map(([k, v]) => [k, v.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)]),
  );
}
