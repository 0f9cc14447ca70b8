/**
 * Adapter for the Genesys GMS Chat API v2, REST mode (`{url}/genesys/2/chat/{serviceName}`),
 * which the Beckon Sandbox also speaks. Each chat has credentials (userId, secureKey, alias)
 * that every request repeats, and no server-side cursor: the adapter keeps both per chat and
 * hands them out as the chat's session token, so a re-created adapter resumes from it.
 * GMS has no long-poll and no availability call; it cannot read or delete user data.
 */
import { DEFAULT_GMS_SERVICE_NAME } from '../core/settings';
import { notJson, sendRequest, type SendOptions } from './http';
import {
  decodeSession, encodeSession, gmsForm, GmsEnvelopeSchema, GmsErrorsSchema, GmsReplySchema, GmsStartedSchema, toChatEvent,
  type GmsChatState, type GmsReply,
} from './gms-wire';
import { GMS_CODES, gmsFailure } from './gms-errors';
import { BackendError, type BackendConfig, type BackendDeps, type ChatBackend, type ChatSessionToken } from './types';

/** Creates a GMS adapter. */
export function createGmsBackend(config: BackendConfig, deps: BackendDeps): ChatBackend {
  const base = config.url.replace(/\/+$/, '');
  const service = `${base}/genesys/2/chat/${encodeURIComponent(config.serviceName ?? DEFAULT_GMS_SERVICE_NAME)}`;
  /** What this instance knows of each chat; newer than any token handed in (e.g. a changed alias). */
  const chats = new Map<string, GmsChatState>();

  async function post(url: string, body: URLSearchParams, opts?: SendOptions): Promise<GmsReply> {
    const reply = await sendRequest(deps, base, url, { method: 'POST', body }, opts);
    if (reply.json === undefined) throw notJson(reply.status);
    const envelope = GmsEnvelopeSchema.safeParse(reply.json);
    if (!envelope.success) {
      const errors = GmsErrorsSchema.safeParse(reply.json);
      const why = errors.success ? `: ${errorsText(errors.data.errors)}` : ' without a statusCode';
      throw new BackendError(`Chat server ${errors.success ? 'refused the request' : 'replied'} (HTTP ${reply.status})${why}`, gmsFailure(undefined, false, reply.status), reply.status);
    }
    const { statusCode, statusMessage, chatEnded } = envelope.data;
    if (statusCode !== 0) {
      const message = statusMessage ?? (chatEnded ? 'The chat has ended.' : `Chat server error ${statusCode}${GMS_CODES[statusCode] ? ` (${GMS_CODES[statusCode].meaning})` : ''}`);
      throw new BackendError(message, gmsFailure(statusCode, chatEnded === true, reply.status), statusCode, chatEnded === true);
    }
    const parsed = GmsReplySchema.safeParse(reply.json);
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

  /** One operation on a chat, with its credentials; remembers the credentials the reply brings. */
  async function operate(
    chatId: string, operation: string, session: ChatSessionToken | undefined,
    fields: Record<string, string | undefined> = {}, userData?: Record<string, string>, opts?: SendOptions,
  ): Promise<GmsReply> {
    const state = stateOf(chatId, session);
    const body = gmsForm({ userId: state.userId, secureKey: state.secureKey, alias: state.alias, ...fields }, userData);
    const reply = await post(`${service}/${encodeURIComponent(chatId)}/${operation}`, body, opts);
    // "alias … may change during the session. Always send the latest value."
    if (reply.userId) state.userId = reply.userId;
    if (reply.secureKey) state.secureKey = reply.secureKey;
    if (reply.alias) state.alias = reply.alias;
    return reply;
  }

  const errorsText = (errors: unknown[]): string =>
    errors.map((e) => (typeof e === 'object' && e !== null ? String((e as { message?: unknown; code?: unknown }).message ?? (e as { code?: unknown }).code ?? JSON.stringify(e)) : String(e))).join('; ').slice(0, 300);

  const unsupported = (what: string) =>
    Promise.reject(BackendError.unsupported(`The GMS Chat API v2 has no operation to ${what}; only adding or changing user data (updateData) is possible.`));

  return {
    kind: 'gms',
    async requestChat(req) {
      // `endpoint` is a Beckon extra naming the queue; GMS itself routes by service and ignores it.
      const form = gmsForm({ nickname: req.nickname, subject: req.subject, endpoint: req.queue }, req.userData);
      const parsed = GmsStartedSchema.safeParse(await post(service, form));
      if (!parsed.success) throw new BackendError('Chat server started a chat without its chatId, userId, secureKey and alias', 'retry');
      const { chatId, userId, secureKey, alias } = parsed.data;
      // Position 1: the first fetch returns the visitor's own join, as on GWS.
      const state: GmsChatState = { userId, secureKey, alias, position: 1 };
      chats.set(chatId, state);
      return { chatId, session: encodeSession(state) };
    },
    longPollMs: () => 0,
    async fetchEvents(chatId, opts = {}) {
      const state = stateOf(chatId, opts.session);
      const from = opts.fromIndex ?? state.position;
      let reply: GmsReply;
      try {
        reply = await operate(chatId, 'refresh', undefined, { transcriptPosition: String(from) }, undefined, opts.signal ? { signal: opts.signal } : {});
      } catch (e) {
        // The documented answer to refreshing a chat that is over: statusCode 2 with chatEnded.
        if (e instanceof BackendError && e.chatEnded) return { events: [], ended: true, session: encodeSession(state) };
        throw e;
      }
      const events = reply.messages.map(toChatEvent).filter((e) => e !== null);
      const after = Math.max(from, ...reply.messages.map((m) => m.index + 1));
      // Like the GWS cursor: it only moves forward, so a catch-up read never makes news repeat.
      state.position = Math.max(state.position, reply.nextPosition ?? after);
      const visitorLeft = events.some((e) => e.type === 'left' && e.party === 'visitor');
      return { events, ended: reply.chatEnded === true || visitorLeft, session: encodeSession(state) };
    },
    sendMessage: (chatId, text, clientMessageId, session) =>
      operate(chatId, 'send', session, { message: text, clientMessageId }).then(() => undefined),
    sendTyping: (chatId, typing, session) => operate(chatId, typing ? 'startTyping' : 'stopTyping', session).then(() => undefined),
    complete: (chatId, session) => operate(chatId, 'disconnect', session).then(() => undefined),
    async setUserData(chatId, data, session) {
      if (Object.keys(data).length === 0) return;
      await operate(chatId, 'updateData', session, {}, data);
    },
    getUserData: () => unsupported('read user data back'),
    deleteUserData: () => unsupported('delete user data'),
    queueAvailability: () => Promise.resolve('unknown'),
  };
}
