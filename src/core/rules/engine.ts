import { openNow, type BusinessHours } from './business-hours';
import { cappingBlock, type CappingSettings, type CappingState } from './capping';
import { evaluateRule, type RuleMatch } from './evaluate-rule';
import type { Rule } from './rule-schema';
import type { RuleContext } from './signals';

/** How often a rule held back only by queue availability looks again. */
export const AVAILABILITY_RECHECK_MS = 5_000;
/** How often a rule held back by business hours looks again. */
export const HOURS_RECHECK_MS = 60_000;

/** Agents ready on a queue, or `unknown` when the backend cannot tell. */
export type Availability = (queue: string) => number | 'unknown';

/** Everything one decision depends on. */
export interface EngineInput {
  rules: readonly Rule[];
  ctx: RuleContext;
  capping: { settings: CappingSettings; state: CappingState };
  hours: BusinessHours;
  availability: Availability;
  now: number;
  /** Today's local date, `YYYY-MM-DD` (for the daily cap). */
  today: string;
}

/** One rule as the debugger shows it. */
export interface RuleReport {
  ruleId: string;
  name: string;
  match: RuleMatch;
  /** Set when the rule matches but capping or a gate holds it back. */
  suppressed?: string;
}

/** What to do on this page now. */
export type EngineDecision = { kind: 'offer'; rule: Rule } | { kind: 'wait'; wakeInMs: number } | { kind: 'none' };

/**
 * Runs every rule in priority order (the list order) and picks the first that matches and
 * passes capping, business hours and queue availability. Otherwise says when to look
 * again: the earliest moment a clock condition, a cooldown or a gate could change the answer.
 */
export function decide(input: EngineInput): { decision: EngineDecision; reports: RuleReport[] } {
  const { rules, ctx } = input;
  const reports: RuleReport[] = [];
  const wakes: number[] = [];
  let chosen: Rule | undefined;
  for (const rule of rules) {
    const match = evaluateRule(rule, ctx);
    const report: RuleReport = { ruleId: rule.id, name: rule.name, match };
    reports.push(report);
    if (match.status === 'waiting') wakes.push(match.waitMs);
    if (match.status !== 'ready' || chosen) continue;
    const gate = gateFor(rule, input);
    if (gate) {
      report.suppressed = gate.reason;
      if (gate.recheckMs !== undefined) wakes.push(gate.recheckMs);
    } else {
      chosen = rule;
    }
  }
  if (chosen) return { decision: { kind: 'offer', rule: chosen }, reports };
  const wake = wakes.filter((w) => w >= 0);
  const decision: EngineDecision = wake.length ? { kind: 'wait', wakeInMs: Math.min(...wake) } : { kind: 'none' };
  return { decision, reports };
}

function gateFor(rule: Rule, input: EngineInput): { reason: string; recheckMs?: number } | null {
  const { capping, now, today, hours, availability } = input;
  const capped = cappingBlock(rule.id, capping.state, capping.settings, now, today);
  if (capped) return { reason: `capped: ${capped.reason}`, ...(capped.until ? { recheckMs: capped.until - now } : {}) };
  const open = openNow(hours, now);
  if (!open.open) return { reason: open.reason, recheckMs: HOURS_RECHECK_MS };
  const ready = availability(rule.queue);
  if (ready === 'unknown') {
    return rule.unknownAvailability === 'allow' ? null : { reason: `agent availability on ${rule.queue} is unknown`, recheckMs: AVAILABILITY_RECHECK_MS };
  }
  if (ready <= 0) return { reason: `no agent is ready on ${rule.queue}`, recheckMs: AVAILABILITY_RECHECK_MS };
  return null;
}
