/**
 * Adapter for the Genesys GMS Chat API v2, REST mode (`{url}/genesys/2/chat/{serviceName}`),
 * which the Beckon Sandbox also speaks. Each chat has credentials (userId, secureKey, alias)
 * that every request repeats, and no server-side cursor: the adapter keeps both per chat and
 * hands them out as the chat's session token, so a re-created adapter resumes from it.
 * GMS has no long-poll and no availability call; it cannot read or delete user data. Files:
 * gms-files.ts.
 */
import { encodeSession, GmsStartedSchema, type GmsChatState, type GmsReply } from './gms-wire';
import { toChatEvent } from './gms-events';
import { createGmsCaller } from './gms-http';
import { createGmsFiles } from './gms-files';
import { BackendError, type BackendConfig, type BackendDeps, type ChatBackend } from './types';

/** Creates a GMS adapter. */
export function createGmsBackend(config: BackendConfig, deps: BackendDeps): ChatBackend {
  const caller = createGmsCaller(config, deps);
  const { chats, stateOf, operate } = caller;

  const unsupported = (what: string) =>
    Promise.reject(BackendError.unsupported(`The GMS Chat API v2 has no operation to ${what}; only adding or changing user data (updateData) is possible.`));

  return {
    kind: 'gms',
    async requestChat(req) {
      // `endpoint` is a Beckon extra naming the queue; GMS itself routes by service and ignores it.
      const parsed = GmsStartedSchema.safeParse(await caller.start({ nickname: req.nickname, subject: req.subject, endpoint: req.queue }, req.userData));
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
      const after = Math.max(from, ...reply.messages.map((m) => (m.index ?? 0) + 1));
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
    files: createGmsFiles(caller),
  };
}
