/**
 * Zod schemas for the Sandbox CRM's request bodies. Strings are bounded so one request cannot
 * fill the disk; unknown fields are dropped (clients may send more than the Sandbox keeps).
 * Messages end a sentence: errors.ts prefixes them with the field's path.
 */
import { z } from 'zod';
import { OFFER_OUTCOMES } from './types.ts';

const text = (max: number, min = 1) =>
  z
    .string({ error: 'must be a string' })
    .min(min, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/**
 * A point in time, kept as sent: epoch ms, or an ISO 8601 date-time string (what the
 * extension's connectors send). Either reads back unchanged, so a client sees its own data.
 */
const INSTANT = 'must be epoch ms (an integer) or an ISO 8601 date-time string';
const instant = z.union([z.number().int(INSTANT).nonnegative(INSTANT), z.iso.datetime({ offset: true, error: INSTANT })], { error: INSTANT });

/** Chosen by the caller, the same on every retry of one request. */
const idempotencyKey = text(200);

/** Most params an interaction may carry. */
export const MAX_PARAMS = 50;

/** Longest transcript endInteraction accepts, in lines. */
export const MAX_TRANSCRIPT_LINES = 5000;

/** startInteraction: `POST /api/crm/interactions`. */
export const startBody = z.object({
  idempotencyKey,
  interactionClass: text(200),
  flowName: text(200),
  params: z
    .record(text(200), z.string({ error: 'must be a string' }).max(1000, 'must be at most 1000 characters'), {
      error: 'must be an object of strings',
    })
    .refine((o) => Object.keys(o).length <= MAX_PARAMS, `must have at most ${MAX_PARAMS} keys`),
});

/** switchInteraction: `POST /api/crm/interactions/{id}/switch`. */
export const switchBody = z.object({ idempotencyKey });

/** One transcript line. */
export const transcriptLine = z.object({
  at: instant,
  from: text(50),
  // System lines may have no nickname, and notices no text beyond their kind.
  nickname: text(100, 0),
  text: text(10_000, 0),
});

/** endInteraction: `POST /api/crm/interactions/{id}/end`. */
export const endBody = z.object({
  idempotencyKey,
  transcript: z
    .array(transcriptLine, { error: 'must be an array of {at, from, nickname, text}' })
    .max(MAX_TRANSCRIPT_LINES, `must have at most ${MAX_TRANSCRIPT_LINES} lines`),
});

/** An offer outcome: `POST /api/crm/outcomes`. */
export const outcomeBody = z.object({
  idempotencyKey,
  ruleId: text(200),
  ruleName: text(200),
  outcome: z.enum(OFFER_OUTCOMES, { error: `must be one of ${OFFER_OUTCOMES.join(', ')}` }),
  url: text(2048),
  at: instant,
  reason: text(500).optional(),
});

/** `GET /api/crm/interactions?chatId=`. */
export const listQuery = z.object({ chatId: text(200).optional() });

export type StartBody = z.output<typeof startBody>;
export type EndBody = z.output<typeof endBody>;
export type OutcomeBody = z.output<typeof outcomeBody>;
