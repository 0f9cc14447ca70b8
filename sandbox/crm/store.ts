/**
 * The Sandbox CRM's rules: Pega-style interactions (start, switch, end) and offer outcomes,
 * every write idempotent by the caller's key. Each request kind has its own key space; a key
 * replayed with the same request returns the first result and writes nothing, a key reused
 * for a different request is refused (409) rather than silently answered with another's data.
 * Checks run inside the write transaction, before any write, so an error changes nothing.
 */
import type { EngineEvents } from '../engine/events.ts';
import { CrmError } from './errors.ts';
import { type CrmRepo, interactionId, interactionNumber, type InteractionRow } from './repo.ts';
import type { EndBody, OutcomeBody, StartBody } from './schemas.ts';
import type { CrmInteraction, CrmOutcome } from './types.ts';

const reused = (key: string, what: string) =>
  new CrmError(409, 'idempotency_key_reused', `Idempotency key '${key}' was already used for ${what}; use a new key for a new request.`);

/** Params equal regardless of key order (a retry may rebuild the object). */
function sameParams(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** The CRM of one running Sandbox. */
export class CrmStore {
  constructor(
    private readonly repo: CrmRepo,
    /** Where CRM changes to a chat are announced (the agents' notification streams listen). */
    private readonly events: EngineEvents,
    private readonly now: () => number = Date.now,
  ) {}

  /** startInteraction. `created` is false when this key already created the interaction. */
  start(b: StartBody): { interaction: CrmInteraction; created: boolean } {
    const { n, created } = this.repo.transaction(() => {
      const prior = this.repo.rowByKey(b.idempotencyKey);
      if (!prior) return { n: this.repo.insert(b.idempotencyKey, b, this.now()), created: true };
      const same = prior.interaction_class === b.interactionClass && prior.flow_name === b.flowName && sameParams(JSON.parse(prior.params), b.params);
      if (!same) throw reused(b.idempotencyKey, `another startInteraction (it created ${interactionId(prior.n)})`);
      return { n: prior.n, created: false };
    });
    const interaction = this.repo.toInteraction(this.repo.rowByN(n)!);
    if (created) this.announce(interaction);
    return { interaction, created };
  }

  /** switchInteraction: records that focus moved to this interaction. Not allowed once it ended. */
  switchTo(id: string, key: string): { interactionId: string; switchedAt: number } {
    const { at, fresh } = this.repo.transaction(() => {
      const row = this.mustGet(id);
      const prior = this.repo.switchByKey(key);
      if (prior && prior.interaction_n !== row.n) throw reused(key, `a switch to ${interactionId(prior.interaction_n)}`);
      if (prior) return { at: prior.at, fresh: false };
      if (row.ended_at !== null) throw new CrmError(409, 'already_ended', `Interaction ${id} has already ended; it cannot be switched to.`);
      const now = this.now();
      this.repo.insertSwitch(key, row.n, now);
      return { at: now, fresh: true };
    });
    if (fresh) this.announce(this.get(id));
    return { interactionId: id, switchedAt: at };
  }

  /** endInteraction, with the chat transcript. Ending again with the same key is a no-op. */
  end(id: string, b: EndBody): { interactionId: string; endedAt: number } {
    const { at, fresh } = this.repo.transaction(() => {
      const row = this.mustGet(id);
      const prior = this.repo.rowByEndKey(b.idempotencyKey);
      if (prior && (prior.n !== row.n || prior.transcript !== JSON.stringify(b.transcript))) {
        throw reused(b.idempotencyKey, `another endInteraction (of ${interactionId(prior.n)})`);
      }
      if (prior) return { at: prior.ended_at!, fresh: false };
      if (row.ended_at !== null) throw new CrmError(409, 'already_ended', `Interaction ${id} has already ended.`);
      const now = this.now();
      this.repo.end(row.n, b.idempotencyKey, now, b.transcript);
      return { at: now, fresh: true };
    });
    if (fresh) this.announce(this.get(id));
    return { interactionId: id, endedAt: at };
  }

  /** Records an offer outcome. `created` is false when this key already recorded it. */
  recordOutcome(b: OutcomeBody): { outcome: CrmOutcome; created: boolean } {
    return this.repo.transaction(() => {
      const prior = this.repo.outcomeByKey(b.idempotencyKey);
      if (!prior) {
        this.repo.insertOutcome(b, this.now());
        return { outcome: this.repo.outcomeByKey(b.idempotencyKey)!, created: true };
      }
      const { idempotencyKey: _key, ...asked } = b;
      const { outcomeId: _id, recordedAt: _at, ...stored } = prior;
      if (JSON.stringify(Object.entries(stored).sort()) !== JSON.stringify(Object.entries(asked).sort())) {
        throw reused(b.idempotencyKey, `another outcome (${prior.outcomeId})`);
      }
      return { outcome: prior, created: false };
    });
  }

  /** One interaction; 404 when there is none with that id. */
  get(id: string): CrmInteraction {
    return this.repo.toInteraction(this.mustGet(id));
  }

  /** Every interaction, or those for one chat (`params.ChatId`), oldest first. */
  list(chatId?: string): CrmInteraction[] {
    return this.repo.list(chatId);
  }

  /** The latest interaction started for a chat, or null. */
  forChat(chatId: string): CrmInteraction | null {
    return this.repo.list(chatId).at(-1) ?? null;
  }

  /** Every offer outcome, oldest first. */
  outcomes(): CrmOutcome[] {
    return this.repo.outcomes();
  }

  private mustGet(id: string): InteractionRow {
    const n = interactionNumber(id);
    const row = n === null ? undefined : this.repo.rowByN(n);
    if (!row) throw new CrmError(404, 'not_found', `No CRM interaction '${id}'.`);
    return row;
  }

  /** Tells live consoles that the CRM side of a chat changed (after the write committed). */
  private announce(i: CrmInteraction): void {
    const chatId = i.params.ChatId;
    if (chatId) this.events.emit('crm', { interactionId: i.interactionId, chatId });
  }
}
