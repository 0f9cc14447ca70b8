/**
 * Adapter for the Genesys GWS Customer Chat API v2 (`/api/v2/chats`), which the Beckon
 * Sandbox also speaks: no Authorization, a `ContactCenterId` header on every request. The
 * server keeps the read cursor and needs nothing but the chat id, so GWS chats have no
 * session token. Sandbox extras (long-poll, availability, user data) are detected, never required.
 */
import { createGwsChatWatch } from './gws-chat-watch';
import { createGwsCaller } from './gws-http';
import { createGwsUserData } from './gws-user-data';
import { AvailabilityReplySchema, EnvelopeSchema, GWS_USER_DATA_LIMITS, MessagesReplySchema, RequestChatReplySchema, toChatEvent } from './gws-wire';
import type { BackendConfig, BackendDeps, ChatBackend, StartChat } from './types';
import { clampUserData } from './user-data-limits';

/** Creates a GWS adapter. */
export function createGwsBackend(config: BackendConfig, deps: BackendDeps): ChatBackend {
  const http = createGwsCaller(config, deps);
  const userData = createGwsUserData(http);
  const watch = createGwsChatWatch(http, deps.now ?? Date.now);
  const operation = (id: string, operationName: string, extra: object = {}) =>
    http.call('POST', http.chatPath(id), EnvelopeSchema, { operationName, ...extra }).then(() => undefined);

  return {
    kind: 'gws',
    async requestChat(req: StartChat) {
      const reply = await http.call('POST', '/api/v2/chats', RequestChatReplySchema, {
        operationName: 'RequestChat',
        nickname: req.nickname,
        subject: req.subject,
        endpoint: req.queue,
        userData: req.userData && clampUserData(req.userData, GWS_USER_DATA_LIMITS),
      });
      return { chatId: reply.id };
    },
    longPollMs: http.longPollMs,
    async fetchEvents(chatId, opts = {}) {
      const limit = http.longPollMs();
      const wait = limit > 0 ? Math.min(opts.waitMs ?? 0, limit) : 0;
      const params = new URLSearchParams();
      if (opts.fromIndex !== undefined) params.set('index', String(opts.fromIndex));
      if (wait > 0) params.set('wait', String(wait));
      const query = params.size > 0 ? `?${params}` : '';
      const reply = await http.call('GET', `${http.chatPath(chatId)}/messages${query}`, MessagesReplySchema, undefined, {
        extraMs: wait, ...(opts.signal ? { signal: opts.signal } : {}),
      });
      const events = reply.messages.map(toChatEvent).filter((e) => e !== null);
      const visitorLeft = events.some((e) => e.type === 'left' && e.party === 'visitor');
      // `chatEnded` is a Sandbox extra: used when sent, never needed (the watch reads GetChat).
      if (reply.chatEnded === true || visitorLeft) return { events, ended: true };
      return { events, ended: await watch.over(chatId, events) };
    },
    sendMessage: (chatId, text, clientMessageId) => operation(chatId, 'SendMessage', { text, clientMessageId }),
    sendTyping: (chatId, typing) =>
      operation(chatId, typing ? 'SendStartTypingNotification' : 'SendStopTypingNotification'),
    complete: (chatId) => operation(chatId, 'Complete'),
    setUserData: (chatId, data) => userData.setUserData(chatId, data),
    getUserData: (chatId, keys) => userData.getUserData(chatId, keys),
    deleteUserData: (chatId, keys) => userData.deleteUserData(chatId, keys),
    async queueAvailability(queue) {
      try {
        const reply = await http.call('GET', `/api/v2/queues/${encodeURIComponent(queue)}/availability`, AvailabilityReplySchema);
        return reply.queue.readyAgents;
      } catch {
        return 'unknown'; // a server without the Sandbox extension, or one that is down
      }
    },
  };
}
