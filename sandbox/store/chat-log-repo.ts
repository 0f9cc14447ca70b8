/**
 * Prepared statements for the chat log (`chat_log`, store/solo-demo-migration.ts): what
 * happened in a chat besides its messages, for the agent's report. No rules live here; the
 * engine writes an entry inside the transaction of the change it records.
 */
import type { Db } from './db.ts';

/** Kinds of chat log entries (see report/ for how each reads). */
export type ChatLogKind =
  | 'requested' | 'accepted' | 'rejected' | 'transferred' | 'consultation-started' | 'consultation-completed'
  | 'stopped' | 'user-data' | 'taken-over' | 'autopilot-stopped';

/** One entry. */
export interface ChatLogEntry {
  seq: number;
  at: number;
  kind: ChatLogKind;
  /** The agent who acted (null: the customer or the Sandbox). */
  agent: string | null;
  detail: Record<string, unknown>;
}

interface RawEntry { seq: number; at: number; kind: ChatLogKind; agent_name: string | null; detail: string }

/** Creates the chat log statements; merged into the repository by createRepo. */
export function createChatLogRepo(db: Db) {
  const s = {
    insert: db.prepare(`INSERT INTO chat_log (chat_id, seq, at, kind, agent_name, detail)
      VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM chat_log WHERE chat_id = ?), ?, ?, ?, ?)`),
    ofChat: db.prepare<[string], RawEntry>('SELECT seq, at, kind, agent_name, detail FROM chat_log WHERE chat_id = ? ORDER BY seq'),
  };
  return {
    /** Appends an entry. Call inside the transaction of the change it records. */
    logChat: (chatId: string, at: number, kind: ChatLogKind, agent: string | null, detail: Record<string, unknown> = {}) =>
      void s.insert.run(chatId, chatId, at, kind, agent, JSON.stringify(detail)),
    /** The chat's log, oldest first. */
    chatLog: (chatId: string): ChatLogEntry[] =>
      s.ofChat.all(chatId).map((r) => ({ seq: r.seq, at: r.at, kind: r.kind, agent: r.agent_name, detail: JSON.parse(r.detail) as Record<string, unknown> })),
  };
}
