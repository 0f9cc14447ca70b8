/**
 * A chat session as seed 002 (the Genesys Chat Service JS API) gives it to a page: callbacks
 * that are "memorized" (a late subscriber gets earlier events replayed) and commands that
 * return the seed's promises. The chat itself runs in Beckon's background; this object only
 * forwards commands and hands out events of the chat the page started.
 */
import type { ChatApiEvent } from '../../protocol/page-api';
import { checkUserData, PAGE_API_LIMITS } from '../../core/page-api';
import type { PageChannel } from './channel';
import { rejected, runPageCallback } from './deferred';

/** A store the page passes to keep the session's state across pages (seed 002 `stateStorage`). */
export interface StateStorage {
  read(): unknown;
  write(state: unknown): void;
}

const CALLBACKS = {
  onAgentConnected: 'agentConnected',
  onAgentDisconnected: 'agentDisconnected',
  onAgentTyping: 'agentTyping',
  onMessageReceived: 'messageReceived',
  onSessionEnded: 'sessionEnded',
  onError: 'error',
} as const;
type Kind = ChatApiEvent['kind'];
type Logged = ChatApiEvent & { restored: boolean };


/** Creates the page's session object for chat `chatId`; `receive` feeds it the chat's events. */
export function createSession(chatId: string, channel: PageChannel, storage: StateStorage | undefined, serverUrl: string) {
  const log: Logged[] = [];
  const subscribers = new Map<Kind, ((event: Record<string, unknown>) => void)[]>();
  let lastIndex = 0;
  const deliver = (fn: (event: Record<string, unknown>) => void, e: Logged) => {
    const { kind: _kind, ...event } = e;
    runPageCallback(fn as (arg?: unknown) => void, event);
  };
  const save = () => {
    try {
      storage?.write({ sessionId: chatId, chatServerUrl: serverUrl, lastIndex });
    } catch (error) {
      console.error('[Beckon] chat: stateStorage.write failed', error);
    }
  };

  const session: Record<string, unknown> = { sessionId: chatId };
  for (const [name, kind] of Object.entries(CALLBACKS)) {
    session[name] = (fn: unknown) => {
      if (typeof fn !== 'function') return session;
      const list = subscribers.get(kind) ?? [];
      list.push(fn as (event: Record<string, unknown>) => void);
      subscribers.set(kind, list);
      for (const e of log) if (e.kind === kind) deliver(fn as (event: Record<string, unknown>) => void, e); // memorized
      return session;
    };
  }
  const call = (request: Parameters<PageChannel['call']>[0]) => channel.call(request);
  Object.assign(session, {
    sendMessage(arg: unknown) {
      const text = typeof arg === 'string' ? arg : (arg as { message?: unknown } | null)?.message;
      if (typeof text !== 'string' || text.trim() === '' || text.length > PAGE_API_LIMITS.message) {
        return rejected(`sendMessage needs a message of 1–${PAGE_API_LIMITS.message} characters`);
      }
      return call({ call: 'send', chatId, text, clientMessageId: `${chatId}-${Date.now()}-${Math.random().toString(36).slice(2)}` });
    },
    sendTyping(arg?: unknown) {
      const typing = typeof arg === 'boolean' ? arg : (arg as { isTyping?: unknown } | null)?.isTyping !== false;
      return call({ call: 'typing', chatId, typing });
    },
    leave: () => call({ call: 'leave', chatId }),
    getTranscript(arg?: unknown) {
      const from = (arg as { fromIndex?: unknown } | null)?.fromIndex ?? 0;
      if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) return rejected('getTranscript needs fromIndex, a whole number ≥ 0');
      return call({ call: 'transcript', chatId, fromIndex: from });
    },
    setUserData(data: unknown) {
      const checked = checkUserData(data);
      return checked.ok ? call({ call: 'setUserData', chatId, userData: checked.value }) : rejected(checked.error);
    },
    getUserData: (key: unknown) => (typeof key === 'string' && key ? call({ call: 'getUserData', chatId, key }) : rejected('getUserData needs a key (a string)')),
    deleteUserData: (key: unknown) => (typeof key === 'string' && key ? call({ call: 'deleteUserData', chatId, key }) : rejected('deleteUserData needs a key (a string)')),
  });

  return {
    session,
    /** Events of the chat, in order; `restored`: replayed after the page was reloaded. */
    receive(events: readonly ChatApiEvent[], restored: boolean) {
      for (const event of events) {
        const logged: Logged = { ...event, restored };
        log.push(logged);
        if ('index' in event && event.index > lastIndex) lastIndex = event.index;
        for (const fn of subscribers.get(event.kind) ?? []) deliver(fn, logged);
      }
      if (events.length > 0) save();
    },
    save,
  };
}
