/**
 * Prepared statements over the Sandbox schema, returning plain typed rows. No rules live
 * here (the engine owns them); this file only knows how rows map to columns. Agents and
 * their queues live in agent-repo.ts, agents' places in chats in chat-agent-repo.ts.
 */
import { createAgentRepo } from './agent-repo.ts';
import { createChatAgentRepo } from './chat-agent-repo.ts';
import { createChatLogRepo } from './chat-log-repo.ts';
import type { Db } from './db.ts';
import { createFilesRepo } from './files-repo.ts';
import { createGmsRepo } from './gms-repo.ts';
import type { GroupCommit } from './group-commit.ts';
import { type ChatRow, type RawChat, toChat } from './rows.ts';
import type { AgentMessage, ChatState, MessageType, Participant, ParticipantType, Visibility } from '../engine/types.ts';

export type { ChatRow };

interface RawMessage {
  idx: number; type: MessageType; from_nickname: string; from_participant_id: string;
  from_type: ParticipantType; text: string | null; utc_time: number; client_message_id: string | null; visibility: Visibility;
  user_data: string | null;
}

const toMessage = (r: RawMessage): AgentMessage => ({
  index: r.idx, type: r.type,
  from: { nickname: r.from_nickname, participantId: r.from_participant_id, type: r.from_type },
  ...(r.text === null ? {} : { text: r.text }),
  utcTime: r.utc_time,
  visibility: r.visibility,
  ...(r.user_data === null ? {} : { userData: JSON.parse(r.user_data) as Record<string, string> }),
});

/**
 * The customer's view also echoes the id a customer message was sent with (Sandbox extra),
 * so a client can match it to its own pending copy. Agents' ids stay theirs.
 */
const toPublicMessage = (r: RawMessage): AgentMessage => {
  const m = toMessage(r);
  return r.from_type === 'Customer' && r.client_message_id !== null ? { ...m, clientMessageId: r.client_message_id } : m;
};

/** A message to store; index is assigned here. */
export interface NewMessage {
  type: MessageType; from: Participant; text?: string; utcTime: number; clientMessageId?: string; visibility?: Visibility;
  userData?: Record<string, string>;
}

/**
 * Creates the repository: every statement is prepared once, here. With `commits`, writes join
 * its batches and `afterCommit` waits for them; without, each transaction commits on its own.
 */
