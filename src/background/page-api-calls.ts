import { BackendError, type ChatBackend } from '../backends/types';
import { newSession, queueMessageOnce, type ChatSession } from '../core/chat-session';
import { guardUserData } from '../core/privacy';
import { DEFAULT_QUEUE } from '../core/defaults';
import { siteFor, type Settings } from '../core/settings';
import { PAGE_API_ERRORS, type PageApiCall, type PageApiError } from '../protocol/page-api';
import type { ChatRunner } from './chat-runner';
import { hostOf } from './offer-context';
import { eventsSince } from './page-api-events';
import { answerFromPage, offerFromPage, type PageOfferDeps } from './page-offers';
import type { SessionStore } from './session-store';

/** Everything a page's calls may touch. */
export interface PageCallDeps extends PageOfferDeps {
  runner: ChatRunner;
  store: SessionStore;
}

/** A call's result: a value for `.done`, or the seed's error for `.fail`. */
export type CallResult = { ok: true; value?: unknown } | { ok: false; error: PageApiError };

const refuse = (code: number, description: string): CallResult => ({ ok: false, error: { code, description } });
const ok = (value?: unknown): CallResult => ({ ok: true, ...(value === undefined ? {} : { value }) });

/** The page's own chats in a tab: started there through `chat.startChat`. */
export const pageChatsOf = (store: SessionStore, tabId: number): ChatSession[] =>
  store.all().filter((s) => s.origin === 'page-chat' && s.tabId === tabId);

/** The queue a page's chat goes to: the site's choice, else the first enabled rule's. */
function queueFor(settings: Settings, url: string): string {
  return siteFor(settings, url)?.options.chatQueue || settings.rules.find((r) => r.enabled)?.queue || DEFAULT_QUEUE;
}

/**
 * Carries out one call of a page in `tabId` (at `url`), already validated. A page acts only
 * on chats it started in that tab; everything else is refused with the seed's error shape.
 */
export async function handlePageCall(deps: PageCallDeps, tabId: number, url: string, call: PageApiCall): Promise<CallResult> {
  const { store, runner } = deps;
  switch (call.call) {
    case 'offer':
      await offerFromPage(deps, tabId, url, call);
      return ok();
    case 'accept':
    case 'decline':
      return (await answerFromPage(deps, tabId, call.call === 'accept')) ? ok() : refuse(PAGE_API_ERRORS.notYours, 'There is no open offer of this page to answer.');
    case 'resume':
      return ok();
    case 'restore': {
      const live = pageChatsOf(store, tabId).find((s) => s.status !== 'ended');
      return ok(live ? live.id : null);
    }
    case 'startChat':
      return startPageChat(deps, tabId, url, call);
    default:
      return onOwnChat(deps, tabId, call, runner);
  }
}

async function startPageChat(deps: PageCallDeps, tabId: number, url: string, call: Extract<PageApiCall, { call: 'startChat' }>): Promise<CallResult> {
  const { store } = deps;
  const site = hostOf(url);
  const live = store.active();
  if (live.some((s) => s.tabId === tabId)) return refuse(PAGE_API_ERRORS.runningHere, 'A chat is already running on this page.');
  if (live.some((s) => s.site === site)) return refuse(PAGE_API_ERRORS.runningElsewhere, 'A chat is already running on another page of this site.');
  const settings = await deps.settings();
  const userData = guardUserData(settings.privacyGuard, call.userData ?? {});
  const session: ChatSession = {
    ...newSession(deps.newId(), tabId, queueFor(settings, url), {
      nickname: call.nickname || settings.backend.nickname, subject: call.subject ?? '', userData,
    }, deps.now(), site),
    origin: 'page-chat',
  };
  await store.add(session);
  deps.runner.ensure(session.id);
  return ok(session.id);
}

type OwnCall = Exclude<PageApiCall, { call: 'offer' | 'accept' | 'decline' | 'resume' | 'restore' | 'startChat' }>;

async function onOwnChat(deps: PageCallDeps, tabId: number, call: OwnCall, runner: ChatRunner): Promise<CallResult> {
  const { store } = deps;
  const s = store.get(call.chatId);
  if (!s || s.origin !== 'page-chat' || s.tabId !== tabId) return refuse(PAGE_API_ERRORS.notYours, 'No chat this page started has that id.');
  if (call.call === 'transcript') {
    return ok({ transcript: eventsSince(s, { index: call.fromIndex - 1, typing: s.agentTyping, ended: s.status === 'ended', ...(s.lastError ? { error: s.lastError } : {}) }).events });
  }
  if (s.status === 'ended') return refuse(PAGE_API_ERRORS.ended, 'The chat has ended.');
  switch (call.call) {
    case 'send':
      await store.update(s.id, (c) => queueMessageOnce(c, call.text, call.clientMessageId, c.request.nickname, deps.now()));
      runner.ensure(s.id);
      return ok();
    case 'typing':
      runner.setTyping(s.id, call.typing);
      return ok();
    case 'leave':
      await store.update(s.id, (c) => ({ ...c, endRequested: true }));
      runner.ensure(s.id);
      return ok();
    case 'setUserData': {
      // The same guard as the chat's start: what a page sets later leaves the browser too.
      const userData = guardUserData((await deps.settings()).privacyGuard, call.userData);
      await store.update(s.id, (c) => ({ ...c, pendingUserData: { ...c.pendingUserData, ...userData } }));
      runner.ensure(s.id);
      return ok();
    }
    case 'getUserData':
    case 'deleteUserData':
      return userDataCall(await deps.backend(), s, call);
  }
}

/** Reads or deletes a key of the chat's user data on the backend (what the seed's extended API does). */
async function userDataCall(backend: ChatBackend, s: ChatSession, call: Extract<OwnCall, { call: 'getUserData' | 'deleteUserData' }>): Promise<CallResult> {
  if (!s.chatId) return refuse(PAGE_API_ERRORS.backend, 'The chat has not started on the chat server yet.');
  try {
    if (call.call === 'getUserData') return ok({ userData: await backend.getUserData(s.chatId, [call.key], s.backendSession) });
    await backend.deleteUserData(s.chatId, [call.key], s.backendSession);
    return ok({ timestamp: Date.now() });
  } catch (e) {
    const error = e instanceof BackendError ? e : new BackendError(String(e), 'retry');
    return refuse(error.unsupported ? 501 : PAGE_API_ERRORS.backend, error.message);
  }
}
