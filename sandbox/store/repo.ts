/**
 * Prepared statements over the Sandbox schema, returning plain typed rows. No rules live
 * here (the engine owns them); this file only knows how rows map to columns.
 */
import type { Db } from './db.ts';
import type { AgentState, ChatMessage, ChatState, MessageType, Participant, ParticipantType } from '../engine/types.ts';

/** A row of `chats`, with booleans and JSON decoded. */
export interface ChatRow {
  id: string;
  queue: string;
  subject: string | null;
  nickname: string;
  state: ChatState;
  ended: boolean;
  userData: Record<string, string>;
  createdAt: number;
  endedAt: number | null;
  customerParticipantId: string;
  customerCursor: number;
  agentName: string | null;
  agentDone: boolean;
}

interface RawChat {
  id: string; queue: string; subject: string | null; nickname: string; state: ChatState;
  ended: number; user_data: string; created_at: number; ended_at: number | null;
  customer_participant_id: string; customer_cursor: number; agent_name: string | null; agent_done: number;
}

interface RawMessage {
  idx: number; type: MessageType; from_nickname: string; from_participant_id: string;
  from_type: ParticipantType; text: string | null; utc_time: number;
}

const toChat = (r: RawChat): ChatRow => ({
  id: r.id, queue: r.queue, subject: r.subject, nickname: r.nickname, state: r.state,
  ended: r.ended === 1, userData: JSON.parse(r.user_data) as Record<string, string>,
  createdAt: r.created_at, endedAt: r.ended_at, customerParticipantId: r.customer_participant_id,
  customerCursor: r.customer_cursor, agentName: r.agent_name, agentDone: r.agent_done === 1,
});

const toMessage = (r: RawMessage): ChatMessage => ({
  index: r.idx, type: r.type,
  from: { nickname: r.from_nickname, participantId: r.from_participant_id, type: r.from_type },
  ...(r.text === null ? {} : { text: r.text }),
  utcTime: r.utc_time,
});

