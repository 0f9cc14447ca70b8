/**
 * The agent side of the engine: what an agent sees (via routing.ts) and the GWS 8.5.0
 * operations that concern one agent's place in a chat: Accept, Reject, SendMessage,
 * SendNotification, StopProcessing and RequestChatHistory. Hand-offs between agents
 * (Transfer, consultation, conference) live in handoff.ts.
 */
import type { ChatRow } from '../store/repo.ts';
import type { Availability } from './availability.ts';
import { assertOpen, type ChatEngine, newParticipantId } from './chat-engine.ts';
import { Code, GwsError } from './errors.ts';
import { leaveChat } from './leave.ts';
import { UserData } from './user-data.ts';
import type { Member } from './member.ts';
import { Routing } from './routing.ts';
import type { AgentState, AgentView, Interaction, Participant, Visibility } from './types.ts';

/** Chat handling for agents, over a ChatEngine and the agents' availability. */
export class AgentDesk {
  readonly routing: Routing;

  constructor(
    readonly engine: ChatEngine,
    readonly availability: Availability,
  ) {
    this.routing = new Routing(engine, availability);
  }

  private get repo() {
    return this.engine.repo;
  }

  /** The engine's event bus, for subscribers that build agent views (agent-feed.ts). */
  get events() {
    return this.engine.events;
  }

  /** The agent's overall and per-queue availability (an agent never seen before is NotReady). */
  me(name: string): AgentView {
    return this.availability.view(name);
  }

  /** Sets availability on some queues (or all) and tells subscribers, whose offers change. */
  setState(name: string, state: AgentState, queues?: readonly string[]): void {
    this.availability.set(name, state, queues);
  }

  /** Everything the agent sees now: offers, consultation invitations and its own chats. */
  interactions(name: string): Interaction[] {
    return this.routing.views(name);
  }

  /** The agent's view of one chat, or null when this agent should not see it now. */
  interactionFor(name: string, chatId: string): Interaction | null {
    const chat = this.repo.getChat(chatId);
    return chat ? this.routing.view(name, chat) : null;
  }

  /** Accept: joins an offered chat (as its agent) or a consultation (agents-only) under `nickname`. */
  accept(name: string, chatId: string, nickname: string): void {
    const chat = this.engine.mustChat(chatId);
    const rel = this.routing.relation(name, chat);
    if (rel.kind !== 'offered' && rel.kind !== 'invited') throw this.notOffered(name, chat);
    const consulting = rel.kind === 'invited';
    const visibility: Visibility = consulting ? 'Agents' : 'All';
    const agent: Participant = { nickname, participantId: newParticipantId(), type: 'Agent' };
    this.engine.change(chatId, (append) => {
      this.repo.addParticipant(chatId, agent, name, this.engine.now(), visibility);
      this.repo.putChatAgent({ chatId, agent: name, role: consulting ? 'Consultant' : 'Primary', status: 'Joined',
        participantId: agent.participantId, invitedBy: consulting ? rel.row.invitedBy : null }, this.engine.now());
      if (!consulting) {
        this.repo.setTarget(chatId, null);
        this.repo.setState(chatId, 'Chatting');
      }
      this.repo.logChat(chatId, this.engine.now(), 'accepted', name, { nickname, offer: rel.kind === 'invited' ? 'Consultation' : rel.via });
      append({ type: 'ParticipantJoined', from: agent, visibility });
    });
  }

  /** Reject: declines an offer (the chat stays waiting for others) or a consultation invitation. */
  reject(name: string, chatId: string): void {
    const chat = this.engine.mustChat(chatId);
    const rel = this.routing.relation(name, chat);
    if (rel.kind === 'member') {
      throw new GwsError(Code.InvalidState, `You are in chat '${chatId}'; use Transfer or StopProcessing instead of Reject.`);
    }
    if (rel.kind !== 'offered' && rel.kind !== 'invited') throw this.notOffered(name, chat);
    this.engine.change(chatId, () => {
      this.repo.logChat(chatId, this.engine.now(), 'rejected', name, { offer: rel.kind === 'invited' ? 'Consultation' : rel.via });
      if (rel.kind === 'invited') return this.repo.removeChatAgent(chatId, name);
      // Not offered to this agent again; a chat transferred to it goes back to its queue.
      this.repo.addRejection(chatId, name, this.engine.now());
      if (rel.via === 'Transfer') this.repo.setTarget(chatId, null);
    });
  }

