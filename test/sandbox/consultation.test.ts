/**
 * Consultation (StartChatConsultation) and its two endings, CompleteTransfer and
 * CompleteConference: what each agent and the customer see at every step.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerView, op, opOk, viewOf } from './agent-helpers.ts';
import { acceptedChat, openNotifications, startTestSandbox, type TestSandbox } from './helpers.ts';

const AGENTS = ['alice', 'bob', 'carol'].map((name) => ({ name, password: name }));
let t: TestSandbox;
let id: string;
beforeEach(async () => {
  t = await startTestSandbox({ agents: AGENTS });
  id = await acceptedChat(t, 'alice', 'Alice');
});
afterEach(async () => {
  await t.stop();
});

const participants = async () => (await t.customer('GET', `/api/v2/chats/${id}`)).body.chat.participants.map((p: any) => p.nickname);

/** alice consults bob, who accepts as "Bob". */
async function consulting(): Promise<void> {
  await opOk(t, 'alice', id, { operationName: 'StartChatConsultation', agentId: 'bob' });
  await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
}

async function refused(run: () => Promise<{ status: number; body: any }>, status: number, code: number, message: RegExp) {
  const before = t.snapshot();
  const r = await run();
  expect([r.status, r.body]).toEqual([status, { statusCode: code, statusMessage: expect.stringMatching(message) }]);
  expect(t.snapshot()).toEqual(before);
}

