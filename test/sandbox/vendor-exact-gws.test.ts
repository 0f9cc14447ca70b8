/**
 * Vendor-exact mode, GWS customer API: only what the GWS Customer Chat API v2 documentation
 * shows (protocols.md §1: RequestChat `{id, path, statusCode}`, GetChat `{chat: {id, state,
 * capabilities, participants}}`, messages `{index, type, from, text?}`, errors `{statusCode,
 * statusMessage}`, statusCode 6 for a chat that is gone), and a chat the agent ends ending the
 * way a real server shows it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { op, opOk } from './agent-helpers.ts';
import { acceptedChat, requestChat, setReady, startTestSandbox, type TestSandbox } from './helpers.ts';

const FOUR = ['SendMessage', 'SendStartTypingNotification', 'SendStopTypingNotification', 'Complete'];
const documentedMessageKeys = new Set(['index', 'type', 'from', 'text']);

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox({ vendorExact: true });
});
afterEach(async () => {
  await t.stop();
});

const getChat = (id: string) => t.customer('GET', `/api/v2/chats/${id}`);
const messages = async (id: string, query = '?index=0') => (await t.customer('GET', `/api/v2/chats/${id}/messages${query}`)).body;
const customerOp = (id: string, body: Record<string, unknown>) => t.customer('POST', `/api/v2/chats/${id}`, body);
const gone = { statusCode: 6, statusMessage: expect.stringMatching(/does not exist/) };

describe('vendor-exact GWS customer API', () => {
  it('answers RequestChat, GetChat and GetMessages in the documented shapes, and no X-Beckon header anywhere', async () => {
    const created = await t.customer('POST', '/api/v2/chats', { operationName: 'RequestChat', nickname: 'Jane', subject: 'Bill', userData: { a: '1' } });
    expect(created.body).toEqual({ id: expect.any(String), path: `/api/v2/chats/${created.body.id}`, statusCode: 0 });
    const id = created.body.id as string;

    const waiting = await getChat(id);
    expect(waiting.body).toEqual({
      chat: { id, state: 'WaitingForAgent', capabilities: FOUR, participants: [{ nickname: 'Jane', participantId: expect.any(String), type: 'Customer' }] },
      statusCode: 0,
    });
    const read = await messages(id);
    expect(read).toEqual({ messages: [{ index: 1, type: 'ParticipantJoined', from: { nickname: 'Jane', participantId: expect.any(String), type: 'Customer' } }], statusCode: 0 });

    for (const reply of [created, waiting, await t.customer('GET', '/api/v2/chats/nope'), await t.customer('GET', `/api/v2/chats/${id}`, undefined, { Origin: 'chrome-extension://abcdefghijklmnop' })]) {
      expect(reply.headers.get('x-beckon-longpoll')).toBeNull();
      expect(reply.headers.get('access-control-expose-headers')).toBeNull();
    }
  });

  it('ignores wait (answers at once) and keeps no clientMessageId: a resent message is a second message, echoed nowhere', async () => {
    const id = await acceptedChat(t);
    const started = Date.now();
    const empty = await messages(id, '?wait=3000');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(empty).toEqual({ messages: expect.any(Array), statusCode: 0 });

    for (let i = 0; i < 2; i++) expect((await customerOp(id, { operationName: 'SendMessage', text: 'Hi', clientMessageId: 'c-1' })).body).toEqual({ statusCode: 0 });
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'Hello Jane' });
    const all = (await messages(id)).messages as Record<string, unknown>[];
    expect(all.filter((m) => m.text === 'Hi')).toHaveLength(2);
    for (const m of all) {
      expect(Object.keys(m).every((k) => documentedMessageKeys.has(k))).toBe(true);
      expect(typeof (m.from as { participantId: unknown }).participantId).toBe('string');
    }
    const chat = (await getChat(id)).body.chat;
    expect(chat).toEqual({ id, state: 'Chatting', capabilities: FOUR, participants: [
      { nickname: 'Jane', participantId: expect.any(String), type: 'Customer' },
      { nickname: 'Alice', participantId: expect.any(String), type: 'Agent' },
    ] });
  });

  it('has no customer user data operations and no queue availability: the documented errors of a stock server', async () => {
    const id = await requestChat(t);
    const update = await customerOp(id, { operationName: 'UpdateUserData', userData: { a: '2' } });
    expect(update.status).toBe(400);
    expect(update.body).toEqual({ statusCode: 10, statusMessage: expect.stringMatching(/^Unknown operationName 'UpdateUserData'\. Valid operations: SendMessage, SendStartTypingNotification, SendStopTypingNotification, Complete\.$/) });
    expect((await customerOp(id, { operationName: 'DeleteUserData', keys: ['a'] })).body.statusCode).toBe(10);
    for (const path of [`/api/v2/chats/${id}/userdata`, '/api/v2/queues/availability', '/api/v2/queues/Billing/availability']) {
      const r = await t.customer('GET', path);
      expect(r.status).toBe(404);
      expect(r.body).toEqual({ statusCode: 6, statusMessage: expect.any(String) });
    }
  });

  it('shows a chat the agent ends as GWS documents it: ParticipantLeft, then Idle without an agent and only Complete, then gone after Complete', async () => {
    const id = await acceptedChat(t);
    await opOk(t, 'alice', id, { operationName: 'StopProcessing' });

    const last = (await messages(id)).messages.at(-1);
    expect(last).toEqual({ index: 3, type: 'ParticipantLeft', from: { nickname: 'Alice', participantId: expect.any(String), type: 'Agent' } });
    expect((await getChat(id)).body).toEqual({
      chat: { id, state: 'Idle', capabilities: ['Complete'], participants: [{ nickname: 'Jane', participantId: expect.any(String), type: 'Customer' }] },
      statusCode: 0,
    });
    const late = await customerOp(id, { operationName: 'SendMessage', text: 'Hello?' });
    expect(late.status).toBe(409);
    expect(late.body).toEqual({ statusCode: 2, statusMessage: expect.stringContaining('has ended') });

    expect((await customerOp(id, { operationName: 'Complete' })).body).toEqual({ statusCode: 0 });
    for (const r of [await getChat(id), await t.customer('GET', `/api/v2/chats/${id}/messages`), await customerOp(id, { operationName: 'Complete' })]) {
      expect(r.status).toBe(404);
      expect(r.body).toEqual(gone);
    }
  });

  it('forgets a chat the customer completed (statusCode 6), and shows a transfer as WaitingForAgent with no agent', async () => {
    const id = await acceptedChat(t);
    await opOk(t, 'alice', id, { operationName: 'Transfer', queueName: 'Loans' });
    expect((await getChat(id)).body.chat).toEqual({ id, state: 'WaitingForAgent', capabilities: FOUR, participants: [{ nickname: 'Jane', participantId: expect.any(String), type: 'Customer' }] });
    await setReady(t, 'bob', 'Ready');
    await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
    expect((await getChat(id)).body.chat.state).toBe('Chatting');

    expect((await customerOp(id, { operationName: 'Complete' })).body).toEqual({ statusCode: 0 });
    expect((await getChat(id)).body).toEqual(gone);
    // The agent side is the Sandbox's own API: it still sees the ended chat until StopProcessing.
    expect((await op(t, 'bob', id, { operationName: 'StopProcessing' })).body).toEqual({ statusCode: 0 });
  });
});

describe('vendorExact option', () => {
  it('refuses vendorExact together with longPoll: long-poll is an extra', async () => {
    await expect(startTestSandbox({ vendorExact: true, longPoll: true })).rejects.toThrow(/cannot both be on/);
  });
});
