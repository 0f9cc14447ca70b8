/**
 * Zod schemas for request bodies, shared by the customer and agent routes. Messages are
 * written as the end of a sentence: envelope.ts prefixes them with the parameter name.
 */
import { z } from 'zod';

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

/** RequestChat body (operationName is checked separately). */
export const requestChatBody = z.object({
  nickname,
  subject: z.string({ error: 'must be a string' }).max(200, 'must be at most 200 characters').optional(),
  endpoint: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .optional(),
  userData: z
    .record(
      z.string().min(1, 'keys must not be empty').max(200, 'keys must be at most 200 characters'),
      z.string({ error: 'values must be strings' }).max(1000, 'values must be at most 1000 characters'),
      { error: 'must be an object of strings' },
    )
    .refine((o) => Object.keys(o).length <= 50, 'must have at most 50 keys')
    .optional(),
});

/** SendMessage body, customer or agent. */
export const sendMessageBody = z.object({ text: messageText, clientMessageId });

/** Agent Accept body. */
export const acceptBody = z.object({ nickname });

const typingValue = z.enum(['TypingStarted', 'TypingStopped'], { error: "must be 'TypingStarted' or 'TypingStopped'" });

/** Agent SendNotification body: the seed spells the key `notifcation`; both spellings work. */
export const notificationBody = z.object({ notifcation: typingValue.optional(), notification: typingValue.optional() });

/** GetMessages `index` query parameter: a non-negative integer. */
export const indexQuery = z.object({
  index: z
    .string()
    .regex(/^\d{1,9}$/, 'must be an integer of 0 or more')
    .transform(Number)
    .optional(),
});
