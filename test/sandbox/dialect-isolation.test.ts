/**
 * A chat belongs to the dialect it was started with (issue 9). A GMS chat is opened by its
 * userId / secureKey / alias; the GWS customer routes have no such credentials, so they must
 * neither read nor change it (the GMS routes already refuse a GWS chat the same way).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opOk } from './agent-helpers.ts';
import { request, requestChat, setReady, startTestSandbox, type Reply, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.stop();
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const gms = (path: string, fields: Record<string, string>) =>
  request(`${t.sb.url}/genesys/2/chat/${path}`, 'POST', new URLSearchParams(fields).toString(), FORM);

/** A GMS chat an agent has accepted and written in, so there is something to read. */
async function gmsChat(): Promise<{ chatId: string; creds: Record<string, string> }> {
  const r = await gms('request-chat', { nickname: 'Gina', 'userData[Account]': '12345' });
  const { chatId, userId, secureKey, alias } = r.body;
  await setReady(t, 'alice', 'Ready');
  await opOk(t, 'alice', chatId, { operationName: 'Accept', nickname: 'Alice' });
  await opOk(t, 'alice', chatId, { operationName: 'SendMessage', text: 'Your account number, please?' });
  return { chatId, creds: { userId, secureKey, alias } };
}

/** Every GWS customer route on chat `id`: [label, call]. */
const gwsCalls = (id: string): [string, () => Promise<Reply>][] => [
  ['GetChat', () => t.customer('GET', `/api/v2/chats/${id}`)],
  ['GetMessages', () => t.customer('GET', `/api/v2/chats/${id}/messages`)],
  ['GetMessages index=0', () => t.customer('GET', `/api/v2/chats/${id}/messages?index=0`)],
  ['GetMessages long-poll', () => t.customer('GET', `/api/v2/chats/${id}/messages?wait=2000`)],
  ['SendMessage', () => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'not me' })],
  ['typing', () => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendStartTypingNotification' })],
  ['UpdateUserData', () => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'UpdateUserData', userData: { Account: 'x' } })],
  ['DeleteUserData', () => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'DeleteUserData', keys: ['Account'] })],
  ['Complete', () => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' })],
  ['GetUserData', () => t.customer('GET', `/api/v2/chats/${id}/userdata`)],
];

describe('the GWS customer routes and a chat started through GMS', () => {
  it('refuse every read and write with 403 / code 3, at once, changing nothing', async () => {
    const { chatId } = await gmsChat();
    const before = t.snapshot();
    for (const [label, call] of gwsCalls(chatId)) {
      const started = Date.now();
      const r = await call();
      expect([label, r.status, r.body]).toEqual([label, 403, {
        statusCode: 3,
        statusMessage: `Chat '${chatId}' was started through the GMS Chat API; only that API, with the chat's userId, secureKey and alias, may read or change it.`,
      }]);
      expect(Date.now() - started).toBeLessThan(1000); // the long-poll is refused, not held
    }
    // Nothing moved: no message, no user data change, the customer cursor untouched, the chat open.
    expect(t.snapshot()).toEqual(before);
  });

  it('leave the GMS routes working with the credentials, and GWS chats working as before', async () => {
    const { chatId, creds } = await gmsChat();
    for (const [, call] of gwsCalls(chatId)) await call();
    const refresh = await gms(`request-chat/${chatId}/refresh`, creds);
    expect(refresh.body).toMatchObject({ statusCode: 0, chatEnded: false });
    expect(refresh.body.messages.map((m: any) => m.text).filter(Boolean)).toEqual(['Your account number, please?']);

    const gwsChat = await requestChat(t);
    for (const [label, call] of gwsCalls(gwsChat)) expect([label, (await call()).body.statusCode]).toEqual([label, 0]);
    // And the reverse holds too: GMS refuses the GWS chat (its documented refusal: HTTP 200, statusCode 2).
    const reverse = await gms(`request-chat/${gwsChat}/refresh`, creds);
    expect([reverse.status, reverse.body.statusCode, reverse.body.chatId, reverse.body.messages]).toEqual([200, 2, gwsChat, undefined]);
  });

  it('still answer an unknown chat with 404 / code 6', async () => {
    const r = await t.customer('GET', '/api/v2/chats/no-such-chat/messages');
    expect([r.status, r.body.statusCode]).toEqual([404, 6]);
  });
});
