/**
 * The GMS Chat API v2 dialect (reference/protocols.md §3.1) over the same chat engine: a
 * GMS chat is an ordinary chat for agents. This module issues and checks the per-chat
 * credentials (userId, secureKey, alias) and renders the transcript the GMS way: `Client`
 * for the customer, `Message` for text, integer participant ids, `nextPosition`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ChatEngine, NewChat } from './chat-engine.ts';
import { Code, GwsError } from './errors.ts';
import type { AgentMessage, MessageType, ParticipantType } from './types.ts';

/** A transcript event as GMS sends it. */
export interface GmsMessage {
  from: { nickname: string; participantId: number; type: 'Client' | 'Agent' | 'External' };
  index: number;
  type: 'Message' | 'ParticipantJoined' | 'ParticipantLeft' | 'TypingStarted' | 'TypingStopped' | 'Notice';
  text?: string;
  utcTime: number;
  /** Beckon extra: the `clientMessageId` a customer message was sent with. */
  clientMessageId?: string;
}

/** The body of every successful GMS reply. */
export interface GmsReply {
  statusCode: 0;
  chatId: string;
  userId: string;
  secureKey: string;
  alias: string;
  chatEnded: boolean;
  nextPosition: number;
  messages: GmsMessage[];
}

/** What later requests must repeat. */
export interface GmsCredentials {
  userId: string;
  secureKey: string;
  alias: string;
}

const FROM: Record<ParticipantType, GmsMessage['from']['type']> = { Customer: 'Client', Agent: 'Agent', External: 'External' };
const TYPE: Record<MessageType, GmsMessage['type']> = {
  Text: 'Message', ParticipantJoined: 'ParticipantJoined', ParticipantLeft: 'ParticipantLeft',
  TypingStarted: 'TypingStarted', TypingStopped: 'TypingStopped',
};
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** GMS sessions over the engine. */
export class GmsChats {
  constructor(private readonly engine: ChatEngine) {}

  /** requestChat: creates the chat and its credentials. */
  start(input: NewChat): { chatId: string; credentials: GmsCredentials } {
    const credentials = {
      userId: randomBytes(8).toString('hex').toUpperCase(),
      secureKey: randomBytes(16).toString('hex'),
      alias: 'sandbox',
    };
    const chatId = this.engine.requestChat(input, (id) => this.engine.repo.addGmsSession({ chatId: id, ...credentials }, this.engine.now()));
    return { chatId, credentials };
  }

  /** Checks the credentials of a request on `chatId` (code 6: no such chat; code 3: wrong or not a GMS chat). */
  authenticate(chatId: string, given: GmsCredentials): void {
    this.engine.mustChat(chatId);
    const session = this.engine.repo.gmsSession(chatId);
    // Compare every field, in constant time, whatever the first mismatch.
    const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
    const match = [
      same(given.userId, session?.userId ?? '\u0000'),
      same(given.secureKey, session?.secureKey ?? '\u0000'),
      same(given.alias, session?.alias ?? '\u0000'),
    ].every(Boolean);
    if (!session || !match) {
      throw new GwsError(Code.Forbidden, `userId, secureKey or alias does not match chat '${chatId}'.`);
    }
  }

  /**
   * Throws code 3 when `chatId` was started through GMS: only its credentials open it, so the
   * GWS customer routes (which have none) must not read or change it.
   */
  refuseOtherDialect(chatId: string): void {
    if (!this.engine.repo.isGmsChat(chatId)) return;
    throw new GwsError(Code.Forbidden,
      `Chat '${chatId}' was started through the GMS Chat API; only that API, with the chat's userId, secureKey and alias, may read or change it.`);
  }

  /** The reply: credentials, end state, and customer-visible messages from `position` (none when null). */
  reply(chatId: string, credentials: GmsCredentials, position: number | null): GmsReply {
    const chat = this.engine.mustChat(chatId);
    const all = this.engine.repo.messagesFrom(chatId, 0);
    // Numbered by first appearance (the customer is 1): stable, since the transcript only grows.
    const ids = new Map<string, number>();
    for (const m of all) if (!ids.has(m.from.participantId)) ids.set(m.from.participantId, ids.size + 1);
    const visible = this.engine.repo.publicMessagesFrom(chatId, 0); // with the customer's clientMessageIds
    const toGms = (m: AgentMessage): GmsMessage => ({
      from: { nickname: m.from.nickname, participantId: ids.get(m.from.participantId)!, type: FROM[m.from.type] },
      index: m.index,
      type: TYPE[m.type] ?? 'Notice',
      ...(m.text === undefined ? {} : { text: m.text }),
      utcTime: m.utcTime,
      ...(m.clientMessageId === undefined ? {} : { clientMessageId: m.clientMessageId }),
    });
    return {
      statusCode: 0,
      chatId,
      ...credentials,
      chatEnded: chat.ended,
      nextPosition: (visible.at(-1)?.index ?? 0) + 1,
      messages: position === null ? [] : visible.filter((m) => m.index >= position).map(toGms),
    };
  }
}
