/**
 * Wire shapes of the Genesys GWS Customer Chat API v2 (protocols.md §1), validated with zod
 * because a backend's reply is input like any other.
 */
import { z } from 'zod';
import type { ChatEvent, Party } from '../core/chat-events';
import type { UserDataLimits } from './user-data-limits';
import { toSharedEvent } from './wire-events';

/**
 * User data a GWS server takes. Genesys documents no per-value limit for the Customer Chat
 * API; these are the Beckon Sandbox's (see src/backends/README.md), well inside Chat
 * Server's default 32 KB packet limit for the few keys a chat carries.
 */
export const GWS_USER_DATA_LIMITS: UserDataLimits = { valueMax: 1000, keyMax: 200, keysMax: 50 };

/** The statusCode/statusMessage envelope every reply carries. */
export const EnvelopeSchema = z.object({ statusCode: z.number().int(), statusMessage: z.string().optional() }).loose();

/** Sandbox extra: `GET /api/v2/queues/{name}/availability`. */
export const AvailabilityReplySchema = z
  .object({ queue: z.object({ name: z.string(), readyAgents: z.number().int().min(0) }), statusCode: z.literal(0) })
  .loose();

export const RequestChatReplySchema = z.object({ id: z.string().min(1), statusCode: z.literal(0) }).loose();

/** GetChat: what the adapter reads (protocols.md §1.2): the state, the operations allowed now, who is in the chat. */
export const GetChatReplySchema = z
  .object({
    chat: z
      .object({
        state: z.string().optional(),
        capabilities: z.array(z.string()).default([]),
        participants: z.array(z.object({ nickname: z.string().default(''), type: z.string().default('External') }).loose()).default([]),
      })
      .loose(),
    statusCode: z.literal(0),
  })
  .loose();

/** Sandbox extra: `GET /api/v2/chats/{id}/userdata?keys=…`. */
export const UserDataReplySchema = z
  .object({ userData: z.record(z.string(), z.string()), statusCode: z.literal(0) })
  .loose();

const ParticipantSchema = z.object({
  nickname: z.string().default(''),
  participantId: z.union([z.string(), z.number()]).optional(),
  type: z.string().default('External'),
});

const MessageSchema = z
  .object({
    index: z.number().int(),
    type: z.string(),
    from: ParticipantSchema.default({ nickname: '', type: 'External' }),
    text: z.string().optional(),
    // Sandbox extras; other GWS servers simply do not send them.
    utcTime: z.number().optional(),
    clientMessageId: z.string().optional(),
  })
  .loose();

export const MessagesReplySchema = z
  .object({ messages: z.array(MessageSchema), statusCode: z.literal(0), chatEnded: z.boolean().optional() })
  .loose();

const TYPES: Record<string, ChatEvent['type']> = {
  Text: 'message',
  ParticipantJoined: 'joined',
  ParticipantRejoined: 'joined',
  ParticipantLeft: 'left',
  TypingStarted: 'typing-started',
  TypingStopped: 'typing-stopped',
  Notice: 'notice',
};

const PARTIES: Record<string, Party> = { Customer: 'visitor', Client: 'visitor', Agent: 'agent' };

/** Maps one GWS message to the shared model (see {@link toSharedEvent}). */
export function toChatEvent(m: z.infer<typeof MessageSchema>): ChatEvent | null {
  return toSharedEvent(m, TYPES, PARTIES);
}
