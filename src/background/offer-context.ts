import { resolvePageName } from '../core/page-name';
import { scrubText, scrubUrl } from '../core/privacy';
import type { RuleContext } from '../core/rules/signals';
import { visitorSignals, type VisitorState } from '../core/rules/visitor';
import type { Settings } from '../core/settings';
import type { WatcherReport } from '../protocol/watcher';

/** The host a page belongs to, for per-site visit counts. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Turns a watcher report into what rules read, naming the page from the configured sources.
 * With the privacy guard on, emails and long digit runs never reach a rule, the agent or the CRM.
 */
export function ruleContext(report: WatcherReport, settings: Settings, visitor: VisitorState): RuleContext {
  const guard = settings.privacyGuard;
  const pageName = resolvePageName(settings.pageName, report);
  return {
    url: guard ? scrubUrl(report.url) : report.url,
    pageName: guard ? scrubText(pageName) : pageName,
    referrer: guard && report.referrer ? scrubUrl(report.referrer) : report.referrer,
    activeSeconds: report.activeMs / 1000,
    visibleSeconds: report.visibleMs / 1000,
    wallSeconds: report.wallMs / 1000,
    idleSeconds: report.idleMs / 1000,
    scrollDepth: report.scrollDepth,
    exitIntent: report.exitIntent,
    ...visitorSignals(visitor, hostOf(report.url)),
    visibleSelectors: report.visibleSelectors ?? [],
    clickedSelectors: report.clickedSelectors ?? [],
    invalidSelectors: report.invalidSelectors ?? [],
  };
}

/** The signals the debugger lists, rounded for reading. */
export function debugSignals(ctx: RuleContext): Record<string, number | boolean | string> {
  // Element conditions say what was seen or clicked in their own lines.
  const { url: _url, pageName: _name, visibleSelectors: _v, clickedSelectors: _c, invalidSelectors: _i, ...signals } = ctx;
  return Object.fromEntries(Object.entries(signals).map(([k, v]) => [k, typeof v === 'number' ? Math.floor(v) : v]));
}
