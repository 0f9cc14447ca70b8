/**
 * When a GWS chat is over, from the documented signals only (protocols.md §1.2–1.5): GWS has
 * no "ended" event for the customer, so the adapter follows who is in the chat, and asks
 * GetChat only when that matters: once per chat (a new adapter learns who is there), when the
 * last agent leaves, and then at most every {@link GETCHAT_EVERY_MS} while nobody is. The chat
 * is over when GetChat answers statusCode 6 (gone), or no agent is left and `SendMessage` is no
 * longer among its capabilities, or no agent has been there for {@link ABANDONED_MS} outside
 * `WaitingForAgent` (the state a transfer waits in).
 */
import type { ChatEvent } from '../core/chat-events';
import type { GwsCaller } from './gws-http';
import { GetChatReplySchema } from './gws-wire';
import { BackendError } from './types';

/** While no agent is in the chat, GetChat at most this often. */
export const GETCHAT_EVERY_MS = 5_000;
/** No agent for this long, and not waiting for one: the agent left for good. */
export const ABANDONED_MS = 120_000;

interface Watch {
  agents: Set<string>;
  /** An agent has been in the chat (a chat that never had one is waiting, not abandoned). */
  hadAgent: boolean;
  /** When the chat was first seen without an agent, after having had one. */
  noAgentSince?: number;
  /** When GetChat was last asked; undefined until it was. */
  lastCheck?: number;
}

/** Follows each chat's agents; `over()` says, after a batch of events, whether the chat ended. */
export function createGwsChatWatch(http: GwsCaller, now: () => number) {
  const watches = new Map<string, Watch>();

  async function ask(chatId: string, w: Watch): Promise<boolean> {
    w.lastCheck = now();
    let chat;
    try {
      chat = (await http.call('GET', http.chatPath(chatId), GetChatReplySchema)).chat;
    } catch (e) {
      if (e instanceof BackendError && e.kind === 'gone') return true; // statusCode 6: no such chat any more
      throw e;
    }
    w.agents = new Set(chat.participants.filter((p) => p.type === 'Agent').map((p) => p.nickname));
    // Chatting or Idle without an agent: one was there before.
    if (w.agents.size > 0 || (chat.state !== undefined && chat.state !== 'WaitingForAgent')) w.hadAgent = true;
    if (w.agents.size > 0 || !w.hadAgent) {
      w.noAgentSince = undefined;
      return false;
    }
    w.noAgentSince ??= w.lastCheck;
    const canTalk = chat.capabilities.length === 0 || chat.capabilities.includes('SendMessage');
    const abandoned = chat.state !== 'WaitingForAgent' && w.lastCheck - w.noAgentSince >= ABANDONED_MS;
    return !canTalk || abandoned;
  }

  return {
    /** After a batch of events: true when the documented signals say the chat is over. */
    async over(chatId: string, events: readonly ChatEvent[]): Promise<boolean> {
      let w = watches.get(chatId);
      if (!w) watches.set(chatId, (w = { agents: new Set(), hadAgent: false }));
      let lastLeft = false;
      for (const e of events) {
        if (e.party !== 'agent') continue;
        if (e.type === 'joined') {
          w.agents.add(e.nickname);
          w.hadAgent = true;
          w.noAgentSince = undefined;
        } else if (e.type === 'left') {
          w.agents.delete(e.nickname);
          lastLeft = w.agents.size === 0;
        }
      }
      const due = w.lastCheck === undefined || lastLeft || (w.agents.size === 0 && w.hadAgent && now() - w.lastCheck >= GETCHAT_EVERY_MS);
      return due ? ask(chatId, w) : false;
    },
  };
}
