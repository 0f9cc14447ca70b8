/** The agent's Server-Sent Events stream, read with fetch() exactly as the console does. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotifications, requestChat, startTestSandbox, type StreamReader, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
const streams: StreamReader[] = [];
beforeEach(async () => {
  t = await startTestSandbox({ keepaliveMs: 100 });
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await t.stop();
});

async function open(agent: string): Promise<StreamReader> {
  const s = await openNotifications(t.sb.url, agent);
  streams.push(s);
  return s;
}

const states = (state: string) => ['Billing', 'Loans', 'General', 'Default'].map((name) => ({ name, state }));

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('notifications', () => {
  it('pushes the agent state, offers, messages, updates and removals', async () => {
    const early = await requestChat(t, { nickname: 'Early' });
    const s = await open('alice');
    expect(s.status).toBe(200);
    expect(s.contentType).toMatch(/^text\/event-stream/);
    // 'Early' was requested without an endpoint, so its queue 'Default' is known too.
    expect(await s.take('AgentStateChanged')).toEqual({ user: { name: 'alice', state: 'NotReady', queues: states('NotReady'), otherQueues: 'NotReady' } });

    // Going Ready offers the chat that was already waiting.
    await t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Ready' });
    expect(await s.take('AgentStateChanged')).toEqual({ user: { name: 'alice', state: 'Ready', queues: states('Ready'), otherQueues: 'Ready' } });
    const added = await s.take('InteractionAdded');
    expect(added.interaction).toMatchObject({ id: early, state: 'Offered', customer: { nickname: 'Early' } });

    // A new chat is offered as it arrives, with its context.
    const id = await requestChat(t, { nickname: 'Jane', endpoint: 'Billing', userData: { 'Page Name': 'Loans' } });
    const offer = await s.take('InteractionAdded', (d) => d.interaction.id === id);
    expect(offer.interaction).toMatchObject({ state: 'Offered', queue: 'Billing', userData: { 'Page Name': 'Loans' } });
    expect(offer.interaction.messages.map((m: any) => m.type)).toEqual(['ParticipantJoined']);

    await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'Accept', nickname: 'Alice' });
    const accepted = await s.take('InteractionUpdated', (d) => d.interaction.id === id);
    expect(accepted.interaction.state).toBe('Chatting');
    const joined = await s.take('MessageLogUpdated', (d) => d.interactionId === id);
    expect(joined.messages.map((m: any) => [m.index, m.type, m.from.nickname])).toEqual([[2, 'ParticipantJoined', 'Alice']]);

    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendStartTypingNotification' });
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'Hello' });
    expect((await s.take('MessageLogUpdated', (d) => d.interactionId === id)).messages[0]).toMatchObject({ index: 3, type: 'TypingStarted' });
    expect((await s.take('MessageLogUpdated', (d) => d.interactionId === id)).messages[0]).toMatchObject({ index: 4, type: 'Text', text: 'Hello' });

    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' });
    expect((await s.take('InteractionUpdated', (d) => d.interaction.id === id)).interaction.state).toBe('Ended');
    await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'StopProcessing' });
    expect(await s.take('InteractionRemoved', (d) => d.interactionId === id)).toEqual({ interactionId: id });

    // Not Ready withdraws the offers.
    await t.agent('alice', 'POST', '/api/v2/me', { operationName: 'NotReady' });
    expect(await s.take('InteractionRemoved', (d) => d.interactionId === early)).toEqual({ interactionId: early });
  });

  it('withdraws an offer from other agents when one accepts, and shows nothing of it afterwards', async () => {
    await t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Ready' });
    await t.agent('bob', 'POST', '/api/v2/me', { operationName: 'Ready' });
    const bob = await open('bob');
    const id = await requestChat(t);
    await bob.take('InteractionAdded', (d) => d.interaction.id === id);
    await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'Accept', nickname: 'Alice' });
    await bob.take('InteractionRemoved', (d) => d.interactionId === id);
    await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'private' });
    await new Promise((r) => setTimeout(r, 150));
    expect(bob.events.filter((e) => e.data.includes('private'))).toEqual([]);
  });

  it('sends keepalive comments and cleans up when the client goes away', async () => {
    const s = await open('alice');
    await until(() => s.comments.includes('keepalive'));
    expect(t.sb.stats().openNotificationStreams).toBe(1);
    s.close();
    await until(() => t.sb.stats().openNotificationStreams === 0);
  });

  it('ends open streams when the Sandbox closes', async () => {
    const s = await open('alice');
    await s.take('AgentStateChanged');
    const started = Date.now();
    await t.sb.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(t.sb.stats().openNotificationStreams).toBe(0);
  });
});
