/** The whole life of a chat through both APIs, over real HTTP. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptedChat, requestChat, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.stop();
});

const types = (messages: { type: string }[]) => messages.map((m) => m.type);

describe('happy path', () => {
  it('runs a chat from request to agent StopProcessing', async () => {
    const created = await t.customer('POST', '/api/v2/chats', {
      operationName: 'RequestChat',
      nickname: 'Jane',
      subject: 'Help with a bill',
      endpoint: 'Billing',
      userData: { 'Page Name': 'Bill Payment', 'Time spent on page': '12', URL: 'http://127.0.0.1/demo/bill-payment.html' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ statusCode: 0, path: `/api/v2/chats/${created.body.id}` });
    expect(created.body.id).toMatch(/^[A-Za-z0-9-]+$/);
    const id = created.body.id as string;

    const waiting = await t.customer('GET', `/api/v2/chats/${id}`);
    expect(waiting.body.chat).toMatchObject({ id, state: 'WaitingForAgent', ended: false });
    expect(waiting.body.chat.capabilities).toEqual([
      'SendMessage', 'SendStartTypingNotification', 'SendStopTypingNotification', 'Complete', 'UpdateUserData', 'DeleteUserData', 'LongPoll',
    ]);
    expect(waiting.body.chat.participants).toEqual([{ nickname: 'Jane', participantId: expect.any(String), type: 'Customer' }]);

    // Not Ready: nothing offered. Ready: the chat is offered with its context.
    expect((await t.agent('alice', 'GET', '/api/v2/me/interactions')).body.interactions).toEqual([]);
    expect((await t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Ready' })).body).toEqual({ statusCode: 0 });
    expect((await t.agent('alice', 'GET', '/api/v2/me')).body).toEqual({
      user: { name: 'alice', state: 'Ready', queues: [{ name: 'Billing', state: 'Ready' }, { name: 'Loans', state: 'Ready' }, { name: 'General', state: 'Ready' }], otherQueues: 'Ready' },
      statusCode: 0,
    });
    const offered = (await t.agent('alice', 'GET', '/api/v2/me/interactions')).body.interactions;
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({
      id, state: 'Offered', queue: 'Billing', subject: 'Help with a bill', customer: { nickname: 'Jane' },
      userData: { 'Page Name': 'Bill Payment', 'Time spent on page': '12' },
    });
    expect(offered[0].createdAt).toBeTypeOf('number');

    expect((await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'Accept', nickname: 'Alice' })).body).toEqual({ statusCode: 0 });
    const chatting = await t.customer('GET', `/api/v2/chats/${id}`);
    expect(chatting.body.chat.state).toBe('Chatting');
    expect(chatting.body.chat.participants.map((p: any) => [p.nickname, p.type])).toEqual([['Jane', 'Customer'], ['Alice', 'Agent']]);

    // Messages both ways, with dense indexes.
    expect((await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendStartTypingNotification' })).body).toEqual({ statusCode: 0 });
    expect((await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'Hi, my bill looks wrong' })).body.statusCode).toBe(0);
    await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendNotification', notifcation: 'TypingStarted' });
    await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendNotification', notification: 'TypingStopped' });
    await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendMessage', text: 'Let me check <b>that</b>' });

    const first = await t.customer('GET', `/api/v2/chats/${id}/messages`);
    expect(first.body.chatEnded).toBe(false);
    expect(first.body.messages.map((m: any) => [m.index, m.type, m.from.type, m.text])).toEqual([
      [1, 'ParticipantJoined', 'Customer', undefined],
      [2, 'ParticipantJoined', 'Agent', undefined],
      [3, 'TypingStarted', 'Customer', undefined],
      [4, 'Text', 'Customer', 'Hi, my bill looks wrong'],
      [5, 'TypingStarted', 'Agent', undefined],
      [6, 'TypingStopped', 'Agent', undefined],
      [7, 'Text', 'Agent', 'Let me check <b>that</b>'],
    ]);
    expect(first.body.messages[1].from.nickname).toBe('Alice');
    expect(first.body.messages.every((m: any) => typeof m.utcTime === 'number')).toBe(true);

    // Cursor: nothing new; index=N re-reads without moving the cursor back.
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages`)).body.messages).toEqual([]);
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages?index=6`)).body.messages.map((m: any) => m.index)).toEqual([6, 7]);
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages?index=0`)).body.messages).toHaveLength(7);
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages`)).body.messages).toEqual([]);

    await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendMessage', text: 'Fixed it' });
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages`)).body.messages.map((m: any) => m.text)).toEqual(['Fixed it']);

    // Reading with an index moves the cursor forward past what it returned.
    await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendMessage', text: 'One more thing' });
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages?index=9`)).body.messages.map((m: any) => m.text)).toEqual(['One more thing']);
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages`)).body.messages).toEqual([]);

    // The agent side sees the same transcript.
    const mine = (await t.agent('alice', 'GET', '/api/v2/me/interactions')).body.interactions;
    expect(mine[0].state).toBe('Chatting');
    expect(mine[0].messages.map((m: any) => m.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);

    expect((await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'StopProcessing' })).body).toEqual({ statusCode: 0 });
    const after = await t.customer('GET', `/api/v2/chats/${id}/messages`);
    expect(after.body.chatEnded).toBe(true);
    expect(after.body.messages.map((m: any) => [m.index, m.type, m.from.type])).toEqual([[10, 'ParticipantLeft', 'Agent']]);
    // As GWS documents an agent-ended chat: Idle, no agent left, nothing to do but Complete.
    const ended = await t.customer('GET', `/api/v2/chats/${id}`);
    expect(ended.body.chat).toMatchObject({ state: 'Idle', ended: true, capabilities: ['Complete'] });
    expect(ended.body.chat.participants.map((p: any) => p.type)).toEqual(['Customer']);
    expect((await t.agent('alice', 'GET', '/api/v2/me/interactions')).body.interactions).toEqual([]);

    const late = await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'Hello?' });
    expect(late.status).toBe(409);
    expect(late.body).toEqual({ statusCode: 2, statusMessage: expect.stringContaining('has ended') });

    // The customer still leaves the chat; after that nothing is left to do.
    expect((await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' })).body).toEqual({ statusCode: 0 });
    const left = await t.customer('GET', `/api/v2/chats/${id}/messages`);
    expect(left.body.messages.map((m: any) => [m.type, m.from.type])).toEqual([['ParticipantLeft', 'Customer']]);
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).body.chat).toMatchObject({ state: 'Idle', ended: true, capabilities: [] });
    const again = await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ statusCode: 2, statusMessage: expect.stringContaining('has ended') });
  });

  it('ends the chat when the customer completes it; the agent then closes it', async () => {
    const id = await acceptedChat(t);
    expect((await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' })).body).toEqual({ statusCode: 0 });
    const chat = (await t.customer('GET', `/api/v2/chats/${id}`)).body.chat;
    expect(chat).toMatchObject({ state: 'Idle', ended: true, capabilities: [] });
    const msgs = (await t.customer('GET', `/api/v2/chats/${id}/messages?index=0`)).body;
    expect(msgs.chatEnded).toBe(true);
    expect(types(msgs.messages)).toEqual(['ParticipantJoined', 'ParticipantJoined', 'ParticipantLeft']);
    expect(msgs.messages[2].from.type).toBe('Customer');

    for (const operationName of ['SendMessage', 'SendStartTypingNotification', 'Complete']) {
      const r = await t.customer('POST', `/api/v2/chats/${id}`, { operationName, text: 'x' });
      expect([r.status, r.body.statusCode]).toEqual([409, 2]);
    }
    // The agent keeps it as Ended (to finish notes) until StopProcessing.
    const list = (await t.agent('alice', 'GET', '/api/v2/me/interactions')).body.interactions;
    expect(list.map((i: any) => [i.id, i.state])).toEqual([[id, 'Ended']]);
    const send = await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendMessage', text: 'x' });
    expect(send.body.statusCode).toBe(2);
    expect((await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'StopProcessing' })).body.statusCode).toBe(0);
    expect((await t.agent('alice', 'GET', '/api/v2/me/interactions')).body.interactions).toEqual([]);
  });

  it('withdraws a waiting chat the customer completes before any agent accepts', async () => {
    const id = await requestChat(t);
    await t.agent('bob', 'POST', '/api/v2/me', { operationName: 'Ready' });
    expect((await t.agent('bob', 'GET', '/api/v2/me/interactions')).body.interactions).toHaveLength(1);
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' });
    expect((await t.agent('bob', 'GET', '/api/v2/me/interactions')).body.interactions).toEqual([]);
    const accept = await t.agent('bob', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'Accept', nickname: 'Bob' });
    expect([accept.status, accept.body.statusCode]).toEqual([409, 2]);
  });

  it('stores a retried SendMessage with the same clientMessageId once', async () => {
    const id = await acceptedChat(t);
    const send = (who: 'customer' | 'agent', text: string, clientMessageId: string) =>
      who === 'customer'
        ? t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text, clientMessageId })
        : t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendMessage', text, clientMessageId });
    expect((await send('customer', 'Hello', 'c-1')).body).toEqual({ statusCode: 0 });
    expect((await send('customer', 'Hello', 'c-1')).body).toEqual({ statusCode: 0 });
    expect((await send('customer', 'Hello again', 'c-2')).body).toEqual({ statusCode: 0 });
    // The same id from the agent is a different sender, so it is a different message.
    expect((await send('agent', 'Hi', 'c-1')).body).toEqual({ statusCode: 0 });
    expect((await send('agent', 'Hi', 'c-1')).body).toEqual({ statusCode: 0 });
    const texts = (await t.customer('GET', `/api/v2/chats/${id}/messages?index=0`)).body.messages
      .filter((m: any) => m.type === 'Text')
      .map((m: any) => [m.from.type, m.text]);
    expect(texts).toEqual([['Customer', 'Hello'], ['Customer', 'Hello again'], ['Agent', 'Hi']]);
    // A retry that arrives after the chat ended still succeeds: the message was delivered.
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' });
    expect((await send('customer', 'Hello', 'c-1')).body).toEqual({ statusCode: 0 });
    expect((await send('customer', 'New', 'c-3')).body.statusCode).toBe(2);
  });

  it('does not repeat a typing state the participant is already in', async () => {
    const id = await acceptedChat(t);
    const op = (operationName: string) => t.customer('POST', `/api/v2/chats/${id}`, { operationName });
    await op('SendStopTypingNotification'); // not typing: nothing to stop
    await op('SendStartTypingNotification');
    await op('SendStartTypingNotification');
    await op('SendStopTypingNotification');
    await op('SendStopTypingNotification');
    const msgs = (await t.customer('GET', `/api/v2/chats/${id}/messages?index=3`)).body.messages;
    expect(types(msgs)).toEqual(['TypingStarted', 'TypingStopped']);
  });
});
