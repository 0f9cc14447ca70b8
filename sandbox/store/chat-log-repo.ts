/**
 * Prepared statements for the chat log (`chat_log`, store/solo-demo-migration.ts): what
 * happened in a chat besides its messages, for the agent's report, and who was in the chat when. No rules live here; the
 * engine writes an entry inside the transaction of the change it records.
 */
import type { Db } from './db.ts';

/** Kinds of chat log entries (see report/ for how each reads). */
export type ChatLogKind =
  | 'requested' | 'accepted' | 'rejected' | 'transferred' | 'consultation-started' | 'consultation-completed'
  | 'stopped' | 'user-data' | 'taken-over';

/** One entry. */
export interface ChatLogEntry {
  seq: number;
  at: number;
  kind: ChatLogKind;
  /** The agent who acted (null: the customer or the Sandbox). */
  agent: string | null;
  detail: Record<string, unknown>;
}

/** A participant of a chat with when it was there (for the report). */
export interface PresenceRow {
  participantId: string;
  nickname: string;
  type: 'Customer' | 'Agent' | 'External';
  /** The agent's login name (null: the customer). */
  agent: string | null;
  joinedAt: number;
  leftAt: number | null;
  visibility: 'All' | 'Agents';
}

interface RawEntry { seq: number; at: number; kind: ChatLogKind; agent_name: string | null; detail: string }

/** Creates the chat log statements; merged into the repository by createRepo. */
export function createChatLogRepo(db: Db) {
  const s = {
    insert: db.prepare(`INSERT INTO chat_log (chat_id, seq, at, kind, agent_name, detail)
      VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chat_log WHERE chat_id = ?), ?, ?, ?, ?)`),
    ofChat: db.prepare<[string], RawEntry>('SELECT seq, at, kind, agent_name, detail FROM chat_log WHERE chat_id = ? ORDER BY seq'),
    everyone: db.prepare<[string], PresenceRow>(`SELECT participant_id AS participantId, nickname, type, agent_name AS agent,
      joined_at AS joinedAt, left_at AS leftAt, visibility FROM participants WHERE chat_id = ? ORDER BY joined_at, participant_id`),
  };
  return {
    /** Appends an entry. Call inside the transaction of the change it records. */
    logChat: (chatId: string, at: number, kind: ChatLogKind, agent: string | null, detail: Record<string, unknown> = {}) =>
      void s.insert.run(chatId, chatId, at, kind, agent, JSON.stringify(detail)),
    /** The chat's log, oldest first. */
    chatLog: (chatId: string): ChatLogEntry[] =>
      s.ofChat.all(chatId).map((r) => ({ seq: r.seq, at: r.at, kind: r.kind, agent: r.agent_name, detail: JSON.parse(r.detail) as Record<string, unknown> })),
    /** Everyone who was ever in the chat (left or not, consultants included), in order of joining. */
    presence: (chatId: string): PresenceRow[] => s.everyone.all(chatId),
  };
}
