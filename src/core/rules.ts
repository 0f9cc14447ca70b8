import picomatch from 'picomatch/posix';
import type { PageContext } from './page-context';
import type { Rule } from './settings';

/** What a rule says about a page right now. */
export type RuleDecision =
  | { kind: 'no-match'; reason: string }
  | { kind: 'wait'; remainingMs: number }
  | { kind: 'due' };

const matcherCache = new Map<string, (url: string) => boolean>();

/** Glob match of a full URL: `*` stays within a path segment, `**` crosses them. */
export function urlMatches(pattern: string, url: string): boolean {
  let matcher = matcherCache.get(pattern);
  if (!matcher) {
    matcher = picomatch(pattern, { dot: true, nocase: true });
    matcherCache.set(pattern, matcher);
  }
  return matcher(url);
}

/**
 * Decides whether `rule` should offer a chat on the page described by `ctx`: not at all,
 * later (and how much visible time remains), or now.
 */
export function evaluateRule(rule: Rule, ctx: PageContext): RuleDecision {
  if (!urlMatches(rule.urlPattern, ctx.url)) {
    return { kind: 'no-match', reason: `URL does not match ${rule.urlPattern}` };
  }
  const remainingMs = rule.secondsOnPage * 1000 - ctx.visibleMs;
  return remainingMs > 0 ? { kind: 'wait', remainingMs } : { kind: 'due' };
}
