/**
 * Wire shapes of the Genesys GMS Chat API v2, REST mode (protocols.md §3.1): form-encoded
 * requests, one JSON reply shape for every operation (gms-events.ts maps its transcript
 * entries). Also the session token a GMS chat needs to survive a restart.
 */
import { z } from 'zod';
import { clampUserData, type UserDataLimits } from './user-data-limits';

/**
 * User data a GMS server takes. Genesys documents no per-value limit for the Chat API v2;
 * these are the Beckon Sandbox's (see src/backends/README.md).
 */
export const GMS_USER_DATA_LIMITS: UserDataLimits = { valueMax: 1000, keyMax: 200, keysMax: 50 };

/** What every reply carries; on an error (1 retry may help, 2 it will not) nothing else is reliable. */
export const GmsEnvelopeSchema = z
  .object({ statusCode: z.number().int(), statusMessage: z.string().optional(), chatEnded: z.boolean().optional() })
  .loose();

/** A GMS HTTP 400 may carry an `errors` list instead of a statusCode; read it defensively. */
export const GmsErrorsSchema = z.object({ errors: z.array(z.unknown()).min(1) }).loose();

/**
 * A transcript entry. An entry without `index` is not part of the transcript (a `file/limits`
 * reply's `file-client-cfg-get` Notice): it is read and skipped, not a broken reply.
 */
const MessageSchema = z
  .object({
    index: z.number().int().optional(),
    type: z.string(),
    from: z
      .object({ nickname: z.string().default(''), type: z.string().default('External') })
      .loose()
      .default({ nickname: '', type: 'External' }),
    text: z.string().optional(),
    utcTime: z.number().optional(),
    // Beckon extra (the Sandbox echoes it on the visitor's messages); GMS itself does not send it.
    clientMessageId: z.string().optional(),
    // File messages carry the file here (gms-file-wire.ts); anything may come, so it is checked where read.
    userData: z.unknown().optional(),
  })
  .loose();
export type GmsMessage = z.infer<typeof MessageSchema>;

/** A successful reply. Credentials come back on every one: `alias` may change mid-chat. */
export const GmsReplySchema = z
  .object({
    statusCode: z.literal(0),
    chatId: z.string().min(1).optional(),
    userId: z.string().min(1).optional(),
    secureKey: z.string().min(1).optional(),
    alias: z.string().min(1).optional(),
    chatEnded: z.boolean().optional(),
    nextPosition: z.number().int().min(0).optional(),
    messages: z.array(MessageSchema).default([]),
  })
  .loose();
export type GmsReply = z.infer<typeof GmsReplySchema>;

/** requestChat must hand out the chat id and every credential. */
export const GmsStartedSchema = GmsReplySchema.extend({
  chatId: z.string().min(1),
  userId: z.string().min(1),
  secureKey: z.string().min(1),
  alias: z.string().min(1),
});

/** What a GMS chat needs besides its id: credentials, and the transcript position (GMS keeps no cursor). */
const ChatStateSchema = z.object({
  userId: z.string().min(1),
  secureKey: z.string().min(1),
  alias: z.string().min(1),
  position: z.number().int().min(0),
});
export type GmsChatState = z.infer<typeof ChatStateSchema>;
const TokenSchema = ChatStateSchema.extend({ v: z.literal(1) });

/** The session token of a chat: versioned JSON, so a later format can still read this one. */
export const encodeSession = (s: GmsChatState): string => JSON.stringify({ v: 1, ...s });

/** The state in a token, or null when it is not one this adapter wrote. */
export function decodeSession(token: string): GmsChatState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(token);
  } catch {
    return null;
  }
  const parsed = TokenSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { v: _v, ...state } = parsed.data;
  return state;
}

/** A form body: plain fields (undefined ones left out) and user data as `userData[key]=value`, within GMS's limits. */
export function gmsForm(fields: Record<string, string | undefined>, userData: Record<string, string> = {}): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  for (const [key, value] of Object.entries(clampUserData(userData, GMS_USER_DATA_LIMITS))) form.append(`userData[${key}]`, value);
  return form;
}
