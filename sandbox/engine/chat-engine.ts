/**
 * Domain operations over the store: the customer side of a chat, plus the helpers the
 * agent side (agent-desk.ts) shares. Every mutation runs atomically (a savepoint in the
 * store's group commit) and notifies subscribers only after its batch commits.
 */
import { randomUUID } from 'node:crypto';
import type { ChatRow, Repo } from '../store/repo.ts';
import { type Append, assertOpen, customerOf, forCustomer, type NewChat, newParticipantId } from './chat-basics.ts';
import { Code, GwsError } from './errors.ts';
import { EngineEvents } from './events.ts';
import { type AgentMessage, type ChatMessage, type CustomerChatView, GWS_CUSTOMER_OPERATIONS, type Participant, type Visibility } from './types.ts';

// Shared with the agent side and the dialects, which import them from here.
export { type Append, assertOpen, customerOf, type Draft, forCustomer, type NewChat, newParticipantId } from './chat-basics.ts';

/** The chat store plus its rules. One per running Sandbox. */
export class ChatEngine {
  readonly events: EngineEvents;

  constructor(
    readonly repo: Repo,
    readonly now: () => number = Date.now,
  ) {
    // Events leave once the writes before them commit (store/group-commit.ts).
    this.events = new EngineEvents((deliver) => repo.afterCommit(deliver));
  }

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
  change<T>(chatId: string, fn: (append: Append) => T): T {
    const added: AgentMessage[] = [];
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

  /**
   * RequestChat: creates a waiting chat whose first message is the customer joining.
   * `within` runs in the same transaction (a dialect storing its own session data).
   */
  requestChat(input: NewChat, within?: (chatId: string) => void): string {
    const id = randomUUID();
    const customer: Participant = { nickname: input.nickname, participantId: newParticipantId(), type: 'Customer' };
    const at = this.now();
    const newQueue = !this.repo.queueUsed(input.queue);
    this.change(id, (append) => {
      this.repo.insertChat({ id, queue: input.queue, subject: input.subject ?? null, nickname: input.nickname,
        userData: input.userData, createdAt: at, customerParticipantId: customer.participantId });
      this.repo.addParticipant(id, customer, null, at);
      this.repo.logChat(id, at, 'requested', null, { queue: input.queue });
      append({ type: 'ParticipantJoined', from: customer });
      within?.(id);
    });
    if (newQueue) this.events.emit('queue', { name: input.queue });
    return id;
  }

  /**
   * GetChat as GWS documents it, plus `ended` (a Sandbox extra the customer routes add or
   * drop, with the extra capabilities). Capabilities: every operation while open; once an
   * agent ended the chat only `Complete` (the customer may still leave it, and a client sees
   * there is nobody to write to); after the customer's own Complete, none.
   */
  getChat(id: string): CustomerChatView {
    const chat = this.mustChat(id);
    const present = this.repo.present(id);
    const customerIn = present.some((p) => p.participantId === chat.customerParticipantId);
    return {
      id: chat.id,
      state: chat.state,
      capabilities: !chat.ended ? [...GWS_CUSTOMER_OPERATIONS] : customerIn ? ['Complete'] : [],
      participants: present
        .filter((p) => p.visibility === 'All')
        .map(({ nickname, participantId, type }) => ({ nickname, participantId, type })),
      ended: chat.ended,
    };
  }

  /** Whether the customer has left the chat (Complete, GMS disconnect); throws code 6 for an unknown chat. */
  customerLeft(id: string): boolean {
    const left = this.repo.customerLeft(id);
    if (left === undefined) throw new GwsError(Code.NotFound, `Chat '${id}' does not exist.`);
    return left;
  }

  /**
   * GetMessages. Without `index`: what the customer has not received yet. With `index`:
   * everything from that index on. Either way the cursor only ever moves forward. Agents-only
   * messages (consultation) are never shown to the customer.
   */
  readMessages(id: string, index?: number): { messages: ChatMessage[]; chatEnded: boolean } {
    // The hottest path (every customer polls it): two small reads, and a write only when the
    // cursor moves. Reads on the one connection cannot interleave, so no transaction is needed.
    const chat = this.repo.customerReadState(id);
    if (!chat) throw new GwsError(Code.NotFound, `Chat '${id}' does not exist.`);
    const messages = this.repo.publicMessagesFrom(id, index ?? chat.cursor + 1);
    const last = messages.at(-1);
    if (last && last.index > chat.cursor) this.repo.transaction(() => this.repo.advanceCursor(id, last.index));
    return { messages: messages.map(forCustomer), chatEnded: chat.ended };
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
  typing(chat: ChatRow, from: Participant, started: boolean, visibility: Visibility = 'All'): void {
    const last = this.repo.lastTypingish(chat.id, from.participantId);
    if (started ? last === 'TypingStarted' : last !== 'TypingStarted') return;
    this.change(chat.id, (append) => append({ type: started ? 'TypingStarted' : 'TypingStopped', from, visibility }));
  }

  /**
   * Customer Complete: the customer leaves and the chat ends for everyone. On a chat an agent
   * already ended, the customer still leaves it (GetChat offers Complete then); only a second
   * Complete is refused (code 2).
   */
  complete(id: string): void {
    const chat = this.mustChat(id);
    if (!chat.ended || this.customerLeft(id)) assertOpen(chat);
    const me = customerOf(chat);
    this.change(id, (append) => {
      append({ type: 'ParticipantLeft', from: me });
      this.repo.leaveParticipant(id, me.participantId, this.now());
      if (chat.ended) return;
      this.repo.setEnded(id, this.now());
      // Nobody can join a chat that is over: pending consultation invitations go.
      this.repo.removeInvites(id);
    });
  }
}
