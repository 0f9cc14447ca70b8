/** Reject and Transfer (seed 004): chats go back to a queue or on to one agent. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerView, op, opOk, viewOf } from './agent-helpers.ts';
import { acceptedChat, openNotifications, requestChat, setReady, startTestSandbox, type TestSandbox } from './helpers.ts';

const AGENTS = ['alice', 'bob', 'carol'].map((name) => ({ name, password: name }));
let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox({ agents: AGENTS });
});
afterEach(async () => {
  await t.stop();
});

/** Runs a request that must fail, checking the envelope and that nothing changed. */
async function refused(run: () => Promise<{ status: number; body: any }>, status: number, code: number, message: RegExp) {
  const before = t.snapshot();
  const r = await run();
  expect([r.status, r.body]).toEqual([status, { statusCode: code, statusMessage: expect.stringMatching(message) }]);
  expect(t.snapshot()).toEqual(before);
}

describe('Reject', () => {
  it('puts the chat back for the others and never offers it to the rejecting agent again', async () => {
    await setReady(t, 'alice', 'Ready');
    await setReady(t, 'bob', 'Ready');
    const id = await requestChat(t);
    const s = await openNotifications(t.sb.url, 'alice');
    try {
      await s.take('InteractionAdded', (d) => d.interaction.id === id);
      expect((await op(t, 'alice', id, { operationName: 'Reject' })).body).toEqual({ statusCode: 0 });
      expect(await s.take('InteractionRemoved')).toEqual({ interactionId: id });
    } finally {
      s.close();
    }
    expect(await viewOf(t, 'alice', id)).toBeUndefined();
    expect((await viewOf(t, 'bob', id)).offer).toEqual({ kind: 'Queue', from: null });
    await refused(() => op(t, 'alice', id, { operationName: 'Accept', nickname: 'A' }), 409, 2, /^You rejected chat '.*'; it is offered to other agents\.$/);
    await refused(() => op(t, 'alice', id, { operationName: 'Reject' }), 409, 2, /You rejected chat/);
    // Going Ready again does not bring it back.
    await setReady(t, 'alice', 'Ready');
    expect(await viewOf(t, 'alice', id)).toBeUndefined();
    await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).body.chat.state).toBe('Chatting');
  });

  it('refuses to reject a chat the agent is in, is not offered, or that does not exist', async () => {
    const id = await acceptedChat(t, 'alice');
    await refused(() => op(t, 'alice', id, { operationName: 'Reject' }), 409, 2, /^You are in chat '.*'; use Transfer or StopProcessing instead of Reject\.$/);
    await refused(() => op(t, 'bob', id, { operationName: 'Reject' }), 409, 2, /no longer waiting/);
    const waiting = await requestChat(t, { nickname: 'W', endpoint: 'Loans' });
    await refused(() => op(t, 'carol', waiting, { operationName: 'Reject' }), 409, 2, /Set yourself Ready on queue 'Loans'/);
    await refused(() => op(t, 'alice', 'nope', { operationName: 'Reject' }), 404, 6, /does not exist/);
  });
});