/** Creates the repository: every statement is prepared once, here. */
export function createRepo(db: Db) {
  const s = {
    insertChat: db.prepare(`INSERT INTO chats (id, queue, subject, nickname, state, user_data, created_at, customer_participant_id)
      VALUES (@id, @queue, @subject, @nickname, 'WaitingForAgent', @userData, @createdAt, @customerParticipantId)`),
    getChat: db.prepare<[string], RawChat>('SELECT * FROM chats WHERE id = ?'),
    openForAgent: db.prepare<{ name: string; ready: number }, RawChat>(`SELECT * FROM chats
      WHERE (agent_name IS NULL AND ended = 0 AND @ready = 1) OR (agent_name = @name AND agent_done = 0)
      ORDER BY created_at, id`),
    setState: db.prepare('UPDATE chats SET state = ? WHERE id = ?'),
    setEnded: db.prepare('UPDATE chats SET ended = 1, state = \'Idle\', ended_at = ? WHERE id = ? AND ended = 0'),
    setAgent: db.prepare('UPDATE chats SET agent_name = ? WHERE id = ?'),
    setAgentDone: db.prepare('UPDATE chats SET agent_done = 1 WHERE id = ?'),
    setCursor: db.prepare('UPDATE chats SET customer_cursor = MAX(customer_cursor, ?) WHERE id = ?'),
    insertParticipant: db.prepare(`INSERT INTO participants (chat_id, participant_id, nickname, type, agent_name, joined_at)
      VALUES (?, ?, ?, ?, ?, ?)`),
    leaveParticipant: db.prepare('UPDATE participants SET left_at = ? WHERE chat_id = ? AND participant_id = ? AND left_at IS NULL'),
    present: db.prepare<[string], Participant & { agentName: string | null }>(`SELECT nickname, participant_id AS participantId,
      type, agent_name AS agentName FROM participants WHERE chat_id = ? AND left_at IS NULL ORDER BY joined_at, participant_id`),
    nextIndex: db.prepare<[string], { n: number }>('SELECT COALESCE(MAX(idx), 0) + 1 AS n FROM messages WHERE chat_id = ?'),
    insertMessage: db.prepare(`INSERT INTO messages (chat_id, idx, type, from_nickname, from_participant_id, from_type, text, utc_time, client_message_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    messagesFrom: db.prepare<[string, number], RawMessage>('SELECT * FROM messages WHERE chat_id = ? AND idx >= ? ORDER BY idx'),
    byClientId: db.prepare<[string, string, string], { idx: number }>(
      'SELECT idx FROM messages WHERE chat_id = ? AND from_participant_id = ? AND client_message_id = ?'),
    lastTyping: db.prepare<[string, string], { type: MessageType }>(`SELECT type FROM messages WHERE chat_id = ? AND from_participant_id = ?
      AND type IN ('Text', 'TypingStarted', 'TypingStopped') ORDER BY idx DESC LIMIT 1`),
    getAgent: db.prepare<[string], { state: AgentState }>('SELECT state FROM agents WHERE name = ?'),
    upsertAgent: db.prepare(`INSERT INTO agents (name, state, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`),
  };

  return {
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    insertChat(c: { id: string; queue: string; subject: string | null; nickname: string; userData: Record<string, string>; createdAt: number; customerParticipantId: string }) {
      s.insertChat.run({ ...c, userData: JSON.stringify(c.userData) });
    },
    getChat: (id: string): ChatRow | undefined => { const r = s.getChat.get(id); return r && toChat(r); },
    /** Chats an agent can see: waiting ones (only when ready) and its own until it stops processing. */
    chatsForAgent: (name: string, ready: boolean): ChatRow[] => s.openForAgent.all({ name, ready: ready ? 1 : 0 }).map(toChat),
    setState: (id: string, state: ChatState) => void s.setState.run(state, id),
    setEnded: (id: string, at: number) => void s.setEnded.run(at, id),
    setAgent: (id: string, name: string) => void s.setAgent.run(name, id),
    setAgentDone: (id: string) => void s.setAgentDone.run(id),
    advanceCursor: (id: string, index: number) => void s.setCursor.run(index, id),
    addParticipant(chatId: string, p: Participant, agentName: string | null, at: number) {
      s.insertParticipant.run(chatId, p.participantId, p.nickname, p.type, agentName, at);
    },
    leaveParticipant: (chatId: string, participantId: string, at: number) => void s.leaveParticipant.run(at, chatId, participantId),
    /** Participants currently in the chat (joined and not left). */
    present: (chatId: string) => s.present.all(chatId),
    /** Appends a message at the next index and returns it. Call inside a transaction. */
    appendMessage(chatId: string, m: { type: MessageType; from: Participant; text?: string; utcTime: number; clientMessageId?: string }): ChatMessage {
      const index = s.nextIndex.get(chatId)!.n;
      s.insertMessage.run(chatId, index, m.type, m.from.nickname, m.from.participantId, m.from.type,
        m.text ?? null, m.utcTime, m.clientMessageId ?? null);
      return { index, type: m.type, from: m.from, ...(m.text === undefined ? {} : { text: m.text }), utcTime: m.utcTime };
    },
    messagesFrom: (chatId: string, index: number): ChatMessage[] => s.messagesFrom.all(chatId, index).map(toMessage),
    hasClientMessage: (chatId: string, participantId: string, clientMessageId: string) =>
      s.byClientId.get(chatId, participantId, clientMessageId) !== undefined,
    /** The latest Text/typing message type from a participant, to skip repeated typing notices. */
    lastTypingish: (chatId: string, participantId: string) => s.lastTyping.get(chatId, participantId)?.type,
    agentState: (name: string): AgentState => s.getAgent.get(name)?.state ?? 'NotReady',
    setAgentState: (name: string, state: AgentState, at: number) => void s.upsertAgent.run(name, state, at),
  };
}

/** The repository type the engine works with. */
export type Repo = ReturnType<typeof createRepo>;
