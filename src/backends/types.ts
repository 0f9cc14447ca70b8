/**
 * The contract every chat backend adapter implements. Adapters translate one vendor's
 * wire format to the shared event model (core/chat-events.ts); fetch and clock are
 * injected so the same adapter runs in the background, in tests and in benchmarks.
 */
import type { ChatRequest } from '../core/chat-session';
import type { EventBatch } from '../core/chat-events';

/** Where a backend lives and how to identify to it. */
export interface BackendConfig {
  url: string;
  contactCenterId: string;
}

/** What an adapter needs from its environment. */
export interface BackendDeps {
  fetch: typeof fetch;
  /** Abort a request that takes longer than this. */
  timeoutMs?: number;
}

/** A chat request routed to a queue (the GWS `endpoint`). */
export interface StartChat extends ChatRequest {
  queue: string;
}

/** How to fetch events. */
export interface FetchOptions {
  /** Re-read every event from this index on (catch-up) instead of only new ones. */
  fromIndex?: number;
  /** Hold the request up to this long until there is news, where the server supports it. */
  waitMs?: number;
  /** Cancels the request (e.g. a long-poll cut short because the visitor typed). */
  signal?: AbortSignal;
}

/** One contact-center chat API, from the visitor's side. */
export interface ChatBackend {
  readonly kind: string;
  requestChat(req: StartChat): Promise<{ chatId: string }>;
  /**
   * New events since the last call (server-side cursor), or, with `fromIndex`, every event
   * from that index on: the way to catch up after a lost reply or a restart.
   */
  fetchEvents(chatId: string, opts?: FetchOptions): Promise<EventBatch>;
  /**
   * The longest a fetch may be held open waiting for news (long-poll), as the server last
   * advertised; 0 when it does not (then `waitMs` is ignored and callers poll).
   */
  longPollMs(): number;
  /** Sends a message; `clientMessageId` lets a backend that supports it drop a retried duplicate. */
  sendMessage(chatId: string, text: string, clientMessageId: string): Promise<void>;
  sendTyping(chatId: string, typing: boolean): Promise<void>;
  /** The visitor leaves; the chat ends. */
  complete(chatId: string): Promise<void>;
  /**
   * Agents ready on a queue, or `unknown` when the backend cannot tell (an optional
   * capability: the Sandbox reports it, a stock GWS server does not). Never throws.
   */
  queueAvailability(queue: string): Promise<number | 'unknown'>;
}

/**
 * A failed backend call. `retryable` says whether trying the same call again later can
 * succeed (network trouble, 5xx, timeouts) or not (validation, unknown chat, auth).
 */
export class BackendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The vendor's status code where it gave one (GWS statusCode, HTTP status otherwise). */
    readonly code?: number,
    /** True when the backend says the chat does not exist (any more). */
    readonly notFound = false,
    /** True when the caller cancelled the request: not a failure at all. */
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'BackendError';
  }
}
