/**
 * Zod schemas for request bodies, shared by the customer and agent routes. Messages are
 * written as the end of a sentence: envelope.ts prefixes them with the parameter name.
 */
import { z } from 'zod';
import { LONG_POLL_MAX_MS } from '../http/long-poll.ts';

/** A display name: what the other side sees next to each message. */
export const nickname = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

/** Message text: 1..4000 characters, not only whitespace. */
export const messageText = z
  .string({ error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(4000, 'must be at most 4000 characters')
  .refine((s) => s.trim().length > 0, 'must not be blank');

/** Beckon extra: a client-chosen id that makes a retried SendMessage a no-op. */
export const clientMessageId = z
  .string({ error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .optional();

/** A queue name (GWS RequestChat `endpoint`): 1..100 characters after trimming. */
export const queueName = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

/** Most user data keys a chat may hold. */
export const MAX_USER_DATA_KEYS = 50;

/** A user data key: 1..200 characters. */
export const userDataKey = z.string({ error: 'keys must be strings' }).min(1, 'keys must not be empty').max(200, 'keys must be at most 200 characters');

/** User data: an object of string → string, at most 50 keys. */
export const userDataRecord = z
  .record(userDataKey, z.string({ error: 'values must be strings' }).max(1000, 'values must be at most 1000 characters'), {
    error: 'must be an object of strings',
  })
  .refine((o) => Object.keys(o).length <= MAX_USER_DATA_KEYS, `must have at most ${MAX_USER_DATA_KEYS} keys`);

/** RequestChat body (operationName is checked separately). */
export const requestChatBody = z.object({
  nickname,
  subject: z.string({ error: 'must be a string' }).max(200, 'must be at most 200 characters').optional(),
  endpoint: queueName.optional(),
  userData: userDataRecord.optional(),
});

/** SendMessage body, customer or agent. */
export const sendMessageBody = z.object({ text: messageText, clientMessageId });

/** POST /api/v2/me Ready/NotReady body: `queues` absent means every queue. */
export const availabilityBody = z.object({
  queues: z
    .array(queueName, { error: 'must be an array of queue names' })
    .min(1, 'must list at least one queue (omit it for all queues)')
    .max(100, 'must list at most 100 queues')
    .optional(),
});

/** Agent Accept body. */
export const acceptBody = z.object({ nickname });

const typingValue = z.enum(['TypingStarted', 'TypingStopped'], { error: "must be 'TypingStarted' or 'TypingStopped'" });

/** Agent SendNotification body: the seed spells the key `notifcation`; both spellings work. */
export const notificationBody = z.object({ notifcation: typingValue.optional(), notification: typingValue.optional() });

/** GetMessages query: `index` (a non-negative integer) and `wait` (long-poll ms, 0..25000). */
export const messagesQuery = z.object({
  index: z
    .string()
    .regex(/^\d{1,9}$/, 'must be an integer of 0 or more')
    .transform(Number)
    .optional(),
  wait: z
    .string()
    .regex(/^\d{1,9}$/, 'must be a number of milliseconds (an integer of 0 or more)')
    .transform(Number)
    .refine((ms) => ms <= LONG_POLL_MAX_MS, `must be at most ${LONG_POLL_MAX_MS} (milliseconds)`)
    .optional(),
});
