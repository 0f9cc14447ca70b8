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

  async function call<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: object): Promise<T> {
    const timeout = AbortSignal.timeout(deps.timeoutMs ?? 15_000);
    let response: Response;
    try {
      response = await deps.fetch(`${base}${path}`, {
        method,
        headers: { ContactCenterId: config.contactCenterId, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: timeout,
        credentials: 'omit',
      });
    } catch (e) {
      const why = e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : 'could not connect';
      throw new BackendError(`Chat server at ${base} ${why}`, true);
    }
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
    async fetchEvents(chatId, opts = {}) {
      const query = opts.fromIndex === undefined ? '' : `?index=${opts.fromIndex}`;
      const reply = await call('GET', `${chatPath(chatId)}/messages${query}`, MessagesReplySchema);
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