describe('Transfer', () => {
  it('to a queue: the agent leaves, the customer sees it, and agents Ready there are offered the chat', async () => {
    const id = await acceptedChat(t, 'alice', 'Alice');
    await setReady(t, 'bob', 'Ready', ['Loans']);
    expect(await viewOf(t, 'bob', id)).toBeUndefined();
    expect((await op(t, 'alice', id, { operationName: 'Transfer', queueName: 'Loans' })).body).toEqual({ statusCode: 0 });

    expect((await customerView(t, id)).slice(-1)).toEqual([['ParticipantLeft', 'Alice', undefined]]);
    const chat = (await t.customer('GET', `/api/v2/chats/${id}`)).body.chat;
    expect([chat.state, chat.ended, chat.participants.map((p: any) => p.type)]).toEqual(['WaitingForAgent', false, ['Customer']]);
    // alice is Ready on Loans too, but is not offered back the chat she just sent there.
    expect(await viewOf(t, 'alice', id)).toBeUndefined();
    await refused(() => op(t, 'alice', id, { operationName: 'Accept', nickname: 'A' }), 409, 2, /^You transferred chat '.*' to queue 'Loans'/);
    await refused(() => op(t, 'alice', id, { operationName: 'SendMessage', text: 'x' }), 409, 2, /no longer in chat/);

    const offered = await viewOf(t, 'bob', id);
    expect([offered.state, offered.queue, offered.offer]).toEqual(['Offered', 'Loans', { kind: 'Queue', from: 'alice' }]);
    await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
    await opOk(t, 'bob', id, { operationName: 'SendMessage', text: 'Bob here' });
    expect((await customerView(t, id)).slice(-2)).toEqual([['ParticipantJoined', 'Bob', undefined], ['Text', 'Bob', 'Bob here']]);
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).body.chat.state).toBe('Chatting');
  });

  it('to an agent: only that agent is offered the chat, Ready or not; rejecting sends it to the queue', async () => {
    const id = await acceptedChat(t, 'alice', 'Alice');
    await setReady(t, 'carol', 'Ready');
    await opOk(t, 'alice', id, { operationName: 'Transfer', agentId: 'bob' });
    expect((await viewOf(t, 'bob', id)).offer).toEqual({ kind: 'Transfer', from: 'alice' });
    expect(await viewOf(t, 'carol', id)).toBeUndefined();
    await refused(() => op(t, 'carol', id, { operationName: 'Accept', nickname: 'C' }), 409, 2,
      /^Chat '.*' was transferred to agent 'bob'; only that agent can take it\.$/);
    await opOk(t, 'bob', id, { operationName: 'Reject' });
    expect((await viewOf(t, 'carol', id)).offer.kind).toBe('Queue');
    expect(await viewOf(t, 'bob', id)).toBeUndefined();
  });

  it('to an agent who accepts, even while Not Ready', async () => {
    const id = await acceptedChat(t, 'alice', 'Alice');
    await opOk(t, 'alice', id, { operationName: 'Transfer', agentId: 'bob' });
    await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
    expect((await viewOf(t, 'bob', id)).role).toBe('Primary');
    expect((await customerView(t, id)).map((m) => m[0] + ':' + m[1])).toEqual(['ParticipantJoined:Jane', 'ParticipantJoined:Alice', 'ParticipantLeft:Alice', 'ParticipantJoined:Bob']);
  });

  it.each([
    ['no target', {}, 400, 1, /^Required parameter 'agentId' or 'queueName' is missing\.$/],
    ['both targets', { agentId: 'bob', queueName: 'Loans' }, 400, 10, /^Give either 'agentId' or 'queueName', not both\.$/],
    ['an unknown agent', { agentId: 'zed' }, 400, 10, /^Invalid parameter 'agentId': no agent named 'zed'\. Agents: alice, bob, carol\.$/],
    ['oneself', { agentId: 'alice' }, 400, 10, /'agentId': that is you/],
    ['an unknown queue', { queueName: 'Nope' }, 400, 10, /^Invalid parameter 'queueName': unknown queue 'Nope'\. Known queues: Billing, Loans, General, Default\.$/],
    ['a non-string agentId', { agentId: 7 }, 400, 10, /'agentId': must be a string/],
  ])('refuses %s', async (_name, extra, status, code, message) => {
    const id = await acceptedChat(t, 'alice');
    await refused(() => op(t, 'alice', id, { operationName: 'Transfer', ...extra }), status, code, message);
  });

  it('refuses a transfer by another agent or on an ended chat', async () => {
    const id = await acceptedChat(t, 'alice');
    await refused(() => op(t, 'bob', id, { operationName: 'Transfer', agentId: 'carol' }), 403, 5, /handled by another agent/);
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' });
    await refused(() => op(t, 'alice', id, { operationName: 'Transfer', agentId: 'bob' }), 409, 2, /has ended/);
  });
});
