import type { Condition } from './rule-schema';
import { matchesPattern } from './patterns';
import { CLOCK_SIGNALS, SIGNAL_LABELS, type RuleContext } from './signals';

/** The outcome of one condition: whether it holds, a sentence saying why, and when it could. */
export interface ConditionResult {
  pass: boolean;
  detail: string;
  /** For a failing clock condition: milliseconds until it holds if nothing else changes. */
  waitMs?: number;
}

/** Evaluates one condition against the page context. */
export function evaluateCondition(c: Condition, ctx: RuleContext): ConditionResult {
  switch (c.kind) {
    case 'pageName': {
      const pass = matchesPattern(c.pattern, ctx.pageName);
      return { pass, detail: `page name "${ctx.pageName}" ${pass ? 'matches' : 'does not match'} ${c.pattern}` };
    }
    case 'referrer': {
      const pass = ctx.referrer !== '' && matchesPattern(c.pattern, ctx.referrer);
      return { pass, detail: `referrer "${ctx.referrer || '(none)'}" ${pass ? 'matches' : 'does not match'} ${c.pattern}` };
    }
    case 'query': {
      let value: string | null = null;
      try {
        value = new URL(ctx.url).searchParams.get(c.param);
      } catch {
        value = null;
      }
      const pass = value !== null && (c.equals === undefined || value === c.equals);
      const want = c.equals === undefined ? `query parameter ${c.param} present` : `${c.param}=${c.equals}`;
      return { pass, detail: `${want}: ${value === null ? 'absent' : `is "${value}"`}` };
    }
    case 'exitIntent':
      return { pass: ctx.exitIntent, detail: ctx.exitIntent ? 'exit intent seen' : 'no exit intent yet' };
    case 'elementVisible':
    case 'elementClicked':
      return elementCondition(c.kind, c.selector, ctx);
    case 'signal': {
      const current = ctx[c.signal];
      const pass = current >= c.min;
      const detail = `${SIGNAL_LABELS[c.signal]}: ${Math.floor(current)} of ${c.min}`;
      if (pass || !CLOCK_SIGNALS.has(c.signal)) return { pass, detail };
      return { pass, detail, waitMs: Math.ceil((c.min - current) * 1000) };
    }
  }
}

/**
 * An element condition holds once the watcher reported its selector seen or clicked on this
 * page. It has no clock: the watcher reports the moment it happens, so a rule never waits on it.
 */
function elementCondition(kind: 'elementVisible' | 'elementClicked', selector: string, ctx: RuleContext): ConditionResult {
  if (ctx.invalidSelectors?.includes(selector)) return { pass: false, detail: `the page's browser refuses "${selector}" as a CSS selector` };
  const visible = kind === 'elementVisible';
  const pass = Boolean((visible ? ctx.visibleSelectors : ctx.clickedSelectors)?.includes(selector));
  const what = visible ? 'on screen' : 'clicked';
  return { pass, detail: pass ? `an element matching "${selector}" was ${what}` : `no element matching "${selector}" ${visible ? 'has been' : 'was'} ${what} yet` };
}
