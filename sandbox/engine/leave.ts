/**
 * An agent leaving a chat, shared by StopProcessing, Transfer and CompleteTransfer. The
 * rules: the agent's ParticipantLeft is visible to whoever could see the agent; any
 * consultation that agent started ends with it; and when `endIfLast`, a chat left without
 * any agent handling the customer ends for the customer too.
 */
import type { ChatAgentStatus } from '../store/chat-agent-repo.ts';
import type { Member } from './member.ts';
import type { Append, ChatEngine } from './chat-engine.ts';
import { isHandler } from './routing.ts';

/** Options of leaveChat. */
export interface LeaveOptions {
  /** Done (stopped processing) or Left (handed the chat on). */
  status: Extract<ChatAgentStatus, 'Done' | 'Left'>;
  /** End the chat for the customer if no agent handles it afterwards (StopProcessing). */
  endIfLast: boolean;
}

/** Runs inside engine.change(); `append` is the one change() hands out. */
export function leaveChat(engine: ChatEngine, m: Member, append: Append, opts: LeaveOptions): void {
  const repo = engine.repo;
  const at = engine.now();
  const { chat, row, me } = m;
  append({ type: 'ParticipantLeft', from: me, visibility: row.role === 'Consultant' ? 'Agents' : 'All' });
  repo.leaveParticipant(chat.id, me.participantId, at);
  repo.putChatAgent({ ...row, status: opts.status }, at);

  // A consultant advises the agent who asked; without that agent the consultation is over.
  for (const r of repo.chatAgents(chat.id)) {
    if (r.role !== 'Consultant' || r.invitedBy !== row.agent) continue;
    if (r.status === 'Invited') repo.removeChatAgent(chat.id, r.agent);
    if (r.status !== 'Joined') continue;
    const consultant = repo.participant(chat.id, r.participantId ?? '');
    if (consultant) {
      append({ type: 'ParticipantLeft', from: consultant, visibility: 'Agents' });
      repo.leaveParticipant(chat.id, consultant.participantId, at);
    }
    repo.putChatAgent({ ...r, status: 'Left' }, at);
  }

  if (opts.endIfLast && row.role !== 'Consultant' && !repo.chatAgents(chat.id).some(isHandler)) {
    repo.setEnded(chat.id, at);
    repo.removeInvites(chat.id);
  }
}