describe('consultation', () => {
  it('offers the consultation to the agent (Ready or not) and keeps it out of the customer’s sight', async () => {
    await opOk(t, 'alice', id, { operationName: 'StartChatConsultation', agentId: 'bob' });
    const invite = await viewOf(t, 'bob', id);
    expect([invite.state, invite.offer, invite.role]).toEqual(['Offered', { kind: 'Consultation', from: 'alice' }, null]);
    expect((await viewOf(t, 'alice', id)).consultation).toEqual({ agent: 'bob', state: 'Invited', startedBy: 'alice' });

    await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
    expect((await viewOf(t, 'bob', id))).toMatchObject({ state: 'Chatting', role: 'Consultant', offer: null });
    expect((await viewOf(t, 'alice', id)).consultation.state).toBe('Joined');
    await opOk(t, 'bob', id, { operationName: 'SendMessage', text: 'Offer the fee waiver' });
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'Thanks', visibility: 'Agents' });
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'One moment please' });

    expect(await participants()).toEqual(['Jane', 'Alice']);
    expect(await customerView(t, id)).toEqual([['ParticipantJoined', 'Jane', undefined], ['ParticipantJoined', 'Alice', undefined], ['Text', 'Alice', 'One moment please']]);
    // Indexes stay shared, so the customer sees a gap where the agents talked.
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages?index=0`)).body.messages.map((m: any) => m.index)).toEqual([1, 2, 6]);
    const agentsSee = (await viewOf(t, 'alice', id)).messages.map((m: any) => [m.index, m.type, m.from.nickname, m.visibility]);
    expect(agentsSee).toEqual([
      [1, 'ParticipantJoined', 'Jane', 'All'], [2, 'ParticipantJoined', 'Alice', 'All'], [3, 'ParticipantJoined', 'Bob', 'Agents'],
      [4, 'Text', 'Bob', 'Agents'], [5, 'Text', 'Alice', 'Agents'], [6, 'Text', 'Alice', 'All'],
    ]);
  });

  it('pushes the invitation, the consultation state and agents-only messages over SSE', async () => {
    const alice = await openNotifications(t.sb.url, 'alice');
    const bob = await openNotifications(t.sb.url, 'bob');
    try {
      await bob.take('AgentStateChanged');
      await opOk(t, 'alice', id, { operationName: 'StartChatConsultation', agentId: 'bob' });
      expect((await bob.take('InteractionAdded')).interaction).toMatchObject({ id, state: 'Offered', offer: { kind: 'Consultation', from: 'alice' } });
      expect((await alice.take('InteractionUpdated', (d) => d.interaction.consultation !== null)).interaction.consultation.state).toBe('Invited');
      await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
      await opOk(t, 'bob', id, { operationName: 'SendMessage', text: 'psst' });
      const log = await alice.take('MessageLogUpdated', (d) => d.messages.some((m: any) => m.text === 'psst'));
      expect(log.messages.map((m: any) => [m.text, m.visibility])).toEqual([['psst', 'Agents']]);
    } finally {
      alice.close();
      bob.close();
    }
  });

  it('CompleteTransfer: the consultant takes over, the customer sees one join and one leave', async () => {
    await consulting();
    expect((await op(t, 'alice', id, { operationName: 'CompleteTransfer' })).body).toEqual({ statusCode: 0 });
    expect(await participants()).toEqual(['Jane', 'Bob']);
    expect((await customerView(t, id)).slice(-2)).toEqual([['ParticipantJoined', 'Bob', undefined], ['ParticipantLeft', 'Alice', undefined]]);
    expect(await viewOf(t, 'alice', id)).toBeUndefined();
    expect(await viewOf(t, 'bob', id)).toMatchObject({ role: 'Primary', consultation: null });
    await opOk(t, 'bob', id, { operationName: 'SendMessage', text: 'I can waive it' });
    expect((await customerView(t, id)).at(-1)).toEqual(['Text', 'Bob', 'I can waive it']);
    await opOk(t, 'bob', id, { operationName: 'StopProcessing' });
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).body.chat.ended).toBe(true);
  });

  it('CompleteConference: both agents stay; the chat ends when the last one leaves', async () => {
    await consulting();
    await opOk(t, 'alice', id, { operationName: 'CompleteConference' });
    expect(await participants()).toEqual(['Jane', 'Alice', 'Bob']);
    expect((await customerView(t, id)).at(-1)).toEqual(['ParticipantJoined', 'Bob', undefined]);
    expect((await viewOf(t, 'bob', id)).role).toBe('Conference');
    await opOk(t, 'bob', id, { operationName: 'SendMessage', text: 'Hello from Bob' });
    expect((await customerView(t, id)).at(-1)).toEqual(['Text', 'Bob', 'Hello from Bob']);
    await opOk(t, 'alice', id, { operationName: 'StopProcessing' });
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).body.chat).toMatchObject({ state: 'Chatting', ended: false });
    expect(await participants()).toEqual(['Jane', 'Bob']);
    await opOk(t, 'bob', id, { operationName: 'StopProcessing' });
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).body.chat).toMatchObject({ state: 'Idle', ended: true });
  });

  it('lets the consulted agent reject, and ends the consultation when the consulting agent leaves', async () => {
    await opOk(t, 'alice', id, { operationName: 'StartChatConsultation', agentId: 'bob' });
    await opOk(t, 'bob', id, { operationName: 'Reject' });
    expect(await viewOf(t, 'bob', id)).toBeUndefined();
    expect((await viewOf(t, 'alice', id)).consultation).toBeNull();
    await opOk(t, 'alice', id, { operationName: 'StartChatConsultation', agentId: 'carol' });
    await opOk(t, 'carol', id, { operationName: 'Accept', nickname: 'Carol' });
    await opOk(t, 'alice', id, { operationName: 'StopProcessing' });
    expect(await viewOf(t, 'carol', id)).toBeUndefined();
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).body.chat.ended).toBe(true);
    await refused(() => op(t, 'carol', id, { operationName: 'SendMessage', text: 'x' }), 409, 2, /no longer in chat/);
  });

  it('shows the consultant the chat as Ended when the customer leaves', async () => {
    await consulting();
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' });
    expect((await viewOf(t, 'bob', id)).state).toBe('Ended');
    await opOk(t, 'bob', id, { operationName: 'StopProcessing' });
    expect(await viewOf(t, 'bob', id)).toBeUndefined();
  });

  it('refuses what the state does not allow, changing nothing', async () => {
    await refused(() => op(t, 'alice', id, { operationName: 'CompleteTransfer' }), 409, 2, /^You have no consultation in progress in chat '.*'; start one with StartChatConsultation\.$/);
    await opOk(t, 'alice', id, { operationName: 'StartChatConsultation', agentId: 'bob' });
    await refused(() => op(t, 'alice', id, { operationName: 'CompleteConference' }), 409, 2, /^Agent 'bob' has not accepted the consultation yet\.$/);
    await refused(() => op(t, 'alice', id, { operationName: 'StartChatConsultation', agentId: 'carol' }), 409, 2, /A consultation with 'bob' is already in progress/);
    await refused(() => op(t, 'bob', id, { operationName: 'SendMessage', text: 'x' }), 409, 2, /Accept chat/);
    await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
    await refused(() => op(t, 'bob', id, { operationName: 'SendMessage', text: 'x', visibility: 'All' }), 409, 2, /A consultant cannot write to the customer/);
    await refused(() => op(t, 'bob', id, { operationName: 'CompleteTransfer' }), 409, 2, /^A consultant cannot complete a consultation\.$/);
    await refused(() => op(t, 'bob', id, { operationName: 'Transfer', queueName: 'Loans' }), 409, 2, /^A consultant cannot transfer it\.$/);
    await refused(() => op(t, 'alice', id, { operationName: 'Transfer', queueName: 'Loans' }), 409, 2, /Other agents are in chat/);
    await refused(() => op(t, 'carol', id, { operationName: 'CompleteTransfer' }), 403, 5, /handled by another agent/);
  });

  it.each([
    ['a missing agentId', {}, 400, 1, /^Required parameter 'agentId' is missing\.$/],
    ['an unknown agent', { agentId: 'zed' }, 400, 10, /no agent named 'zed'/],
    ['oneself', { agentId: 'alice' }, 400, 10, /that is you/],
    ['a bad visibility', null, 400, 10, /'visibility': must be 'All' or 'Agents'/],
  ])('refuses %s', async (_name, extra, status, code, message) => {
    const body = extra ? { operationName: 'StartChatConsultation', ...extra } : { operationName: 'SendMessage', text: 'x', visibility: 'Me' };
    await refused(() => op(t, 'alice', id, body), status, code, message);
  });
});
