/**
 * The GMS Chat API v2 dialect (reference/protocols.md §3.1) over the same chat engine: a
 * GMS chat is an ordinary chat for agents. This module issues and checks the per-chat
 * credentials (userId, secureKey, alias) and renders the transcript the GMS way: `Client`
 * for the customer, `Message` for text, integer participant ids, `nextPosition`, and the
 * reply every operation shares (GMS/8.5.1/API/APIResponses; ChatV2Response.swift).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ChatEngine, NewChat } from './chat-engine.ts';
import { Code, GwsError } from './errors.ts';
import type { AgentMessage, MessageType, ParticipantType } from './types.ts';

/** A transcript event as GMS sends it (ChatV2Message.swift). */
export interface GmsMessage {
  from: { nickname: string; participantId: number; type: 'Client' | 'Agent' | 'External' };
  /** Absent only on the file limits notice, which is not part of the transcript. */
  index?: number;
  type: 'Message' | 'ParticipantJoined' | 'ParticipantLeft' | 'TypingStarted' | 'TypingStopped' | 'NicknameUpdated'
    | 'CustomNotice' | 'PushUrl' | 'FileUploaded' | 'FileDeleted' | 'Notice';
  text?: string;
  utcTime: number;
  userData?: Record<string, string>;
  /** Beckon extra (not in vendor-exact mode): the `clientMessageId` a customer message was sent with. */
  clientMessageId?: string;
}

/** The body of a GMS reply about a known chat whose credentials matched. */
export interface GmsReply {
  statusCode: 0 | 2;
  chatId: string;
  userId: string;
  secureKey: string;
  alias: string;
  chatEnded: boolean;
  nextPosition: number;
  messages: GmsMessage[];
  userData?: Record<string, string>;
}

/** What later requests must repeat. */
export interface GmsCredentials {
  userId: string;
  secureKey: string;
  alias: string;
}

/**
 * A request GMS answers with HTTP 200 and `statusCode: 2` ("repeating it will not succeed"):
 * wrong credentials, an unknown chat (`chatEnded: true`: there is no chat to go on with), a
 * file refused by a limit (`chatEnded: false`: the chat goes on).
 */
export class GmsRefused extends Error {
  constructor(
    message: string,
    readonly chatEnded?: boolean,
  ) {
    super(message);
    this.name = 'GmsRefused';
  }
}

const FROM: Record<ParticipantType, GmsMessage['from']['type']> = { Customer: 'Client', Agent: 'Agent', External: 'External' };
const TYPE: Record<MessageType, GmsMessage['type']> = {
  Text: 'Message', ParticipantJoined: 'ParticipantJoined', ParticipantLeft: 'ParticipantLeft',
  TypingStarted: 'TypingStarted', TypingStopped: 'TypingStopped', NicknameUpdated: 'NicknameUpdated',
  CustomNotice: 'CustomNotice', PushUrl: 'PushUrl', FileUploaded: 'FileUploaded', FileDeleted: 'FileDeleted',
};
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** GMS sessions over the engine. */
export class GmsChats {
  constructor(
    private readonly engine: ChatEngine,
    /** Vendor-exact mode: no `clientMessageId` on messages. */
    private readonly vendorExact = false,
  ) {}

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

  /** Checks the credentials of a request on `chatId`; throws GmsRefused (unknown chat, wrong or not a GMS chat). */
  authenticate(chatId: string, given: GmsCredentials): void {
    if (!this.engine.repo.getChat(chatId)) throw new GmsRefused(`Chat '${chatId}' does not exist (or no longer exists).`, true);
    const session = this.engine.repo.gmsSession(chatId);
    // Compare every field, in constant time, whatever the first mismatch.
    const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));
    const match = [
      same(given.userId, session?.userId ?? '\u0000'),
      same(given.secureKey, session?.secureKey ?? '\u0000'),
      same(given.alias, session?.alias ?? '\u0000'),
    ].every(Boolean);
    if (!session || !match) throw new GmsRefused(`userId, secureKey or alias does not match chat '${chatId}'.`);
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

  /** GMS participant ids: integers by first appearance in the transcript (the customer is 1); stable, since it only grows. */
  private participantIds(chatId: string): Map<string, number> {
    const ids = new Map<string, number>();
    for (const m of this.engine.repo.messagesFrom(chatId, 0)) if (!ids.has(m.from.participantId)) ids.set(m.from.participantId, ids.size + 1);
    return ids;
  }

  /** A Sandbox message in GMS shape; `ids` from participantIds(). */
  private toGms(m: AgentMessage, ids: Map<string, number>): GmsMessage {
    return {
      from: { nickname: m.from.nickname, participantId: ids.get(m.from.participantId) ?? 0, type: FROM[m.from.type] },
      index: m.index,
      type: TYPE[m.type] ?? 'Notice',
      ...(m.text === undefined ? {} : { text: m.text }),
      utcTime: m.utcTime,
      ...(m.userData === undefined ? {} : { userData: m.userData }),
      ...(m.clientMessageId === undefined || this.vendorExact ? {} : { clientMessageId: m.clientMessageId }),
    };
  }

  /**
   * The reply: credentials, end state, and customer-visible messages from `position` (none
   * when null). `statusCode: 2` for an operation on an ended chat (the messages still come,
   * so nothing is lost to a client that reads them).
   */
  reply(chatId: string, credentials: GmsCredentials, position: number | null, statusCode: 0 | 2 = 0): GmsReply {
    const chat = this.engine.mustChat(chatId);
    const ids = this.participantIds(chatId);
    const visible = this.engine.repo.publicMessagesFrom(chatId, 0); // with the customer's clientMessageIds
    return {
      statusCode,
      chatId,
      ...credentials,
      chatEnded: chat.ended,
      nextPosition: (visible.at(-1)?.index ?? 0) + 1,
      messages: position === null ? [] : visible.filter((m) => m.index >= position).map((m) => this.toGms(m, ids)),
    };
  }
}
