/**
 * Who sees which chat, and how. A chat concerns an agent when the agent is in it (any role),
 * is invited to consult on it, or when it waits for an agent and is routed to this one:
 * to the target of a Transfer only, otherwise to every agent Ready on its queue that has
 * not rejected it and did not just transfer it there. This module also builds the agent's view of a chat (an Interaction).
 */
import type { ChatAgentRow } from '../store/chat-agent-repo.ts';
import type { ChatRow, Repo } from '../store/repo.ts';
import type { Availability } from './availability.ts';
import type { ChatEngine } from './chat-engine.ts';
import type { Consultation, Interaction, InteractionSummary } from './types.ts';

/** How one agent relates to one chat right now. */
export type Relation =
  | { kind: 'member'; row: ChatAgentRow }
  | { kind: 'invited'; row: ChatAgentRow }
  | { kind: 'offered'; via: 'Queue' | 'Transfer' }
  | { kind: 'none'; row: ChatAgentRow | undefined };

/** True when the agent handles the customer (everyone in the chat but a consultant). */
export const isHandler = (r: ChatAgentRow): boolean => r.status === 'Joined' && r.role !== 'Consultant';

/** Routing decisions over the store. */
export class Routing {
  constructor(
    private readonly engine: ChatEngine,
    private readonly availability: Availability,
  ) {}

  /** True while the chat is open and nobody handles it (new, rejected or transferred). */
  waiting(chat: ChatRow, rows = this.engine.repo.chatAgents(chat.id)): boolean {
    return !chat.ended && !rows.some(isHandler);
  }

  /** How `agent` relates to `chat`. */
  relation(agent: string, chat: ChatRow, rows = this.engine.repo.chatAgents(chat.id)): Relation {
    const row = rows.find((r) => r.agent === agent);
    if (row?.status === 'Joined') return { kind: 'member', row };
    if (row?.status === 'Invited' && !chat.ended) return { kind: 'invited', row };
    if (this.waiting(chat, rows)) {
      if (chat.targetAgent !== null) return chat.targetAgent === agent ? { kind: 'offered', via: 'Transfer' } : { kind: 'none', row };
      // Readiness first: it is answered from memory, and most agents asked are not Ready there.
      const offered = this.availability.isReady(agent, chat.queue) && chat.transferredBy !== agent && !this.engine.repo.hasRejected(chat.id, agent);
      if (offered) return { kind: 'offered', via: 'Queue' };
    }
    return { kind: 'none', row };
  }

  /** The agent's view of a chat, or null when the agent should not see it now. */
  view(agent: string, chat: ChatRow): Interaction | null {
    const summary = this.summary(agent, chat);
    return summary && { ...summary, messages: this.engine.repo.messagesFrom(chat.id, 0) };
  }

  /**
   * The agent's view without the transcript (what the agent feed compares and sends as an
   * update), or null. `rows` and `present` may be passed in when one change is viewed for many agents.
   */
  summary(agent: string, chat: ChatRow, rows = this.engine.repo.chatAgents(chat.id), present?: ReturnType<Repo['present']>): InteractionSummary | null {
    const rel = this.relation(agent, chat, rows);
    if (rel.kind === 'none') return null;
    const consult = rows.find((r) => r.role === 'Consultant' && (r.status === 'Invited' || r.status === 'Joined'));
    const consultation: Consultation | null = consult
      ? { agent: consult.agent, state: consult.status === 'Joined' ? 'Joined' : 'Invited', startedBy: consult.invitedBy ?? '' }
      : null;
    const offer =
      rel.kind === 'invited' ? { kind: 'Consultation' as const, from: rel.row.invitedBy }
      : rel.kind === 'offered' ? { kind: rel.via, from: chat.transferredBy }
      : null;
    return {
      id: chat.id,
      state: rel.kind !== 'member' ? 'Offered' : chat.ended ? 'Ended' : 'Chatting',
      queue: chat.queue,
      subject: chat.subject,
      customer: { nickname: chat.nickname },
      userData: chat.userData,
      createdAt: chat.createdAt,
      endedAt: chat.endedAt,
      participants: (present ?? this.engine.repo.present(chat.id)).map(({ nickname, participantId, type }) => ({ nickname, participantId, type })),
      role: rel.kind === 'member' ? rel.row.role : null,
      offer,
      consultation,
      customerApi: this.engine.repo.isGmsChat(chat.id) ? 'GMS' : 'GWS',
    };
  }

  /** Everything the agent sees now, oldest chat first. */
  views(agent: string): Interaction[] {
    return this.engine.repo.candidateChats(agent).flatMap((c) => this.view(agent, c) ?? []);
  }

  /** The same without transcripts. */
  summaries(agent: string): InteractionSummary[] {
    return this.engine.repo.candidateChats(agent).flatMap((c) => this.summary(agent, c) ?? []);
  }
}
