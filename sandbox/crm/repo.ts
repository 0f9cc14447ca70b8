/**
 * Prepared statements over the CRM tables (crm/migration.ts), returning the wire shapes of
 * crm/types.ts. No rules live here: crm/store.ts decides what a request may do.
 */
import type { Db } from '../store/db.ts';
import type { GroupCommit } from '../store/group-commit.ts';
import type { OutcomeBody, StartBody } from './schemas.ts';
import type { CrmInteraction, CrmOutcome, Instant, OfferOutcome, TranscriptLine } from './types.ts';

/** An interaction row: the wire shape plus what idempotency checks compare. */
export interface InteractionRow {
  n: number;
  idempotency_key: string;
  interaction_class: string;
  flow_name: string;
  params: string;
  created_at: number;
  end_key: string | null;
  ended_at: number | null;
  transcript: string | null;
}

interface OutcomeRow {
  n: number; idempotency_key: string; rule_id: string; rule_name: string; outcome: OfferOutcome;
  url: string; at: Instant; reason: string | null; recorded_at: number;
}

/** The public id of interaction number `n`. */
export const interactionId = (n: number) => `I-${n}`;

/** The number in a public id, or null when `id` is not of the form 'I-<n>'. */
export const interactionNumber = (id: string): number | null => (/^I-[1-9]\d{0,15}$/.test(id) ? Number(id.slice(2)) : null);

const toOutcome = (r: OutcomeRow): CrmOutcome => ({
  outcomeId: `O-${r.n}`, ruleId: r.rule_id, ruleName: r.rule_name, outcome: r.outcome, url: r.url, at: r.at,
  ...(r.reason === null ? {} : { reason: r.reason }), recordedAt: r.recorded_at,
});

/** Creates the CRM statements; every statement is prepared once, here. */
export function createCrmRepo(db: Db, commits?: GroupCommit) {
  const s = {
    byKey: db.prepare<[string], InteractionRow>('SELECT * FROM crm_interactions WHERE idempotency_key = ?'),
    byEndKey: db.prepare<[string], InteractionRow>('SELECT * FROM crm_interactions WHERE end_key = ?'),
    byN: db.prepare<[number], InteractionRow>('SELECT * FROM crm_interactions WHERE n = ?'),
    all: db.prepare<[], InteractionRow>('SELECT * FROM crm_interactions ORDER BY n'),
    byChat: db.prepare<[string], InteractionRow>('SELECT * FROM crm_interactions WHERE chat_id = ? ORDER BY n'),
    insert: db.prepare(`INSERT INTO crm_interactions (idempotency_key, interaction_class, flow_name, params, chat_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?)`),
    end: db.prepare('UPDATE crm_interactions SET end_key = ?, ended_at = ?, transcript = ? WHERE n = ? AND ended_at IS NULL'),
    switchByKey: db.prepare<[string], { interaction_n: number; at: number }>('SELECT interaction_n, at FROM crm_switches WHERE idempotency_key = ?'),
    switchesOf: db.prepare<[number], { at: number }>('SELECT at FROM crm_switches WHERE interaction_n = ? ORDER BY at, idempotency_key'),
    insertSwitch: db.prepare('INSERT INTO crm_switches (idempotency_key, interaction_n, at) VALUES (?, ?, ?)'),
    outcomeByKey: db.prepare<[string], OutcomeRow>('SELECT * FROM crm_outcomes WHERE idempotency_key = ?'),
    outcomes: db.prepare<[], OutcomeRow>('SELECT * FROM crm_outcomes ORDER BY n'),
    insertOutcome: db.prepare(`INSERT INTO crm_outcomes (idempotency_key, rule_id, rule_name, outcome, url, at, reason, recorded_at)
      VALUES (@idempotencyKey, @ruleId, @ruleName, @outcome, @url, @at, @reason, @recordedAt)`),
  };

  const toInteraction = (r: InteractionRow): CrmInteraction => ({
    interactionId: interactionId(r.n),
    interactionClass: r.interaction_class,
    flowName: r.flow_name,
    params: JSON.parse(r.params) as Record<string, string>,
    createdAt: r.created_at,
    switches: s.switchesOf.all(r.n).map((w) => w.at),
    ...(r.ended_at === null ? {} : { endedAt: r.ended_at, transcript: JSON.parse(r.transcript ?? '[]') as TranscriptLine[] }),
  });

  return {
    transaction: <T>(fn: () => T): T => (commits ? commits.write(fn) : db.transaction(fn)()),
    toInteraction,
    rowByKey: (key: string) => s.byKey.get(key),
    rowByN: (n: number) => s.byN.get(n),
    rowByEndKey: (key: string) => s.byEndKey.get(key),
    /** Every interaction, or those whose params.ChatId is `chatId`, oldest first. */
    list: (chatId?: string) => (chatId === undefined ? s.all.all() : s.byChat.all(chatId)).map(toInteraction),
    insert(key: string, b: StartBody, at: number): number {
      const chatId = b.params.ChatId ?? null;
      return Number(s.insert.run(key, b.interactionClass, b.flowName, JSON.stringify(b.params), chatId, at).lastInsertRowid);
    },
    end: (n: number, key: string, at: number, transcript: TranscriptLine[]) => void s.end.run(key, at, JSON.stringify(transcript), n),
    switchByKey: (key: string) => s.switchByKey.get(key),
    insertSwitch: (key: string, n: number, at: number) => void s.insertSwitch.run(key, n, at),
    /** The stored outcome of an idempotency key, if any. */
    outcomeByKey: (key: string): CrmOutcome | undefined => {
      const r = s.outcomeByKey.get(key);
      return r && toOutcome(r);
    },
    outcomes: () => s.outcomes.all().map(toOutcome),
    insertOutcome(o: OutcomeBody, recordedAt: number): void {
      s.insertOutcome.run({ ...o, reason: o.reason ?? null, recordedAt });
    },
  };
}

/** The CRM repository type the store works with. */
export type CrmRepo = ReturnType<typeof createCrmRepo>;
