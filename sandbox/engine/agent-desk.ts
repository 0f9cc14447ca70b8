/**
 * The agent side of the engine: availability, the interactions an agent can see, and the
 * GWS 8.5.0 operations on them (Accept, SendMessage, SendNotification, StopProcessing).
 * Routing is deliberately simple: every Ready agent is offered every waiting chat, and
 * the first to accept gets it.
 */
import type { ChatRow } from '../store/repo.ts';
import { assertOpen, type ChatEngine, newParticipantId } from './chat-engine.ts';
import { Code, GwsError } from './errors.ts';
import type { AgentState, Interaction, Participant } from './types.ts';

/** Agent availability and chat handling, over a ChatEngine. */
export class AgentDesk {
  constructor(private readonly engine: ChatEngine) {}

  private get repo() {
    return this.engine.repo;
  }

  /** The engine's event bus, for subscribers that build agent views (agent-feed.ts). */
  get events() {
    return this.engine.events;
  }

  /** Ready or NotReady (an agent never seen before is NotReady). */
  state(name: string): AgentState {
    return this.repo.agentState(name);
  }

  /** Sets availability and tells subscribers, whose offered chats appear or vanish. */
  setState(name: string, state: AgentState): void {
    this.repo.setAgentState(name, state, this.engine.now());
    this.engine.events.emit('agent', { name });
  }

  /** Everything the agent sees now: offered chats (when Ready) and its own open ones. */
  interactions(name: string): Interaction[] {
    return this.repo.chatsForAgent(name, this.state(name) === 'Ready').map((c) => this.view(c));
  }

  /** The agent's view of one chat, or null when this agent should not see it now. */
  interactionFor(name: string, chatId: string): Interaction | null {
    const chat = this.repo.getChat(chatId);
    if (!chat) return null;
    const offered = chat.agentName === null && !chat.ended && this.state(name) === 'Ready';
    const mine = chat.agentName === name && !chat.agentDone;
    return offered || mine ? this.view(chat) : null;
  }

  /** Accept: the agent joins a waiting chat under `nickname`. */
  accept(name: string, chatId: string, nickname: string): void {
    const chat = this.engine.mustChat(chatId);
    if (chat.agentName !== null || chat.ended) {
      throw new GwsError(Code.InvalidState, `Chat '${chatId}' is no longer waiting for an agent.`);
    }
    if (this.state(name) !== 'Ready') {
      throw new GwsError(Code.InvalidState, 'Set yourself Ready before accepting a chat.');
    }
    const agent: Participant = { nickname, participantId: newParticipantId(), type: 'Agent' };
    this.engine.change(chatId, (append) => {
      this.repo.addParticipant(chatId, agent, name, this.engine.now());
      this.repo.setAgent(chatId, name);
      this.repo.setState(chatId, 'Chatting');
      append({ type: 'ParticipantJoined', from: agent });
    });
  }

  /** SendMessage from the agent; a repeated clientMessageId is acknowledged without a new message. */
  send(name: string, chatId: string, text: string, clientMessageId?: string): void {
    const { chat, me } = this.own(name, chatId);
    if (clientMessageId && this.repo.hasClientMessage(chatId, me.participantId, clientMessageId)) return;
    assertOpen(chat);
    this.engine.change(chatId, (append) => append({ type: 'Text', from: me, text, clientMessageId }));
  }

  /** SendNotification: TypingStarted or TypingStopped. */
  notify(name: string, chatId: string, notification: 'TypingStarted' | 'TypingStopped'): void {
    const { chat, me } = this.own(name, chatId);
    assertOpen(chat);
    this.engine.typing(chat, me, notification === 'TypingStarted');
  }

  /** StopProcessing: the agent leaves; the chat ends for the customer and leaves the agent's list. */
  stopProcessing(name: string, chatId: string): void {
    const { me } = this.own(name, chatId);
    this.engine.change(chatId, (append) => {
      append({ type: 'ParticipantLeft', from: me });
      this.repo.leaveParticipant(chatId, me.participantId, this.engine.now());
      this.repo.setEnded(chatId, this.engine.now());
      this.repo.setAgentDone(chatId);
    });
  }

  /** Loads a chat this agent accepted and still processes, with its agent participant. */
  private own(name: string, chatId: string): { chat: ChatRow; me: Participant } {
    const chat = this.engine.mustChat(chatId);
    if (chat.agentName === null) throw new GwsError(Code.InvalidState, `Accept chat '${chatId}' first.`);
    if (chat.agentName !== name) throw new GwsError(Code.NoPermission, `Chat '${chatId}' is handled by another agent.`);
    if (chat.agentDone) throw new GwsError(Code.InvalidState, `You already stopped processing chat '${chatId}'.`);
    const me = this.repo.present(chatId).find((p) => p.agentName === name);
    // Unreachable while agentDone is false (the agent only leaves through StopProcessing).
    if (!me) throw new GwsError(Code.Internal, `Agent '${name}' is not a participant of chat '${chatId}'.`);
    return { chat, me: { nickname: me.nickname, participantId: me.participantId, type: 'Agent' } };
  }

  private view(chat: ChatRow): Interaction {
    return {
      id: chat.id,
      state: chat.agentName === null ? 'Offered' : chat.ended ? 'Ended' : 'Chatting',
      queue: chat.queue,
      subject: chat.subject,
      customer: { nickname: chat.nickname },
      userData: chat.userData,
      createdAt: chat.createdAt,
      endedAt: chat.endedAt,
      participants: this.repo.present(chat.id).map(({ nickname, participantId, type }) => ({ nickname, participantId, type })),
      messages: this.repo.messagesFrom(chat.id, 0),
    };
  }
}
