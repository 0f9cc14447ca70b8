/**
 * Hand-offs between agents (seed 004): Transfer to an agent or a queue, and the two-step
 * variants through a consultation: StartChatConsultation invites a second agent, who talks
 * with the first out of the customer's sight; CompleteTransfer then hands the chat over,
 * CompleteConference keeps both agents in it. The customer sees agents join and leave
 * only when that happens in the chat proper, never during the consultation.
 */
import type { AgentDesk } from './agent-desk.ts';
import type { Member } from './member.ts';
import { type Append, assertOpen } from './chat-engine.ts';
import { Code, GwsError } from './errors.ts';
import { leaveChat } from './leave.ts';

/** Where a Transfer sends the chat: one agent (by name) or a queue. */
export type TransferTarget = { agentId: string } | { queueName: string };

/** The hand-off operations, over the desk. */
export class Handoffs {
  constructor(
    private readonly desk: AgentDesk,
    /** Configured agent names: the only valid `agentId` values. */
    private readonly agents: readonly string[],
  ) {}

  private get engine() {
    return this.desk.engine;
  }

  /** Transfer: the agent leaves (the customer sees it) and the chat waits for the target. */
  transfer(name: string, chatId: string, target: TransferTarget): void {
    const m = this.handler(name, chatId, 'transfer it');
    if (this.engine.repo.chatAgents(chatId).some((r) => r.agent !== name && (r.status === 'Joined' || r.status === 'Invited'))) {
      throw new GwsError(Code.InvalidState, `Other agents are in chat '${chatId}' (consultation or conference); leave with StopProcessing or complete the consultation instead.`);
    }
    let queue = m.chat.queue;
    let agent: string | null = null;
    if ('agentId' in target) agent = this.otherAgent(name, target.agentId);
    else if (!this.desk.availability.isKnown(target.queueName)) {
      throw new GwsError(Code.Validation, `Invalid parameter 'queueName': unknown queue '${target.queueName}'. Known queues: ${this.desk.availability.knownQueues().join(', ')}.`);
    } else queue = target.queueName;
    this.engine.change(chatId, (append) => {
      // Logged first: the report reads "transferred", then "left".
      this.engine.repo.logChat(chatId, this.engine.now(), 'transferred', name, agent !== null ? { agent } : { queue });
      leaveChat(this.engine, m, append, { status: 'Left', endIfLast: false });
      this.engine.repo.setRouting(chatId, queue, agent, name);
      this.engine.repo.setState(chatId, 'WaitingForAgent');
    });
  }

  /** StartChatConsultation: offers agent `agentId` a consultation on this chat. */
  startConsultation(name: string, chatId: string, agentId: string): void {
    this.handler(name, chatId, 'start a consultation');
    const other = this.otherAgent(name, agentId);
    const rows = this.engine.repo.chatAgents(chatId);
    const busy = rows.find((r) => r.role === 'Consultant' && (r.status === 'Invited' || r.status === 'Joined'));
    if (busy) throw new GwsError(Code.InvalidState, `A consultation with '${busy.agent}' is already in progress in chat '${chatId}'.`);
    if (rows.some((r) => r.agent === other && r.status === 'Joined')) {
      throw new GwsError(Code.InvalidState, `Agent '${other}' is already in chat '${chatId}'.`);
    }
    this.engine.change(chatId, () => {
      this.engine.repo.putChatAgent({ chatId, agent: other, role: 'Consultant', status: 'Invited', participantId: null, invitedBy: name },
        this.engine.now());
      this.engine.repo.logChat(chatId, this.engine.now(), 'consultation-started', name, { consultant: other });
    });
  }

  /** CompleteTransfer: the consultant takes the agent's place; the customer sees one join and one leave. */
  completeTransfer(name: string, chatId: string): void {
    const { m, consultant } = this.consultation(name, chatId);
    this.engine.change(chatId, (append) => {
      // handler() refused consultants, so the caller is Primary or Conference.
      this.engine.repo.logChat(chatId, this.engine.now(), 'consultation-completed', name, { as: 'transfer', consultant: consultant.row.agent });
      this.reveal(m, consultant, m.row.role as 'Primary' | 'Conference', append);
      leaveChat(this.engine, m, append, { status: 'Left', endIfLast: false });
    });
  }

  /** CompleteConference: the consultant joins the chat proper; both agents stay. */
  completeConference(name: string, chatId: string): void {
    const { m, consultant } = this.consultation(name, chatId);
    this.engine.change(chatId, (append) => {
      this.engine.repo.logChat(chatId, this.engine.now(), 'consultation-completed', name, { as: 'conference', consultant: consultant.row.agent });
      this.reveal(m, consultant, 'Conference', append);
    });
  }

  /** The consultant becomes visible to the customer, with `role`. */
  private reveal(m: Member, consultant: Member, role: 'Primary' | 'Conference', append: Append): void {
    this.engine.repo.revealParticipant(m.chat.id, consultant.me.participantId);
    this.engine.repo.putChatAgent({ ...consultant.row, role, invitedBy: null }, this.engine.now());
    append({ type: 'ParticipantJoined', from: consultant.me, visibility: 'All' });
  }

  /** The caller's membership plus the consultant it invited, who must have accepted. */
  private consultation(name: string, chatId: string): { m: Member; consultant: Member } {
    const m = this.handler(name, chatId, 'complete a consultation');
    const row = this.engine.repo.chatAgents(chatId).find((r) => r.role === 'Consultant' && r.invitedBy === name && r.status !== 'Done' && r.status !== 'Left');
    if (!row) throw new GwsError(Code.InvalidState, `You have no consultation in progress in chat '${chatId}'; start one with StartChatConsultation.`);
    if (row.status === 'Invited') throw new GwsError(Code.InvalidState, `Agent '${row.agent}' has not accepted the consultation yet.`);
    return { m, consultant: this.desk.member(row.agent, chatId) };
  }

  /** A member who handles the customer (not a consultant), in an open chat. */
  private handler(name: string, chatId: string, action: string): Member {
    const m = this.desk.member(name, chatId);
    if (m.row.role === 'Consultant') throw new GwsError(Code.InvalidState, `A consultant cannot ${action}.`);
    assertOpen(m.chat);
    return m;
  }

  /** Checks `agentId` names a configured agent other than the caller. */
  private otherAgent(name: string, agentId: string): string {
    if (!this.agents.includes(agentId)) {
      throw new GwsError(Code.Validation, `Invalid parameter 'agentId': no agent named '${agentId}'. Agents: ${this.agents.join(', ')}.`);
    }
    if (agentId === name) throw new GwsError(Code.Validation, "Invalid parameter 'agentId': that is you.");
    return agentId;
  }
}