export function createRepo(db: Db, commits?: GroupCommit) {
  const s = {
    insertChat: db.prepare(`INSERT INTO chats (id, queue, subject, nickname, state, user_data, created_at, customer_participant_id)
      VALUES (@id, @queue, @subject, @nickname, 'WaitingForAgent', @userData, @createdAt, @customerParticipantId)`),
    getChat: db.prepare<[string], RawChat>('SELECT * FROM chats WHERE id = ?'),
    readState: db.prepare<[string], { ended: number; cursor: number }>('SELECT ended, customer_cursor AS cursor FROM chats WHERE id = ?'),
    setState: db.prepare('UPDATE chats SET state = ? WHERE id = ?'),
    setEnded: db.prepare('UPDATE chats SET ended = 1, state = \'Idle\', ended_at = ? WHERE id = ? AND ended = 0'),
    setRouting: db.prepare('UPDATE chats SET queue = ?, target_agent = ?, transferred_by = ? WHERE id = ?'),
    setTarget: db.prepare('UPDATE chats SET target_agent = ? WHERE id = ?'),
    setUserData: db.prepare('UPDATE chats SET user_data = ? WHERE id = ?'),
    setCursor: db.prepare('UPDATE chats SET customer_cursor = MAX(customer_cursor, ?) WHERE id = ?'),
    insertParticipant: db.prepare(`INSERT INTO participants (chat_id, participant_id, nickname, type, agent_name, joined_at, visibility)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    leaveParticipant: db.prepare('UPDATE participants SET left_at = ? WHERE chat_id = ? AND participant_id = ? AND left_at IS NULL'),
    revealParticipant: db.prepare("UPDATE participants SET visibility = 'All' WHERE chat_id = ? AND participant_id = ?"),
    present: db.prepare<[string], Participant & { visibility: Visibility }>(`SELECT nickname, participant_id AS participantId,
      type, visibility FROM participants WHERE chat_id = ? AND left_at IS NULL ORDER BY joined_at, participant_id`),
    participant: db.prepare<[string, string], Participant>(`SELECT nickname, participant_id AS participantId, type
      FROM participants WHERE chat_id = ? AND participant_id = ?`),
    customerLeft: db.prepare<[string], { gone: number }>(`SELECT p.left_at IS NOT NULL AS gone FROM chats c
      JOIN participants p ON p.chat_id = c.id AND p.participant_id = c.customer_participant_id WHERE c.id = ?`),
    nextIndex: db.prepare<[string], { n: number }>('SELECT COALESCE(MAX(idx), 0) + 1 AS n FROM messages WHERE chat_id = ?'),
    insertMessage: db.prepare(`INSERT INTO messages (chat_id, idx, type, from_nickname, from_participant_id, from_type, text, utc_time,
      client_message_id, visibility, user_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    setNickname: db.prepare('UPDATE chats SET nickname = ? WHERE id = ?'),
    setParticipantNickname: db.prepare('UPDATE participants SET nickname = ? WHERE chat_id = ? AND participant_id = ?'),
    messagesFrom: db.prepare<[string, number], RawMessage>('SELECT * FROM messages WHERE chat_id = ? AND idx >= ? ORDER BY idx'),
    publicFrom: db.prepare<[string, number], RawMessage>(
      "SELECT * FROM messages WHERE chat_id = ? AND idx >= ? AND visibility = 'All' ORDER BY idx"),
    byClientId: db.prepare<[string, string, string], { idx: number }>(
      'SELECT idx FROM messages WHERE chat_id = ? AND from_participant_id = ? AND client_message_id = ?'),
    lastTyping: db.prepare<[string, string], { type: MessageType }>(`SELECT type FROM messages WHERE chat_id = ? AND from_participant_id = ?
      AND type IN ('Text', 'TypingStarted', 'TypingStopped') ORDER BY idx DESC LIMIT 1`),
  };

  return {
    /** Runs `fn` atomically: an error undoes its writes. */
    transaction: <T>(fn: () => T): T => (commits ? commits.write(fn) : db.transaction(fn)()),
    /** Runs `fn` once the writes made so far are committed. */
    afterCommit: (fn: () => void): void => (commits ? commits.afterCommit(fn) : fn()),
    /** Resolves once the writes made so far are committed. */
    durable: (): Promise<void> => commits?.durable() ?? Promise.resolve(),
    /** True while a batch of writes is open (not committed yet). */
    pending: (): boolean => commits?.pending ?? false,
    /** Calls `fn` after a batch of writes failed to commit and was rolled back. */
    onRollback: (fn: () => void): void => commits?.onRollback(fn),
    insertChat(c: { id: string; queue: string; subject: string | null; nickname: string; userData: Record<string, string>; createdAt: number; customerParticipantId: string }) {
      s.insertChat.run({ ...c, userData: JSON.stringify(c.userData) });
    },
    getChat: (id: string): ChatRow | undefined => { const r = s.getChat.get(id); return r && toChat(r); },
    /** What GetMessages needs of a chat (no JSON to decode): whether it ended, and the customer's cursor. */
    customerReadState: (id: string): { ended: boolean; cursor: number } | undefined => {
      const r = s.readState.get(id);
      return r && { ended: r.ended === 1, cursor: r.cursor };
    },
    setState: (id: string, state: ChatState) => void s.setState.run(state, id),
    setEnded: (id: string, at: number) => void s.setEnded.run(at, id),
    /** After a Transfer: the chat waits on `queue`, for `targetAgent` only when set. */
    setRouting: (id: string, queue: string, targetAgent: string | null, transferredBy: string) =>
      void s.setRouting.run(queue, targetAgent, transferredBy, id),
    setTarget: (id: string, targetAgent: string | null) => void s.setTarget.run(targetAgent, id),
    setUserData: (id: string, userData: Record<string, string>) => void s.setUserData.run(JSON.stringify(userData), id),
    advanceCursor: (id: string, index: number) => void s.setCursor.run(index, id),
    addParticipant(chatId: string, p: Participant, agentName: string | null, at: number, visibility: Visibility = 'All') {
      s.insertParticipant.run(chatId, p.participantId, p.nickname, p.type, agentName, at, visibility);
    },
    leaveParticipant: (chatId: string, participantId: string, at: number) => void s.leaveParticipant.run(at, chatId, participantId),
    /** Makes an agents-only participant (a consultant) visible to the customer. */
    revealParticipant: (chatId: string, participantId: string) => void s.revealParticipant.run(chatId, participantId),
    /** Participants currently in the chat (joined and not left), with their visibility. */
    present: (chatId: string) => s.present.all(chatId),
    participant: (chatId: string, participantId: string): Participant | undefined => s.participant.get(chatId, participantId),
    /** Whether the customer has left the chat (Complete / disconnect); undefined for an unknown chat. */
    customerLeft: (chatId: string): boolean | undefined => { const r = s.customerLeft.get(chatId); return r && r.gone === 1; },
    /** Appends a message at the next index and returns it. Call inside a transaction. */
    appendMessage(chatId: string, m: NewMessage): AgentMessage {
      const index = s.nextIndex.get(chatId)!.n;
      const visibility = m.visibility ?? 'All';
      s.insertMessage.run(chatId, index, m.type, m.from.nickname, m.from.participantId, m.from.type,
        m.text ?? null, m.utcTime, m.clientMessageId ?? null, visibility, m.userData ? JSON.stringify(m.userData) : null);
      return { index, type: m.type, from: m.from, ...(m.text === undefined ? {} : { text: m.text }), utcTime: m.utcTime, visibility,
        ...(m.userData ? { userData: m.userData } : {}) };
    },
    /** The customer's new nickname (GMS updateNickname), on the chat and on its participant. */
    renameCustomer(chatId: string, participantId: string, nickname: string) {
      s.setNickname.run(nickname, chatId);
      s.setParticipantNickname.run(nickname, chatId, participantId);
    },
    /** Every message from `index` on (what agents see). */
    messagesFrom: (chatId: string, index: number): AgentMessage[] => s.messagesFrom.all(chatId, index).map(toMessage),
    /** Messages everyone may see, from `index` on (what the customer sees, with its clientMessageIds). */
    publicMessagesFrom: (chatId: string, index: number): AgentMessage[] => s.publicFrom.all(chatId, index).map(toPublicMessage),
    hasClientMessage: (chatId: string, participantId: string, clientMessageId: string) =>
      s.byClientId.get(chatId, participantId, clientMessageId) !== undefined,
    /** The latest Text/typing message type from a participant, to skip repeated typing notices. */
    lastTypingish: (chatId: string, participantId: string) => s.lastTyping.get(chatId, participantId)?.type,
    ...createAgentRepo(db),
    ...createChatAgentRepo(db),
    ...createGmsRepo(db),
    ...createFilesRepo(db),
    ...createChatLogRepo(db),
  };
}

/** The repository type the engine works with. */
export type Repo = ReturnType<typeof createRepo>;
