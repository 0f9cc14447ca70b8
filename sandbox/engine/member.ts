/**
 * An agent's place in one chat, as the agent-side operations pass it around. Its own file
 * so that agent-desk.ts, handoff.ts and leave.ts share it without importing each other.
 */
import type { ChatAgentRow } from '../store/chat-agent-repo.ts';
import type { ChatRow } from '../store/repo.ts';
import type { Participant } from './types.ts';

/** An agent in a chat: the chat, the agent's row and its participant. */
export interface Member {
  chat: ChatRow;
  row: ChatAgentRow;
  me: Participant;
}
