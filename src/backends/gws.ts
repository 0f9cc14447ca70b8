import { BackendError, type BackendConfig, type BackendDeps, type ChatBackend, type StartChat } from './types';
import { AvailabilityReplySchema, EnvelopeSchema, MessagesReplySchema, RequestChatReplySchema, toChatEvent } from './gws-wire';
import type { z } from 'zod';

/** GWS statusCodes after which the same request may succeed later (internal error, incomplete). */
const RETRYABLE_CODES = new Set([4, 9]);

/**
 * Adapter for the Genesys GWS Customer Chat API v2 (`/api/v2/chats`), which the Beckon
 * Sandbox also speaks: no Authorization, a `ContactCenterId` header on every request.
 */
export function createGwsBackend(config: BackendConfig, deps: BackendDeps): ChatBackend {
  const base = config.url.replace(/\/+$/, '');
  /** Long-poll limit the server advertised (Sandbox extra header); 0 until it does. */
  let longPollMaxMs = 0;

  async function call<T>(
    method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: object, opts: { extraMs?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    const timeout = AbortSignal.timeout((deps.timeoutMs ?? 15_000) + (opts.extraMs ?? 0));
    const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
    let response: Response;
    try {
      response = await deps.fetch(`${base}${path}`, {
        method,
        headers: { ContactCenterId: config.contactCenterId, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal,
        credentials: 'omit',
      });
    } catch (e) {
      if (opts.signal?.aborted) throw new BackendError('Request cancelled', true, undefined, false, true);
      const why = e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : 'could not connect';
      throw new BackendError(`Chat server at ${base} ${why}`, true);
    }
    const advertised = Number(response.headers.get('X-Beckon-LongPoll'));
    longPollMaxMs = Number.isFinite(advertised) && advertised > 0 ? advertised : 0;
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new BackendError(`Chat server replied with invalid JSON (HTTP ${response.status})`, true, response.status);
    }
    const envelope = EnvelopeSchema.safeParse(json);
    if (!envelope.success) {
      throw new BackendError(`Chat server replied without a statusCode (HTTP ${response.status})`, true, response.status);
    }
    const { statusCode, statusMessage } = envelope.data;
    if (statusCode !== 0) {
      const message = statusMessage ?? `Chat server error ${statusCode}`;
      throw new BackendError(message, RETRYABLE_CODES.has(statusCode) || response.status >= 500, statusCode, statusCode === 6);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new BackendError(`Unexpected reply from chat server: ${parsed.error.issues[0]?.message}`, true);
    return parsed.data;
  }

  const chatPath = (id: string) => `/api/v2/chats/${encodeURIComponent(id)}`;
  const operation = (id: string, operationName: string, extra: object = {}) =>
    call('POST', chatPath(id), EnvelopeSchema, { operationName, ...extra }).then(() => undefined);

  return {
    kind: 'gws',
    async requestChat(req: StartChat) {
      const reply = await call('POST', '/api/v2/chats', RequestChatReplySchema, {
        operationName: 'RequestChat',
        nickname: req.nickname,
        subject: req.subject,
        endpoint: req.queue,
        userData: req.userData,
      });
      return { chatId: reply.id };
    },
    longPollMs: () => longPollMaxMs,
    async fetchEvents(chatId, opts = {}) {
      const wait = longPollMaxMs > 0 ? Math.min(opts.waitMs ?? 0, longPollMaxMs) : 0;
      const params = new URLSearchParams();
      if (opts.fromIndex !== undefined) params.set('index', String(opts.fromIndex));
      if (wait > 0) params.set('wait', String(wait));
      const query = params.size > 0 ? `?${params}` : '';
      const reply = await call('GET', `${chatPath(chatId)}/messages${query}`, MessagesReplySchema, undefined, {
        extraMs: wait, ...(opts.signal ? { signal: opts.signal } : {}),
      });
      const events = reply.messages.map(toChatEvent).filter((e) => e !== null);
      const visitorLeft = events.some((e) => e.type === 'left' && e.party === 'visitor');
      return { events, ended: reply.chatEnded === true || visitorLeft };
    },
    sendMessage: (chatId, text, clientMessageId) => operation(chatId, 'SendMessage', { text, clientMessageId }),
    sendTyping: (chatId, typing) =>
      operation(chatId, typing ? 'SendStartTypingNotification' : 'SendStopTypingNotification'),
    complete: (chatId) => operation(chatId, 'Complete'),
    async queueAvailability(queue) {
      try {
        const reply = await call('GET', `/api/v2/queues/${encodeURIComponent(queue)}/availability`, AvailabilityReplySchema);
        return reply.queue.readyAgents;
      } catch {
        return 'unknown'; // a server without the Sandbox extension, or one that is down
      }
    },
  };
}
