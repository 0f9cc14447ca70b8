/**
 * The `chats` row as the engine sees it, and its decoding from SQLite's column types.
 * Shared by the repository modules.
 */
import type { ChatState } from '../engine/types.ts';

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
  /** Set by a Transfer to one agent: only that agent is offered the chat. */
  targetAgent: string | null;
  /** The agent who last transferred the chat. */
  transferredBy: string | null;
}

/** The raw `chats` row (snake_case, integers for booleans, JSON text). */
export interface RawChat {
  id: string; queue: string; subject: string | null; nickname: string; state: ChatState;
  ended: number; user_data: string; created_at: number; ended_at: number | null;
  customer_participant_id: string; customer_cursor: number; target_agent: string | null; transferred_by: string | null;
}

/** Decodes a raw `chats` row. */
export const toChat = (r: RawChat): ChatRow => ({
  id: r.id, queue: r.queue, subject: r.subject, nickname: r.nickname, state: r.state,
  ended: r.ended === 1, userData: JSON.parse(r.user_data) as Record<string, string>,
  createdAt: r.created_at, endedAt: r.ended_at, customerParticipantId: r.customer_participant_id,
  customerCursor: r.customer_cursor, targetAgent: r.target_agent, transferredBy: r.transferred_by,
});
