/**
 * Zod schemas for GMS form fields (values are strings, as forms carry them; empty ones were
 * dropped by splitForm). Unknown fields are ignored: GMS clients send extras (e.g.
 * `tenantName`, `messageType`) the Sandbox has no use for.
 */
import { z } from 'zod';
import { Code, GwsError } from '../engine/errors.ts';
import { parseWith } from '../http/envelope.ts';
import { clientMessageId, messageText, nickname, queueName, userDataRecord } from './schemas.ts';

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

/** updateNickname fields. */
export const nicknameFields = z.object({ nickname, transcriptPosition: position });

/** customNotice fields (the notice's text, as send's `message`). */
export const noticeFields = z.object({ message: messageText, transcriptPosition: position });

/** pushUrl fields: a web address the customer shows the agent. */
export const pushUrlFields = z.object({
  pushUrl: z.string().max(2048, 'must be at most 2048 characters').refine((u) => {
    try {
      return ['http:', 'https:'].includes(new URL(u).protocol);
    } catch {
      return false;
    }
  }, 'must be an http or https URL'),
  transcriptPosition: position,
});

const SERVICE_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** Throws code 10 unless `name` is a service name the Sandbox takes. */
export function checkService(name: string): void {
  if (!SERVICE_NAME.test(name)) throw new GwsError(Code.Validation, `Service name '${name}' must be 1-100 letters, digits, '.', '_' or '-'.`);
}

/** The customer's nickname: `nickname`, or `firstName` + `lastName`. */
export function requestChatNickname(f: z.output<typeof requestChatFields>): string {
  if (f.nickname !== undefined) return f.nickname;
  if (f.firstName !== undefined && f.lastName !== undefined) return parseWith(nickname, `${f.firstName} ${f.lastName}`);
  const missing = f.firstName === undefined && f.lastName === undefined ? "'nickname' (or 'firstName' and 'lastName')"
    : f.firstName === undefined ? "'firstName' (or 'nickname')" : "'lastName' (or 'nickname')";
  throw new GwsError(Code.MissingParameter, `Required parameter ${missing} is missing.`);
}

// Wrapped so errors name the parameter: "Invalid parameter 'userData': …".
const userDataField = z.object({ userData: userDataRecord });

/** Checks user data from a form (`userData[k]=v` fields). */
export const parseUserData = (data: Record<string, string>) => parseWith(userDataField, { userData: data }).userData;
