/**
 * The seeds' APIs a page calls, put into the page's main world on sites where the user
 * switched the page API on: `pega.chat.proactiveChat.offer/accept/decline` (seed 001) and the
 * Genesys Chat Service API `chat.startChat/startSession/restoreSession` (seed 002). An
 * existing `pega` is extended, never replaced; an existing `chat` is left alone, and the API
 * is always also `window.beckonChat`.
 */
import { checkOfferArgs, checkUserData, PAGE_API_LIMITS } from '../../core/page-api';
import { OFFER_EVENT, type ChatApiEvent } from '../../protocol/page-api';
import { openPageChannel, type PageChannel } from './channel';
import { deferred, rejected, type SeedPromise } from './deferred';
import { createSession, type StateStorage } from './session';

type Session = ReturnType<typeof createSession>;
const storageOf = (options: unknown): StateStorage | undefined => {
  const s = (options as { stateStorage?: Partial<StateStorage> } | null)?.stateStorage;
  return s && typeof s.read === 'function' && typeof s.write === 'function' ? (s as StateStorage) : undefined;
};

/** Installs the APIs into `win` (the page's window), talking to Beckon over `channel`. */
export function installPageApi(win: Window & Record<string, unknown>, channel: PageChannel = openPageChannel(win)): void {
  const sessions = new Map<string, Session>();
  /** Events of a chat that came before its session object (a restore's replay). */
  const early = new Map<string, { events: ChatApiEvent[]; restored: boolean }[]>();

  channel.onPush((push) => {
    if (push.type === 'offer') {
      win.dispatchEvent(new CustomEvent(OFFER_EVENT, { detail: { state: push.state, queue: push.queue, ...(push.reason ? { reason: push.reason } : {}) } }));
    } else if (push.type === 'chat') {
      const session = sessions.get(push.chatId);
      if (session) session.receive(push.events, push.restored);
      else early.set(push.chatId, [...(early.get(push.chatId) ?? []), { events: push.events, restored: push.restored }]);
    }
  });

  /** The page's session for a chat the background named, with what came before it replayed. */
  const sessionFor = (chatId: string, storage: StateStorage | undefined, serverUrl: string) => {
    const session = sessions.get(chatId) ?? createSession(chatId, channel, storage, serverUrl);
    sessions.set(chatId, session);
    for (const batch of early.get(chatId) ?? []) session.receive(batch.events, batch.restored);
    early.delete(chatId);
    session.save();
    return session.session;
  };

  const proactiveChat = {
    offer(queuename: unknown, metadata: unknown, bDefaultUI?: unknown): void {
      const args = checkOfferArgs(queuename, metadata, bDefaultUI);
      if (!args.ok) {
        console.error(`[Beckon] pega.chat.proactiveChat.offer refused: ${args.error}`);
        return;
      }
      channel.call({ call: 'offer', ...args.value }).fail((e) => console.error(`[Beckon] pega.chat.proactiveChat.offer: ${e.error?.description ?? 'failed'}`));
    },
    accept(): void {
      channel.call({ call: 'accept' }).fail((e) => console.error(`[Beckon] pega.chat.proactiveChat.accept: ${e.error?.description ?? 'failed'}`));
    },
    decline(): void {
      channel.call({ call: 'decline' }).fail((e) => console.error(`[Beckon] pega.chat.proactiveChat.decline: ${e.error?.description ?? 'failed'}`));
    },
  };

  const startChat = (options?: unknown): SeedPromise<unknown> => {
    const o = (options ?? {}) as { username?: unknown; nickname?: unknown; subject?: unknown; userData?: unknown; serverUrl?: unknown };
    const nickname = o.username ?? o.nickname;
    if (nickname !== undefined && (typeof nickname !== 'string' || nickname.length > PAGE_API_LIMITS.nickname)) return rejected(`username must be a string of at most ${PAGE_API_LIMITS.nickname} characters`);
    if (o.subject !== undefined && (typeof o.subject !== 'string' || o.subject.length > PAGE_API_LIMITS.subject)) return rejected(`subject must be a string of at most ${PAGE_API_LIMITS.subject} characters`);
    const userData = o.userData === undefined ? undefined : checkUserData(o.userData);
    if (userData && !userData.ok) return rejected(userData.error);
    const d = deferred<unknown>();
    channel
      .call({ call: 'startChat', ...(nickname ? { nickname } : {}), ...(o.subject ? { subject: o.subject as string } : {}), ...(userData?.ok ? { userData: userData.value } : {}) })
      .done((chatId) => d.resolve(sessionFor(String(chatId), storageOf(options), typeof o.serverUrl === 'string' ? o.serverUrl : '')))
      .fail(d.reject);
    return d.promise;
  };

  const restoreSession = (options?: unknown): SeedPromise<unknown> => {
    const storage = storageOf(options);
    try {
      storage?.read(); // called as the seed does; the state that counts is the extension's
    } catch (error) {
      console.error('[Beckon] chat: stateStorage.read failed', error);
    }
    const d = deferred<unknown>();
    channel
      .call({ call: 'restore' })
      .done((chatId) => (typeof chatId === 'string' ? d.resolve(sessionFor(chatId, storage, '')) : d.reject({})))
      .fail(d.reject);
    return d.promise;
  };

  const chatApi = Object.freeze({ startChat, startSession: startChat, restoreSession });
  const pega = win.pega as { chat?: { proactiveChat?: unknown } } | undefined;
  if (pega && typeof pega === 'object') {
    pega.chat ??= {};
    if (pega.chat.proactiveChat === undefined) pega.chat.proactiveChat = Object.freeze(proactiveChat);
    else console.warn('[Beckon] pega.chat.proactiveChat already exists on this page: Beckon left it alone');
  } else {
    win.pega = { chat: { proactiveChat: Object.freeze(proactiveChat) } };
  }
  win.beckonChat = chatApi;
  if (win.chat === undefined) win.chat = chatApi;
  else console.warn('[Beckon] window.chat already exists on this page: the Chat Service API is window.beckonChat');
}
