/**
 * Requests in the GMS Chat API v2 dialect (protocols.md §3.1): forms (multipart when a file
 * goes along), the credentials every call after requestChat repeats, kept per chat and
 * followed when a reply changes them, and the reply's envelope turned into BackendErrors
 * (statusCode 1 and 2 in HTTP 200 replies, an HTTP 400 `errors` list; gms-errors.ts).
 */
import { notJson, sendForBytes, sendRequest, type BytesReply, type SendOptions } from './http';
import { decodeSession, gmsForm, GmsEnvelopeSchema, GmsErrorsSchema, GmsReplySchema, type GmsChatState, type GmsReply } from './gms-wire';
import { GMS_CODES, gmsFailure } from './gms-errors';
import { DEFAULT_GMS_SERVICE_NAME } from '../core/settings';
import { BackendError, type BackendConfig, type BackendDeps, type ChatSessionToken } from './types';

/** A file part of a multipart request. */
export interface FilePart {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/**
 * How to word a refusal (statusCode 2, the chat going on): `what` was refused, then the
 * server's reason, or `guess` when it gave none (a real GMS sends no statusMessage).
 */
export interface Refusal {
  what: string;
  guess?: string;
  /**
   * What an HTTP 404 that is not the chat's end means for this operation (a file operation: no
   * file API, or no such file), instead of "the chat is gone".
   */
  notFound?: (error: BackendError) => BackendError;
}

/** Per-call options of a GMS operation. */
export interface GmsCallOptions extends SendOptions {
  refusal?: Refusal;
  /** Sent as the multipart part `file` (the whole body is then multipart/form-data). */
  file?: FilePart;
}

/** The GMS caller of one adapter. */
export type GmsCaller = ReturnType<typeof createGmsCaller>;

const errorsText = (errors: unknown[]): string =>
  errors.map((e) => (typeof e === 'object' && e !== null ? String((e as { message?: unknown; code?: unknown }).message ?? (e as { code?: unknown }).code ?? JSON.stringify(e)) : String(e))).join('; ').slice(0, 300);

/** The body of a request: a URL-encoded form, or multipart when a file goes along (the file part last). */
function body(fields: Record<string, string | undefined>, userData: Record<string, string> | undefined, file: FilePart | undefined): URLSearchParams | FormData {
  const form = gmsForm(fields, userData);
  if (!file) return form;
  const multipart = new FormData();
  for (const [name, value] of form) multipart.append(name, value);
  // A copy: a Blob takes only bytes over a plain ArrayBuffer, and the caller's stay theirs.
  multipart.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.name);
  return multipart;
}

/** Creates the caller; `chats` is what this instance knows of each chat, newer than any token handed in. */
export function createGmsCaller(config: BackendConfig, deps: BackendDeps) {
  const base = config.url.replace(/\/+$/, '');
  const service = `${base}/genesys/2/chat/${encodeURIComponent(config.serviceName ?? DEFAULT_GMS_SERVICE_NAME)}`;
  const chats = new Map<string, GmsChatState>();

  /** The data of a successful reply, or the BackendError its envelope describes. */
  function unwrap(status: number, json: unknown, refusal?: Refusal): GmsReply {
    try {
      return unwrapEnvelope(status, json, refusal);
    } catch (e) {
      if (refusal?.notFound && e instanceof BackendError && e.code === 404 && !e.chatEnded) throw refusal.notFound(e);
      throw e;
    }
  }

  function unwrapEnvelope(status: number, json: unknown, refusal?: Refusal): GmsReply {
    if (json === undefined) throw notJson(status);
    const envelope = GmsEnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      const errors = GmsErrorsSchema.safeParse(json);
      const kind = gmsFailure(undefined, false, status);
      if (errors.success && refusal && kind === 'refused') throw new BackendError(`${refusal.what}: ${errorsText(errors.data.errors)} (HTTP ${status})`, kind, status);
      const why = errors.success ? `: ${errorsText(errors.data.errors)}` : ' without a statusCode';
      throw new BackendError(`Chat server ${errors.success ? 'refused the request' : 'replied'} (HTTP ${status})${why}`, kind, status);
    }
    const { statusCode, statusMessage, chatEnded } = envelope.data;
    if (statusCode !== 0) {
      const generic = chatEnded ? 'The chat has ended.' : `Chat server error ${statusCode}${GMS_CODES[statusCode] ? ` (${GMS_CODES[statusCode].meaning})` : ''}`;
      const kind = gmsFailure(statusCode, chatEnded === true, status);
      const message = refusal && kind === 'refused'
        ? `${refusal.what}: ${statusMessage ?? refusal.guess ?? 'the chat server gave no reason (statusCode 2)'}`
        : statusMessage ?? generic;
      throw new BackendError(message, kind, statusCode, chatEnded === true);
    }
    const parsed = GmsReplySchema.safeParse(json);
    if (!parsed.success) throw new BackendError(`Unexpected reply from chat server: ${parsed.error.issues[0]?.message}`, 'retry');
    return parsed.data;
  }

  /** The chat's state: this instance's, else the token's (after a restart), else a clear error. */
  function stateOf(chatId: string, session: ChatSessionToken | undefined): GmsChatState {
    const known = chats.get(chatId);
    if (known) return known;
    const restored = session === undefined ? null : decodeSession(session);
    if (!restored) {
      const why = session === undefined ? 'no session was given' : 'the session given is not a GMS session';
      throw new BackendError(`No userId/secureKey/alias for GMS chat '${chatId}': ${why} (pass the one requestChat returned).`, 'refused');
    }
    chats.set(chatId, restored);
    return restored;
  }

  const chatUrl = (chatId: string, operation: string) => `${service}/${encodeURIComponent(chatId)}/${operation}`;
  const credentials = (s: GmsChatState) => ({ userId: s.userId, secureKey: s.secureKey, alias: s.alias });

  return {
    base,
    chats,
    stateOf,
    unwrap,
    /** A POST to the service itself (requestChat). */
    async start(fields: Record<string, string | undefined>, userData?: Record<string, string>): Promise<GmsReply> {
      const reply = await sendRequest(deps, base, service, { method: 'POST', body: gmsForm(fields, userData) });
      return unwrap(reply.status, reply.json);
    },
    /** One operation on a chat, with its credentials; remembers the credentials the reply brings. */
    async operate(
      chatId: string, operation: string, session: ChatSessionToken | undefined,
      fields: Record<string, string | undefined> = {}, userData?: Record<string, string>, opts: GmsCallOptions = {},
    ): Promise<GmsReply> {
      const state = stateOf(chatId, session);
      const { refusal, file, ...send } = opts;
      const raw = await sendRequest(deps, base, chatUrl(chatId, operation), { method: 'POST', body: body({ ...credentials(state), ...fields }, userData, file) }, send);
      const reply = unwrap(raw.status, raw.json, refusal);
      // "alias … may change during the session. Always send the latest value."
      if (reply.userId) state.userId = reply.userId;
      if (reply.secureKey) state.secureKey = reply.secureKey;
      if (reply.alias) state.alias = reply.alias;
      return reply;
    },
    /** One operation whose reply is read as bytes (a download): the caller tells a file from an error envelope. */
    async operateForBytes(chatId: string, operation: string, session: ChatSessionToken | undefined, opts: SendOptions & { maxBytes: number }): Promise<BytesReply> {
      const state = stateOf(chatId, session);
      return sendForBytes(deps, base, chatUrl(chatId, operation), { method: 'POST', body: gmsForm(credentials(state)) }, opts);
    },
  };
}
