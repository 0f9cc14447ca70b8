/**
 * Zod schemas for GMS form fields (values are strings, as forms carry them). Unknown fields
 * are ignored: GMS clients send extras (e.g. `tenantName`, `messageType`) the Sandbox
 * has no use for.
 */
import { z } from 'zod';
import { Code, GwsError } from '../engine/errors.ts';
import { parseWith } from '../http/envelope.ts';
import { clientMessageId, messageText, nickname, queueName } from './schemas.ts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const position = z
  .string()
  .regex(/^\d{1,9}$/, 'must be a transcript position (an integer of 0 or more)')
  .transform(Number)
  .optional();

/** What every request after requestChat repeats. */
export const credentialFields = z.object({ userId: text(100), secureKey: text(100), alias: text(100) });

/** requestChat fields (nickname is resolved by requestChatNickname). */
export const requestChatFields = z.object({
  nickname: nickname.optional(),
  firstName: text(100).optional(),
  lastName: text(100).optional(),
  subject: z.string().max(200, 'must be at most 200 characters').optional(),
  emailAddress: text(200).regex(/^[^@\s]+@[^@\s]+$/, 'must be an email address').optional(),
  /** Beckon extra: the queue (GWS RequestChat's `endpoint`); GMS itself routes by service configuration. */
  endpoint: queueName.optional(),
});

/** send fields. */
export const sendFields = z.object({
  message: messageText,
  messageType: z.string().max(100, 'must be at most 100 characters').optional(),
  transcriptPosition: position,
  clientMessageId,
});

/** Fields any other operation may carry. */
export const positionFields = z.object({ transcriptPosition: position });

/** The customer's nickname: `nickname`, or `firstName` + `lastName`. */
export function requestChatNickname(f: z.output<typeof requestChatFields>): string {
  if (f.nickname !== undefined) return f.nickname;
  if (f.firstName !== undefined && f.lastName !== undefined) return parseWith(nickname, `${f.firstName} ${f.lastName}`);
  const missing = f.firstName === undefined && f.lastName === undefined ? "'nickname' (or 'firstName' and 'lastName')"
    : f.firstName === undefined ? "'firstName' (or 'nickname')" : "'lastName' (or 'nickname')";
  throw new GwsError(Code.MissingParameter, `Required parameter ${missing} is missing.`);
}
