/**
 * The seeds' page APIs (issue 12) end to end: the main-world script (`page-api.js`: the
 * `pega.chat.proactiveChat` and `chat` objects a page calls), the isolated relay
 * (`page-api-relay.js`) and the background. Types and constants only: the main-world bundle
 * must stay small; the background validates with zod (messages.ts) what the relay forwards.
 *
 * Main world ⇄ relay: a private `MessageChannel` the main-world script hands the relay once
 * per page load (before the page's own scripts run): its port is the channel's secret.
 * Relay ⇄ background: a runtime port named {@link PAGE_API_PORT}, bound to its tab.
 */

/** Name of the runtime port the relay opens. */
export const PAGE_API_PORT = 'beckon-page-api';
/** Tag of the main world's hello (a window message carrying the channel's port). */
export const PAGE_API_HELLO = 'beckon.pageapi.hello';
/** The DOM event a page can listen for on `window` to hear what became of its offers. */
export const OFFER_EVENT = 'beckon:proactivechat';

/** A call the page made. */
export type PageApiCall =
  | { call: 'offer'; queue: string; metadata: Record<string, string>; defaultUi: boolean }
  | { call: 'accept' }
  | { call: 'decline' }
  | { call: 'startChat'; nickname?: string; subject?: string; userData?: Record<string, string> }
  | { call: 'restore' }
  | { call: 'send'; chatId: string; text: string; clientMessageId: string }
  | { call: 'typing'; chatId: string; typing: boolean }
  | { call: 'leave'; chatId: string }
  | { call: 'transcript'; chatId: string; fromIndex: number }
  | { call: 'setUserData'; chatId: string; userData: Record<string, string> }
  | { call: 'getUserData'; chatId: string; key: string }
  | { call: 'deleteUserData'; chatId: string; key: string }
  /** The relay, on each (re)connect: the highest event index the page already has of each chat, and the chats it saw end. */
  | { call: 'resume'; seen: Record<string, number>; ended: string[] };

/** A call with its id (the reply names it). */
export interface PageApiRequest {
  id: number;
  request: PageApiCall;
}

/** The seed's error object: `error.code`, `error.description`. */
export interface PageApiError {
  code: number;
  description: string;
}

/** Error codes a page sees (200 and 201 are the Chat Widget's documented ones). */
export const PAGE_API_ERRORS = {
  /** A chat is already running on this page. */
  runningHere: 200,
  /** A chat is already running on another page of this site. */
  runningElsewhere: 201,
  /** The arguments were refused (`description` says which and why). */
  badArguments: 400,
  /** Not this page's chat, or no such chat. */
  notYours: 403,
  /** Too many calls: the page is rate-limited for a while. */
  tooMany: 429,
  /** The chat server refused or failed; `description` is its message. */
  backend: 502,
  /** The chat is over. */
  ended: 410,
} as const;

/** The background's answer to a call. */
export type PageApiReply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: PageApiError };

/** What became of an offer (the page's DOM event `detail.state`). */
export type OfferState = 'offered' | 'accepted' | 'declined' | 'timed-out' | 'suppressed';

/** Something that happened in a chat the page started (seed 002's callbacks). */
export type ChatApiEvent =
  | { kind: 'agentConnected' | 'agentDisconnected'; party: Party; index: number; timestamp: number }
  | { kind: 'agentTyping'; party: Party; isTyping: boolean; index: number }
  | { kind: 'messageReceived'; party: Party; content: { text: string; type: 'text' }; index: number; timestamp: number }
  | { kind: 'sessionEnded'; reason: { agent?: true; leaveRequest?: true; error?: true } }
  | { kind: 'error'; error: PageApiError };

/** A participant as seed 002 describes one: `type` names the side (`{agent: true}` or `{client: true}`). */
export interface Party {
  id: string;
  name: string;
  type: { agent?: true; client?: true; external?: true };
}

/** Background → relay → main world: a reply, an offer's fate, or a chat's events (`restored`: replayed after a reload). */
export type PageApiPush =
  | { type: 'reply'; reply: PageApiReply }
  | { type: 'offer'; state: OfferState; queue: string; reason?: string }
  | { type: 'chat'; chatId: string; events: ChatApiEvent[]; restored: boolean };
