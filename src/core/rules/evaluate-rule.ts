import { evaluateCondition } from './conditions';
import { matchesPattern } from './patterns';
import type { Rule } from './rule-schema';
import type { RuleContext } from './signals';

/** Where a rule stands on a page, before capping and gates. */
export type RuleMatch =
  | { status: 'disabled' }
  | { status: 'no-match'; failing: string[] }
  | { status: 'waiting'; failing: string[]; waitMs: number }
  | { status: 'ready' };

/** Whether `rule`'s URL patterns cover `url`: one `include` matches it and no `exclude` does. */
export function ruleCoversUrl(rule: Pick<Rule, 'include' | 'exclude'>, url: string): boolean {
  return rule.include.some((p) => matchesPattern(p, url)) && !rule.exclude.some((p) => matchesPattern(p, url));
}

/**
 * Matches a rule against the page: the URL must match an include and no exclude; then its
 * conditions combine by `all` or `any`. A rule that fails only on clock conditions is
 * `waiting`, with the time until the earliest of them could flip the decision.
 */
export function evaluateRule(rule: Rule, ctx: RuleContext): RuleMatch {
  if (!rule.enabled) return { status: 'disabled' };
  if (!rule.include.some((p) => matchesPattern(p, ctx.url))) {
    return { status: 'no-match', failing: [`URL matches none of ${rule.include.join(', ')}`] };
  }
  const excluded = rule.exclude.find((p) => matchesPattern(p, ctx.url));
  if (excluded) return { status: 'no-match', failing: [`URL is excluded by ${excluded}`] };

  const results = rule.conditions.map((c) => evaluateCondition(c, ctx));
  const failing = results.filter((r) => !r.pass);
  const passes = rule.match === 'all' ? failing.length === 0 : results.length === 0 || failing.length < results.length;
  if (passes) return { status: 'ready' };

  const waits = failing.flatMap((r) => (r.waitMs === undefined ? [] : [r.waitMs]));
  // With `all`, any failing condition that time cannot fix rules the page out for now.
  const canWait = rule.match === 'all' ? waits.length === failing.length : waits.length > 0;
  const details = failing.map((r) => r.detail);
  return canWait ? { status: 'waiting', failing: details, waitMs: Math.min(...waits) } : { status: 'no-match', failing: details };
}
