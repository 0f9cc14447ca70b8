import type { ChatBackend } from '../backends/types';
import type { Availability } from '../core/rules/engine';
import { evaluateRule } from '../core/rules/evaluate-rule';
import type { Rule } from '../core/rules/rule-schema';
import type { RuleContext } from '../core/rules/signals';

/** How long an availability answer is reused: short, so an agent going ready is noticed at once. */
const FRESH_MS = 2_000;

/**
 * Queue availability for the rules engine, fetched only for queues of rules that match the
 * page right now (no request at all on pages where no rule is ready), and cached briefly.
 */
export class AvailabilityCache {
  private readonly cache = new Map<string, { at: number; value: number | 'unknown' }>();

  async lookup(rules: readonly Rule[], ctx: RuleContext, backend: ChatBackend, now: number): Promise<Availability> {
    const queues = new Set(rules.filter((r) => evaluateRule(r, ctx).status === 'ready').map((r) => r.queue));
    await Promise.all(
      [...queues].map(async (queue) => {
        const hit = this.cache.get(queue);
        if (hit && now - hit.at < FRESH_MS) return;
        this.cache.set(queue, { at: now, value: await backend.queueAvailability(queue) });
      }),
    );
    return (queue) => this.cache.get(queue)?.value ?? 'unknown';
  }
}
