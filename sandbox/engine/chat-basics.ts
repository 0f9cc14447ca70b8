/**
 * Small shapes and rules every part of the engine shares: what a new chat and a message
 * draft are, the customer participant, and the "chat has ended" check.
 */
import { randomBytes } from 'node:crypto';
import type { ChatRow } from '../store/repo.ts';
import { Code, GwsError } from './errors.ts';
import type { AgentMessage, ChatMessage, MessageType, Participant, Visibility } from './types.ts';

/** What RequestChat stores. */
export interface NewChat {
  nickname: string;
  subject?: string;
  queue: string;
  userData: Record<string, string>;
}

/** A message to append; index and time are assigned by the engine. */
export type Draft = {
  type: MessageType; from: Participant; text?: string; clientMessageId?: string; visibility?: Visibility; userData?: Record<string, string>;
};

/** What engine.change() hands its callback to append messages with. */
export type Append = (draft: Draft) => AgentMessage;

/** The customer's shape of a message: agents-only messages are filtered out before this. */
export const forCustomer = ({ visibility: _visibility, ...m }: AgentMessage): ChatMessage => m;

/** Short random participant id: unique within a chat is all GWS promises. */
export const newParticipantId = (): string => randomBytes(8).toString('hex');

/** The customer participant of a chat. */
export function customerOf(chat: ChatRow): Participant {
  return { nickname: chat.nickname, participantId: chat.customerParticipantId, type: 'Customer' };
}

/** Throws code 2 once a chat has ended: nothing more can be said in it. */
export function assertOpen(chat: ChatRow): void {
  if (chat.ended) throw new GwsError(Code.InvalidState, `Chat '${chat.id}' has ended; this operation is no longer possible.`);
}
