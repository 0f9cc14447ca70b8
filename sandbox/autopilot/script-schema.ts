/**
 * The autopilot's demo script, as zod validates it (sandbox/README.md, *Autopilot scripts*).
 * Messages are the end of a sentence: script-parse.ts prefixes each with its file, line and
 * field (`billing.yaml:12: replies[2].match: not a valid regular expression: …`).
 */
import { z } from 'zod';
import { DEFAULT_TYPING } from './typing-delay.ts';

/** The message for a wrong type: a missing field is "required", anything else "must be …". */
const expected = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? `is required (${what})` : `must be ${what}`);

const text = (what: string, max: number) =>
  z.string({ error: expected(what) }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const number = (min: number, max: number, unit: string) =>
  z.number({ error: expected(`a number of ${unit}`) }).min(min, `must be at least ${min} ${unit}`).max(max, `must be at most ${max} ${unit}`);

const ms = (max: number) => number(0, max, 'milliseconds').int('must be a whole number of milliseconds');

/** What the Sandbox's agent API takes as an agent's message (SendMessage: 1-4000 characters). */
const message = text('a message (text)', 4000);

/** One message or a list of them, each sent with its own typing notice; always a list once parsed. */
const messages = z.preprocess((v) => (typeof v === 'string' ? [v] : v),
  z.array(message, { error: expected('a message or a list of messages') }).min(1, 'must hold at least one message').max(20, 'must hold at most 20 messages'));

const agentName = z.string({ error: expected('an agent name') }).regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be an agent name (1-64 letters, digits, ".", "_" or "-")');
const queueName = z.string({ error: expected('a queue name') }).min(1, 'must not be empty').max(100, 'must be at most 100 characters')
  .refine((q) => q.trim() === q, 'must not start or end with spaces');

/** User data to set: 1-50 keys of 1-200 characters, values up to 1000 (the customer API's limits). */
const userData = z.record(z.string().min(1, 'key must not be empty').max(200, 'key must be at most 200 characters'),
  z.string({ error: expected('text (quote numbers in YAML)') }).max(1000, 'must be at most 1000 characters'), { error: expected('a map of names to values') })
  .refine((d) => Object.keys(d).length >= 1, 'must set at least one key').refine((d) => Object.keys(d).length <= 50, 'must set at most 50 keys');

const transfer = z.strictObject({ queue: queueName.optional(), agent: agentName.optional() }, { error: expected('a map with queue or agent') })
  .refine((t) => (t.queue === undefined) !== (t.agent === undefined), 'must name exactly one of queue and agent');

const STEP_KINDS = ['transfer', 'consult', 'conference', 'setUserData', 'wait', 'end'] as const;

/** One step after a reply's messages: exactly one of these keys. */
const step = z.strictObject({
  transfer: transfer.optional(),
  consult: agentName.optional(),
  conference: agentName.optional(),
  setUserData: userData.optional(),
  wait: number(0, 3600, 'seconds').optional(),
  end: z.literal(true, { error: expected('true') }).optional(),
}, { error: `must be a map with one of ${STEP_KINDS.join(', ')}` })
  .refine((s) => STEP_KINDS.filter((k) => s[k] !== undefined).length === 1, `must have exactly one of ${STEP_KINDS.join(', ')}`);

const steps = z.array(step, { error: expected('a list of steps') }).max(20, 'must hold at most 20 steps');

/** What the autopilot says (and then does) at one point: the greeting, the fallback. */
const say = z.strictObject({ say: messages, then: steps.optional() }, { error: expected('a map with say (and then)') });

/** A regular expression as matching.ts compiles it (Unicode mode); the engine's sentence says what is wrong. */
function validRegex(source: string, ctx: z.RefinementCtx): void {
  try {
    new RegExp(source, 'u');
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message}` });
  }
}

/** A reply: chosen by keywords or a regular expression (case-insensitive unless caseSensitive). */
const reply = z.strictObject({
  keywords: z.array(text('a keyword', 100), { error: expected('a list of keywords') }).min(1, 'must hold at least one keyword').max(50, 'must hold at most 50 keywords').optional(),
  match: z.string({ error: expected('a regular expression (text)') }).min(1, 'must not be empty').max(500, 'must be at most 500 characters')
    .superRefine(validRegex).optional(),
  caseSensitive: z.boolean({ error: expected('true or false') }).default(false),
  say: messages.optional(),
  then: steps.optional(),
}, { error: expected('a map with keywords or match, and say') })
  .refine((r) => (r.keywords === undefined) !== (r.match === undefined), 'must have exactly one of keywords and match')
  .refine((r) => r.say !== undefined || (r.then?.length ?? 0) > 0, 'must have say, then, or both');

/** The whole script. */
export const scriptSchema = z.strictObject({
  queue: queueName,
  accept: z.strictObject({ after: number(0, 3600, 'seconds').default(3), nickname: text('a nickname', 100) },
    { error: expected('a map with after and nickname') }),
  typing: z.strictObject({
    pauseMs: ms(60_000).default(DEFAULT_TYPING.pauseMs),
    perCharacterMs: ms(1000).default(DEFAULT_TYPING.perCharacterMs),
    minMs: ms(60_000).default(DEFAULT_TYPING.minMs),
    maxMs: ms(60_000).default(DEFAULT_TYPING.maxMs),
  }, { error: expected('a map of typing settings') }).refine((t) => t.minMs <= t.maxMs, { message: 'must not be less than minMs', path: ['maxMs'] })
    .default(DEFAULT_TYPING),
  greeting: say.optional(),
  replies: z.array(reply, { error: expected('a list of replies') }).max(200, 'must hold at most 200 replies').default([]),
  fallback: say.optional(),
  endWhenQuiet: z.strictObject({ after: number(0.1, 86_400, 'seconds'), say: messages.optional() }, { error: expected('a map with after (and say)') }).optional(),
}, { error: expected('a map (the script)') });

/** A validated script, defaults filled in. */
export type Script = z.infer<typeof scriptSchema>;
/** A reply of a script. */
export type ScriptReply = Script['replies'][number];
/** A step of a script. */
export type ScriptStep = NonNullable<ScriptReply['then']>[number];
/** The greeting or the fallback. */
export type ScriptSay = NonNullable<Script['greeting']>;
