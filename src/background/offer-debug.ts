import type { EngineDecision, RuleReport } from '../core/rules/engine';
import type { Rule } from '../core/rules/rule-schema';
import type { RuleContext } from '../core/rules/signals';
import { debugItem } from '../protocol/storage';
import { debugSignals } from './offer-context';
import type { VisitorStore } from './visitor-store';

/** Keeps the last evaluation of a tab for the popup's rule debugger. */
export async function saveDebug(
  tabId: number, ctx: RuleContext, reports: RuleReport[], decision: EngineDecision, note: string | undefined, now: number,
): Promise<void> {
  const said =
    decision.kind === 'offer' ? `offer: ${decision.rule.name}`
      : decision.kind === 'wait' ? `check again in ${Math.ceil(decision.wakeInMs / 1000)} s`
        : note ?? 'no rule can offer on this page';
  const all = { ...(await debugItem.getValue()) };
  all[tabId] = { at: now, url: ctx.url, pageName: ctx.pageName, signals: debugSignals(ctx), reports, decision: said };
  await debugItem.setValue(all);
}

/**
 * Records "suppressed" outcomes — a matching rule held back by capping or a gate — once per
 * page, rule and reason, not on every re-check.
 */
export class SuppressionLog {
  private readonly seen = new Set<string>();

  async record(tabId: number, url: string, rules: readonly Rule[], reports: RuleReport[], visitors: VisitorStore): Promise<void> {
    for (const r of reports) {
      if (!r.suppressed) continue;
      const key = `${tabId}|${url}|${r.ruleId}|${r.suppressed}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const name = rules.find((x) => x.id === r.ruleId)?.name ?? r.ruleId;
      await visitors.record({ ruleId: r.ruleId, ruleName: name, url, outcome: 'suppressed', reason: r.suppressed });
    }
  }
}
