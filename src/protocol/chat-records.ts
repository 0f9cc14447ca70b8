/**
 * How chats are stored: per chat, under its own keys, so a write is proportional to what
 * changed, not to the transcript. A chat's record (`chat:<id>`) holds everything but the
 * transcript and the journey, plus the transcript's length; each transcript line has its own key
 * by position (`chat:<id>:<n>`); the journey that led to the chat, written once, has its own
 * (`chat:<id>:journey`), so a record rewritten on every message stays small; `chats` lists the ids. Validated on read: a corrupted chat is dropped
 * with a warning, never a crash.
 */
import { z } from 'zod';
import type { ChatSession, TranscriptEntry } from '../core/chat-session';

/** The key listing every stored chat's id. */
export const CHAT_INDEX_KEY = 'chats';
/** The key of a chat's record. */
export const chatKey = (id: string): string => `chat:${id}`;
/** The key of a chat's transcript line at `position` (0 = first). */
export const entryKey = (id: string, position: number): string => `chat:${id}:${position}`;

/** The key of the journey that led to a chat (the demo report's first steps). */
export const journeyKey = (id: string): string => `chat:${id}:journey`;

/**
 * A chat as stored: the session without its transcript and journey, and how many lines the
 * transcript has. (A record an earlier version wrote may still carry its journey inline.)
 */
export type StoredChat = Omit<ChatSession, 'transcript'> & { entries: number };

const EntrySchema = z.object({
  key: z.string(),
  index: z.number().int().optional(),
  kind: z.enum(['message', 'notice', 'file']),
  from: z.enum(['visitor', 'agent', 'system']),
  nickname: z.string(),
  text: z.string(),
  at: z.number(),
  clientMessageId: z.string().optional(),
  delivery: z.enum(['pending', 'sent', 'failed']).optional(),
  event: z.enum(['joined', 'left']).optional(),
  // A notice's phrase (its key is not checked against today's catalogs: an unknown one shows `text`).
  phrase: z.object({ key: z.string().max(100), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).optional(),
  file: z
    .object({
      id: z.string().optional(),
      name: z.string(),
      size: z.number().int().min(0).optional(),
      mime: z.string().optional(),
      description: z.string().optional(),
      deleted: z.boolean().optional(),
    })
    .optional(),
  failure: z.string().optional(),
}) satisfies z.ZodType<TranscriptEntry>;

const JourneySchema = z.array(z.object({ at: z.number(), kind: z.enum(['page', 'decision', 'offer', 'outcome']), text: z.string().max(300) })).max(200);

const ChatFields = {
  id: z.string(),
  chatId: z.string().nullable(),
  tabId: z.number().int(),
  queue: z.string(),
  status: z.enum(['requesting', 'waiting', 'connected', 'conferenced', 'transferred', 'ended']),
  agents: z.array(z.string()),
  agentTyping: z.boolean(),
  lastIndex: z.number().int(),
  needsResync: z.boolean(),
  createdAt: z.number(),
  endedAt: z.number().optional(),
  failures: z.number().int(),
  lastError: z.string().optional(),
  endRequested: z.boolean().optional(),
  readIndex: z.number().int().optional(),
  site: z.string().optional(),
  backendSession: z.string().optional(),
  pendingUserData: z.record(z.string(), z.string()).optional(),
  request: z.object({ nickname: z.string(), subject: z.string(), userData: z.record(z.string(), z.string()) }),
  page: z.object({ pageName: z.string(), url: z.string(), timeOnPage: z.string() }).optional(),
  origin: z.literal('page-chat').optional(),
  fileLimits: z
    .object({
      maxFileSize: z.number(), maxTotalSize: z.number(), maxFiles: z.number(), types: z.array(z.string()), needAgent: z.boolean(),
      downloadAttempts: z.number(), usedFiles: z.number(), usedTotalSize: z.number(), usedDownloads: z.number(),
    })
    .nullable()
    .optional(),
  uploading: z.string().optional(),
  journey: JourneySchema.optional(),
};

const StoredChatSchema = z.object({ ...ChatFields, entries: z.number().int().min(0) }) satisfies z.ZodType<StoredChat>;
/** A whole session, as version 1 stored it. */
const LegacySessionSchema = z.object({ ...ChatFields, transcript: z.array(EntrySchema) }) satisfies z.ZodType<ChatSession>;

/** The record of a session (everything but its transcript and journey). */
export function toStoredChat(session: ChatSession): StoredChat {
  const { transcript, journey: _journey, ...rest } = session;
  return { ...rest, entries: transcript.length };
}

/** A stored journey, or undefined when there is none or it is unreadable. */
export function readStoredJourney(raw: unknown): ChatSession['journey'] {
  const parsed = JourneySchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** A stored chat's record, or why it is unreadable. */
export function readStoredChat(raw: unknown): { ok: true; chat: StoredChat } | { ok: false; error: string } {
  const parsed = StoredChatSchema.safeParse(raw);
  return parsed.success ? { ok: true, chat: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid' };
}

/** A stored transcript line, or null when it is unreadable. */
export function readStoredEntry(raw: unknown): TranscriptEntry | null {
  const parsed = EntrySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A session as version 1 stored it, or null. */
export function readLegacySession(raw: unknown): ChatSession | null {
  const parsed = LegacySessionSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
