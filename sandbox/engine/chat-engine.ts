/**
 * Domain operations over the store: the customer side of a chat, plus the helpers the
 * agent side (agent-desk.ts) shares. Every mutation runs in one SQLite transaction and
 * notifies subscribers only after it commits.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ChatRow, Repo } from '../store/repo.ts';
import { Code, GwsError } from './errors.ts';
import { EngineEvents } from './events.ts';
import { CUSTOMER_OPERATIONS, type ChatMessage, type CustomerChatView, type MessageType, type Participant } from './types.ts';

/** What RequestChat stores. */
export interface NewChat {
  nickname: string;
  subject?: string;
  queue: string;
  userData: Record<string, string>;
}

/** A message to append; index and time are assigned by the engine. */
export type Draft = { type: MessageType; from: Participant; text?: string; clientMessageId?: string };

/** Short random participant id: unique within a chat is all GWS promises. */
export const newParticipantId = (): string => randomBytes(8).toString('hex');

/** The chat store plus its rules. One per running Sandbox. */
export class ChatEngine {
  readonly events = new EngineEvents();

  constructor(
    readonly repo: Repo,
    readonly now: () => number = Date.now,
  ) {}

  /** Loads a chat or throws code 6. */
  mustChat(id: string): ChatRow {
    const chat = this.repo.getChat(id);
    if (!chat) throw new GwsError(Code.NotFound, `Chat '${id}' does not exist.`);
    return chat;
  }

  /**
   * Runs `fn` in a transaction, giving it an `append` that adds messages at the next index,
   * then tells subscribers which chat changed and which messages are new.
   */
  change<T>(chatId: string, fn: (append: (draft: Draft) => ChatMessage) => T): T {
    const added: ChatMessage[] = [];
    const result = this.repo.transaction(() =>
      fn((draft) => {
        const message = this.repo.appendMessage(chatId, { ...draft, utcTime: this.now() });
        added.push(message);
        return message;
      }),
    );
    this.events.emit('chat', { chatId, messages: added });
    return result;
  }

  /** RequestChat: creates a waiting chat whose first message is the customer joining. */
  requestChat(input: NewChat): string {
    const id = randomUUID();
    const customer: Participant = { nickname: input.nickname, participantId: newParticipantId(), type: 'Customer' };
    const at = this.now();
    this.change(id, (append) => {
      this.repo.insertChat({ id, queue: input.queue, subject: input.subject ?? null, nickname: input.nickname,
        userData: input.userData, createdAt: at, customerParticipantId: customer.participantId });
      this.repo.addParticipant(id, customer, null, at);
      append({ type: 'ParticipantJoined', from: customer });
    });
    return id;
  }

  /** GetChat. */
  getChat(id: string): CustomerChatView {
    const chat = this.mustChat(id);
    return {
      id: chat.id,
      state: chat.state,
      capabilities: chat.ended ? [] : [...CUSTOMER_OPERATIONS],
      participants: this.repo.present(id).map(({ nickname, participantId, type }) => ({ nickname, participantId, type })),
      ended: chat.ended,
    };
  }

  /**
   * GetMessages. Without `index`: what the customer has not received yet. With `index`:
   * everything from that index on. Either way the cursor only ever moves forward.
   */
  readMessages(id: string, index?: number): { messages: ChatMessage[]; chatEnded: boolean } {
    return this.repo.transaction(() => {
      const chat = this.mustChat(id);
      const messages = this.repo.messagesFrom(id, index ?? chat.customerCursor + 1);
      const last = messages.at(-1);
      if (last) this.repo.advanceCursor(id, last.index);
      return { messages, chatEnded: chat.ended };
    });
  }

  /** Customer SendMessage. A repeated clientMessageId is acknowledged without a new message. */
  customerSend(id: string, text: string, clientMessageId?: string): void {
    const chat = this.mustChat(id);
    const me = customerOf(chat);
    if (clientMessageId && this.repo.hasClientMessage(id, me.participantId, clientMessageId)) return;
    assertOpen(chat);
    this.change(id, (append) => append({ type: 'Text', from: me, text, clientMessageId }));
  }

  /** Customer SendStartTypingNotification / SendStopTypingNotification. */
  customerTyping(id: string, started: boolean): void {
    const chat = this.mustChat(id);
    assertOpen(chat);
    this.typing(chat, customerOf(chat), started);
  }

  /**
   * Appends TypingStarted/TypingStopped unless it would repeat the participant's current
   * typing state: clients send these on keystrokes, and repeats would only flood the log.
   */
  typing(chat: ChatRow, from: Participant, started: boolean): void {
    const last = this.repo.lastTypingish(chat.id, from.participantId);
    if (started ? last === 'TypingStarted' : last !== 'TypingStarted') return;
    this.change(chat.id, (append) => append({ type: started ? 'TypingStarted' : 'TypingStopped', from }));
  }

  /** Customer Complete: the customer leaves and the chat ends for everyone. */
  complete(id: string): void {
    const chat = this.mustChat(id);
    assertOpen(chat);
    const me = customerOf(chat);
    this.change(id, (append) => {
      append({ type: 'ParticipantLeft', from: me });
      this.repo.leaveParticipant(id, me.participantId, this.now());
      this.repo.setEnded(id, this.now());
    });
  }
}

/** The customer participant of a chat. */
export function customerOf(chat: ChatRow): Participant {
  return { nickname: chat.nickname, participantId: chat.customerParticipantId, type: 'Customer' };
}

/** Throws code 2 once a chat has ended: nothing more can be said in it. */
export function assertOpen(chat: ChatRow): void {
  if (chat.ended) throw new GwsError(Code.InvalidState, `Chat '${chat.id}' has ended; this operation is no longer possible.`);
}
