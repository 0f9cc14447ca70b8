/**
 * How the autopilot's agent sees a chat at one moment (read from the store before every
 * action): whether it is still in it, whether the chat is over, whether it alone handles the
 * customer, the user data for placeholders, and the consultation in progress.
 */
import { isHandler } from '../engine/routing.ts';
import type { Repo } from '../store/repo.ts';

/** The chat as the autopilot's agent sees it at one moment. */
export interface ChatLook {
  /** The agent is in the chat (Joined). */
  member: boolean;
  /** The chat is over for the customer. */
  ended: boolean;
  /** No other agent handles the customer (a consultant does not count). */
  soleHandler: boolean;
  userData: Record<string, string>;
  /** The consultation in progress, if any. */
  consultant: { agent: string; status: 'Invited' | 'Joined' } | null;
}

/** Reads how `agent` sees chat `chatId` now (an unknown chat: not a member, ended). */
export function lookAt(repo: Repo, agent: string, chatId: string): ChatLook {
  const chat = repo.getChat(chatId);
  const rows = chat ? repo.chatAgents(chatId) : [];
  const consult = rows.find((r) => r.role === 'Consultant' && (r.status === 'Invited' || r.status === 'Joined'));
  return {
    member: rows.some((r) => r.agent === agent && r.status === 'Joined'),
    ended: chat?.ended ?? true,
    soleHandler: !rows.some((r) => r.agent !== agent && isHandler(r)),
    userData: chat?.userData ?? {},
    consultant: consult ? { agent: consult.agent, status: consult.status as 'Invited' | 'Joined' } : null,
  };
}
