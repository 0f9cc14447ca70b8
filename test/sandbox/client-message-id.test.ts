/**
 * The clientMessageId echo (Sandbox extra): the customer's transcript, in the GWS and the
 * GMS dialect, carries the id each customer message was sent with, so a client can match
 * it to its own pending copy. Agents' ids are never shown to the customer, and the agent
 * API is unchanged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { opOk, viewOf } from './agent-helpers.ts';
import { acceptedChat, request, type Reply, type TestSandbox, startTestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.stop();
});

/** `[index, text, clientMessageId]` of each Text message (the key itself absent when not echoed). */
const texts = (messages: any[]) =>
  messages.filter((m) => m.type === 'Text' || m.type === 'Message').map((m) => [m.index, m.text, 'clientMessageId' in m ? m.clientMessageId : '(absent)']);

describe('GWS GetMessages', () => {
  it('echoes the clientMessageId of customer messages only, on plain, indexed and held reads', async () => {
    const id = await acceptedChat(t);
    const send = (body: object) => t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', ...body });
    await send({ text: 'with an id', clientMessageId: 'c-1' });
    await send({ text: 'without one' });
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'from the agent', clientMessageId: 'agent-1' });
    const expected = [[3, 'with an id', 'c-1'], [4, 'without one', '(absent)'], [5, 'from the agent', '(absent)']];
    expect(texts((await t.customer('GET', `/api/v2/chats/${id}/messages`)).body.messages)).toEqual(expected);
    expect(texts((await t.customer('GET', `/api/v2/chats/${id}/messages?index=0`)).body.messages)).toEqual(expected);

    const held = t.customer('GET', `/api/v2/chats/${id}/messages?wait=5000`);
    await new Promise((r) => setTimeout(r, 100));
    await send({ text: 'while held', clientMessageId: 'c-2' });
    expect(texts((await held).body.messages)).toEqual([[6, 'while held', 'c-2']]);
  });

  it('leaves the agent API as it was: no clientMessageId in agents\' transcripts', async () => {
    const id = await acceptedChat(t);
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'hi', clientMessageId: 'c-1' });
    const view = await viewOf(t, 'alice', id);
    expect(view.messages.some((m: any) => 'clientMessageId' in m)).toBe(false);
  });
});

describe('GMS refresh', () => {
  it('echoes the clientMessageId of customer messages only', async () => {
    const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
    const gms = (path: string, fields: Record<string, string>): Promise<Reply> =>
      request(`${t.sb.url}/genesys/2/chat/request-chat${path}`, 'POST', new URLSearchParams(fields).toString(), FORM);
    const started = (await gms('', { nickname: 'Jane' })).body;
    const creds = { userId: started.userId, secureKey: started.secureKey, alias: started.alias };
    const op = (name: string, extra: Record<string, string> = {}) => gms(`/${started.chatId}/${name}`, { ...creds, ...extra });
    await t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Ready' });
    await opOk(t, 'alice', started.chatId, { operationName: 'Accept', nickname: 'Alice' });
    await op('send', { message: 'with an id', clientMessageId: 'c-1' });
    await op('send', { message: 'without one' });
    await opOk(t, 'alice', started.chatId, { operationName: 'SendMessage', text: 'from the agent', clientMessageId: 'agent-1' });
    const refreshed = await op('refresh', { transcriptPosition: '1' });
    expect(texts(refreshed.body.messages)).toEqual([[3, 'with an id', 'c-1'], [4, 'without one', '(absent)'], [5, 'from the agent', '(absent)']]);
  });
});
