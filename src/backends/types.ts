/**
 * The contract every chat backend adapter implements. Adapters translate one vendor's
 * wire format to the shared event model (core/chat-events.ts); fetch and clock are
 * injected so the same adapter runs in the background, in tests and in benchmarks.
 */
import type { ChatRequest } from '../core/chat-session';
import type { FailureKind } from '../core/failure';
import type { EventBatch } from '../core/chat-events';
import type { FileLimits } from '../core/chat-files';

/** Where a backend lives and how to identify to it. */
export interface BackendConfig {
  url: string;
  /** GWS: sent in the `ContactCenterId` header of every request (GMS has none). */
  contactCenterId?: string;
  /** GMS: the chat service in `{url}/genesys/2/chat/{serviceName}`; `request-chat` when absent. */
  serviceName?: string;
}

/** What an adapter needs from its environment. */
export interface BackendDeps {
  fetch: typeof fetch;
  /** Abort a request that takes longer than this. */
  timeoutMs?: number;
  /** The clock (Date.now unless a test gives another). */
  now?: () => number;
}

/** A chat request routed to a queue (the GWS `endpoint`). */
export interface StartChat extends ChatRequest {
  queue: string;
}

/**
 * Per-chat client state a backend needs besides the chat id (GMS: userId, secureKey, alias
 * and the transcript position), as an opaque string. The caller stores it with the chat and
 * hands it back on every call, so an adapter created after a worker restart can go on. It
 * holds credentials: keep it in extension storage, never log it or send it to a page.
 */
export type ChatSessionToken = string;

/** A chat the backend accepted. */
export interface StartedChat {
  chatId: string;
  /** Absent for backends that need nothing but the id (GWS). */
  session?: ChatSessionToken;
}

/** How to fetch events. */
export interface FetchOptions {
  /** Re-read every event from this index on (catch-up) instead of only new ones. */
  fromIndex?: number;
  /** Hold the request up to this long until there is news, where the server supports it. */
  waitMs?: number;
  /** Cancels the request (e.g. a long-poll cut short because the visitor typed). */
  signal?: AbortSignal;
  /** The chat's session as last stored (see {@link ChatSessionToken}). */
  session?: ChatSessionToken;
}

/** Events, plus the chat's session as it stands now: store it when it differs from the stored one. */
export interface FetchResult extends EventBatch {
  session?: ChatSessionToken;
}

/**
 * One contact-center chat API, from the visitor's side. Every call after `requestChat`
 * takes the chat's `session` (last argument, or `opts.session`); an adapter prefers what it
 * learnt itself in this lifetime (e.g. a newer GMS alias) over the one passed in.
 */
export interface ChatBackend {
  readonly kind: string;
  requestChat(req: StartChat): Promise<StartedChat>;
  /**
   * New events since the last call (the server's or the session's cursor), or, with
   * `fromIndex`, every event from that index on: the way to catch up after a lost reply or
   * a restart.
   */
  fetchEvents(chatId: string, opts?: FetchOptions): Promise<FetchResult>;
  /**
   * The longest a fetch may be held open waiting for news (long-poll), as the server last
   * advertised; 0 when it does not (then `waitMs` is ignored and callers poll).
   */
  longPollMs(): number;
  /** Sends a message; `clientMessageId` lets a backend that supports it drop a retried duplicate. */
  sendMessage(chatId: string, text: string, clientMessageId: string, session?: ChatSessionToken): Promise<void>;
  sendTyping(chatId: string, typing: boolean, session?: ChatSessionToken): Promise<void>;
  /** The visitor leaves; the chat ends. */
  complete(chatId: string, session?: ChatSessionToken): Promise<void>;
  /** Adds or overwrites user data the agent sees (seed 002 `setUserData`). Empty `data`: nothing to do. */
  setUserData(chatId: string, data: Record<string, string>, session?: ChatSessionToken): Promise<void>;
  /** Those of `keys` that are set and this client may read (seed 002 `getUserData`); unset keys are left out. */
  getUserData(chatId: string, keys: string[], session?: ChatSessionToken): Promise<Record<string, string>>;
  /** Removes keys; keys that are not set are no error (seed 002 `deleteUserData`). */
  deleteUserData(chatId: string, keys: string[], session?: ChatSessionToken): Promise<void>;
  /**
   * Agents ready on a queue, or `unknown` when the backend cannot tell (an optional
   * capability: the Sandbox reports it, a stock GWS server does not). Never throws.
   */
  queueAvailability(queue: string): Promise<number | 'unknown'>;
  /** Files in the chat, where the dialect has them (GMS Chat API v2); absent otherwise. */
  readonly files?: ChatFileTransfer;
}

/** A file the visitor sends. */
export interface OutgoingFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
  description?: string;
  /** The upload's own id, sent along as user data so the server's file event can name it (a retried upload is then recognised). */
  uploadId: string;
}

/** A file read from the server. */
export interface DownloadedFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/**
 * The file operations of a dialect that has them. Failures are BackendErrors like any other:
 * a refusal under a limit is `refused` (the chat goes on), an ended chat `gone`.
 */
export interface ChatFileTransfer {
  /** The chat's limits on the visitor's files, and what is used of them. */
  limits(chatId: string, session?: ChatSessionToken): Promise<FileLimits>;
  /** Uploads a file; resolves with the server's id for it. */
  upload(chatId: string, file: OutgoingFile, session?: ChatSessionToken): Promise<{ fileId: string }>;
  /** Downloads a file of the chat (the visitor's own or an agent's); counts one download attempt. */
  download(chatId: string, fileId: string, session?: ChatSessionToken): Promise<DownloadedFile>;
}

/** `code` of a {@link BackendError} for an operation the server does not offer (after HTTP 501). */
export const UNSUPPORTED_CODE = 501;

/**
 * A failed backend call: `message` is the description, `code` the vendor's code (or the HTTP
 * status), `kind` what it means for the request (src/core/failure.ts): each dialect decides the
 * kind from its own table of codes (gws-errors.ts, gms-errors.ts), and the chat's loop decides
 * from the kind alone what the failure does to the chat.
 */
export class BackendError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    /**
     * The vendor's status code where it gave one (GWS statusCode 1–20, GMS statusCode 1–2),
     * the HTTP status otherwise, {@link UNSUPPORTED_CODE} for an operation the server lacks.
     */
    readonly code?: number,
    /** The reply said the chat has ended (GMS `chatEnded`): over, not unknown. */
    readonly chatEnded = false,
  ) {
    super(message);
    this.name = 'BackendError';
  }

  /** Trying the same call again later may succeed. */
  get retryable(): boolean {
    return this.kind === 'retry';
  }

  /** The backend says the chat does not exist (any more), or is over. */
  get notFound(): boolean {
    return this.kind === 'gone';
  }

  /** The caller cancelled the request: not a failure at all. */
  get cancelled(): boolean {
    return this.kind === 'cancelled';
  }

  /** The server does not offer this operation at all. */
  get unsupported(): boolean {
    return this.kind === 'unsupported';
  }

  /** The server lacks this operation: code {@link UNSUPPORTED_CODE}. */
  static unsupported(message: string): BackendError {
    return new BackendError(message, 'unsupported', UNSUPPORTED_CODE);
  }
}
