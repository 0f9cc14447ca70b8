/**
 * Prepared statements for agents' places in chats (`chat_agents`: who accepted, who was
 * invited to consult, who joined a conference, who left) and for rejections. No rules live
 * here; engine/routing.ts and the desk own them.
 */
import type { AgentRole } from '../engine/types.ts';
import type { Db } from './db.ts';
import { type ChatRow, type RawChat, toChat } from './rows.ts';

/** Where an agent stands in a chat. */
export type ChatAgentStatus = 'Invited' | 'Joined' | 'Done' | 'Left';

/** A row of `chat_agents`. */
export interface ChatAgentRow {
  chatId: string;
  agent: string;
  role: AgentRole;
  status: ChatAgentStatus;
  participantId: string | null;
  invitedBy: string | null;
}

interface RawChatAgent {
  chat_id: string; agent_name: string; role: AgentRole; status: ChatAgentStatus; participant_id: string | null; invited_by: string | null;
}

const toRow = (r: RawChatAgent): ChatAgentRow => ({
  chatId: r.chat_id, agent: r.agent_name, role: r.role, status: r.status, participantId: r.participant_id, invitedBy: r.invited_by,
});

/** Creates the chat-agent statements; merged into the repository by createRepo. */
export function createChatAgentRepo(db: Db) {
  const s = {
    ofChat: db.prepare<[string], RawChatAgent>('SELECT * FROM chat_agents WHERE chat_id = ? ORDER BY updated_at, agent_name'),
    upsert: db.prepare(`INSERT INTO chat_agents (chat_id, agent_name, role, status, participant_id, invited_by, updated_at)
      VALUES (@chatId, @agent, @role, @status, @participantId, @invitedBy, @at)
      ON CONFLICT (chat_id, agent_name) DO UPDATE SET role = excluded.role, status = excluded.status,
        participant_id = excluded.participant_id, invited_by = excluded.invited_by, updated_at = excluded.updated_at`),
    remove: db.prepare('DELETE FROM chat_agents WHERE chat_id = ? AND agent_name = ?'),
    removeInvites: db.prepare("DELETE FROM chat_agents WHERE chat_id = ? AND status = 'Invited'"),
    // Chats an agent is in or invited to, plus every open chat no agent handles yet.
    candidates: db.prepare<[string], RawChat>(`SELECT c.* FROM chats c WHERE
      EXISTS (SELECT 1 FROM chat_agents a WHERE a.chat_id = c.id AND a.agent_name = ? AND a.status IN ('Invited', 'Joined'))
      OR (c.ended = 0 AND NOT EXISTS (SELECT 1 FROM chat_agents a WHERE a.chat_id = c.id AND a.status = 'Joined' AND a.role <> 'Consultant'))
      ORDER BY c.created_at, c.id`),
    reject: db.prepare('INSERT OR IGNORE INTO chat_rejections (chat_id, agent_name, at) VALUES (?, ?, ?)'),
    rejected: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM chat_rejections WHERE chat_id = ? AND agent_name = ?'),
  };

  return {
    /** Every agent row of a chat, oldest change first. */
    chatAgents: (chatId: string): ChatAgentRow[] => s.ofChat.all(chatId).map(toRow),
    /** Inserts or replaces an agent's row (an agent can come back to a chat it left). */
    putChatAgent: (row: ChatAgentRow, at: number) => void s.upsert.run({ ...row, at }),
    removeChatAgent: (chatId: string, agent: string) => void s.remove.run(chatId, agent),
    /** Withdraws pending consultation invitations (the chat ended). */
    removeInvites: (chatId: string) => void s.removeInvites.run(chatId),
    /** Chats that may concern the agent; routing.ts decides which it actually sees. */
    candidateChats: (agent: string): ChatRow[] => s.candidates.all(agent).map(toChat),
    addRejection: (chatId: string, agent: string, at: number) => void s.reject.run(chatId, agent, at),
    hasRejected: (chatId: string, agent: string): boolean => s.rejected.get(chatId, agent) !== undefined,
  };
}