  /** SendMessage; a consultant's messages (and any with visibility Agents) stay among agents. */
  send(name: string, chatId: string, text: string, clientMessageId?: string, visibility?: Visibility): void {
    const { chat, row, me } = this.member(name, chatId);
    if (clientMessageId && this.repo.hasClientMessage(chatId, me.participantId, clientMessageId)) return;
    assertOpen(chat);
    if (row.role === 'Consultant' && visibility === 'All') {
      throw new GwsError(Code.InvalidState, 'A consultant cannot write to the customer; the agent who consulted you can CompleteTransfer or CompleteConference.');
    }
    const vis = row.role === 'Consultant' ? 'Agents' : (visibility ?? 'All');
    this.engine.change(chatId, (append) => append({ type: 'Text', from: me, text, clientMessageId, visibility: vis }));
  }

  /** SendNotification: TypingStarted or TypingStopped (agents-only from a consultant). */
  notify(name: string, chatId: string, notification: 'TypingStarted' | 'TypingStopped'): void {
    const { chat, row, me } = this.member(name, chatId);
    assertOpen(chat);
    this.engine.typing(chat, me, notification === 'TypingStarted', row.role === 'Consultant' ? 'Agents' : 'All');
  }

  /** StopProcessing: the agent leaves; the chat ends for the customer when no other agent handles it. */
  stopProcessing(name: string, chatId: string): void {
    const m = this.member(name, chatId);
    this.engine.change(chatId, (append) => {
      // The time before leaving, so the report reads "ended the chat", then "left".
      const at = this.engine.now();
      leaveChat(this.engine, m, append, { status: 'Done', endIfLast: true });
      this.repo.logChat(chatId, at, 'stopped', name, { role: m.row.role, ended: this.repo.getChat(chatId)?.ended === true });
    });
  }

  /**
   * UpdateUserData (Sandbox extra on the agent API, after GWS 8.5.2's capability of that name):
   * an agent handling the customer adds or overwrites user data keys, as the customer's
   * UpdateUserData does (at most 50 keys in all). Not for consultants (code 2) or an ended chat.
   */
  updateUserData(name: string, chatId: string, values: Record<string, string>): void {
    const { chat, row } = this.member(name, chatId);
    if (row.role === 'Consultant') throw new GwsError(Code.InvalidState, 'A consultant cannot change the chat\'s user data.');
    assertOpen(chat);
    new UserData(this.engine).update(chatId, values, name);
  }

  /** RequestChatHistory: sends the transcript from `eventId` (a message index) to this agent's stream. */
  requestHistory(name: string, chatId: string, eventId = 0): void {
    this.member(name, chatId);
    this.events.emit('history', { agent: name, chatId, messages: this.repo.messagesFrom(chatId, eventId) });
  }

  /** Loads a chat this agent is in, or throws the code that explains why it is not. */
  member(name: string, chatId: string): Member {
    const chat = this.engine.mustChat(chatId);
    const rel = this.routing.relation(name, chat);
    if (rel.kind === 'member') {
      const me = this.repo.participant(chatId, rel.row.participantId ?? '');
      // Unreachable: a Joined row always names the participant created on Accept.
      if (!me) throw new GwsError(Code.Internal, `Agent '${name}' has no participant in chat '${chatId}'.`);
      return { chat, row: rel.row, me };
    }
    if (rel.kind === 'offered' || rel.kind === 'invited') throw new GwsError(Code.InvalidState, `Accept chat '${chatId}' first.`);
    if (rel.row?.status === 'Done') throw new GwsError(Code.InvalidState, `You already stopped processing chat '${chatId}'.`);
    if (rel.row?.status === 'Left') throw new GwsError(Code.InvalidState, `You are no longer in chat '${chatId}' (you handed it on, or the consultation ended).`);
    if (this.repo.chatAgents(chatId).some((r) => r.status === 'Joined')) {
      throw new GwsError(Code.NoPermission, `Chat '${chatId}' is handled by another agent.`);
    }
    throw new GwsError(Code.InvalidState, `Accept chat '${chatId}' first.`);
  }

  /** The code-2 error for Accept/Reject on a chat not offered to this agent, saying why. */
  private notOffered(name: string, chat: ChatRow): GwsError {
    const say = (why: string) => new GwsError(Code.InvalidState, why);
    if (!this.routing.waiting(chat)) return say(`Chat '${chat.id}' is no longer waiting for an agent.`);
    if (chat.targetAgent !== null) return say(`Chat '${chat.id}' was transferred to agent '${chat.targetAgent}'; only that agent can take it.`);
    if (this.repo.hasRejected(chat.id, name)) return say(`You rejected chat '${chat.id}'; it is offered to other agents.`);
    if (chat.transferredBy === name) return say(`You transferred chat '${chat.id}' to queue '${chat.queue}'; it is offered to other agents.`);
    return say(`Set yourself Ready on queue '${chat.queue}' before accepting this chat.`);
  }
}
