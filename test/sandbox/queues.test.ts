/**
 * Queues and per-queue agent availability: Ready/NotReady on some queues, offers gated by
 * the chat's queue, the customer-side availability routes, and what survives a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/server.ts';
import { openNotifications, requestChat, setReady, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.stop();
});

const availability = async () => (await t.customer('GET', '/api/v2/queues/availability')).body;
const offeredTo = async (agent: string) =>
  (await t.agent(agent, 'GET', '/api/v2/me/interactions')).body.interactions.filter((i: any) => i.state === 'Offered').map((i: any) => i.id);

describe('queue availability (customer side)', () => {
  it('lists the configured queues with no ready agent at first', async () => {
    expect(await availability()).toEqual({
      queues: [{ name: 'Billing', readyAgents: 0 }, { name: 'Loans', readyAgents: 0 }, { name: 'General', readyAgents: 0 }],
      statusCode: 0,
    });
  });

  it('counts agents per queue as they go Ready and Not Ready on some or all queues', async () => {
    await setReady(t, 'alice', 'Ready', ['Billing']);
    await setReady(t, 'bob', 'Ready');
    expect((await availability()).queues).toEqual([{ name: 'Billing', readyAgents: 2 }, { name: 'Loans', readyAgents: 1 }, { name: 'General', readyAgents: 1 }]);
    await setReady(t, 'bob', 'NotReady', ['Loans', 'General']);
    expect((await t.customer('GET', '/api/v2/queues/Billing/availability')).body).toEqual({ queue: { name: 'Billing', readyAgents: 2 }, statusCode: 0 });
    expect((await t.customer('GET', '/api/v2/queues/Loans/availability')).body).toEqual({ queue: { name: 'Loans', readyAgents: 0 }, statusCode: 0 });
    await setReady(t, 'alice', 'NotReady');
    expect((await t.customer('GET', '/api/v2/queues/Billing/availability')).body.queue.readyAgents).toBe(1);
  });

  it('adds any queue a chat is requested on, counting agents Ready on every queue', async () => {
    await setReady(t, 'bob', 'Ready');
    await setReady(t, 'alice', 'Ready', ['Billing']);
    await requestChat(t, { nickname: 'Jane', endpoint: 'Home Loans' });
    expect((await availability()).queues.at(-1)).toEqual({ name: 'Home Loans', readyAgents: 1 });
    expect((await t.customer('GET', `/api/v2/queues/${encodeURIComponent('Home Loans')}/availability`)).body.queue).toEqual({ name: 'Home Loans', readyAgents: 1 });
    const me = (await t.agent('alice', 'GET', '/api/v2/me')).body.user;
    expect(me.queues.at(-1)).toEqual({ name: 'Home Loans', state: 'NotReady' });
  });

  it('answers an unknown queue with 404 / code 6 naming the known ones', async () => {
    const r = await t.customer('GET', '/api/v2/queues/Mortgages/availability');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ statusCode: 6, statusMessage: "Queue 'Mortgages' is not known to this Sandbox. Known queues: Billing, Loans, General." });
  });

  it('applies the customer guard: ContactCenterId, foreign origins and CORS for extensions', async () => {
    expect((await t.customer('GET', '/api/v2/queues/availability', undefined, { ContactCenterId: 'wrong' })).body.statusCode).toBe(3);
    expect((await t.customer('GET', '/api/v2/queues/Billing/availability', undefined, { Origin: 'https://evil.example' })).status).toBe(403);
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const r = await t.customer('GET', '/api/v2/queues/availability', undefined, { Origin: origin });
    expect(r.headers.get('access-control-allow-origin')).toBe(origin);
    const pre = await fetch(`${t.sb.url}/api/v2/queues/availability`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('takes the queue list from startSandbox({queues}) and refuses bad lists', async () => {
    const other = await startTestSandbox({ queues: ['Sales', 'Support'] });
    try {
      expect((await other.customer('GET', '/api/v2/queues/availability')).body.queues.map((q: any) => q.name)).toEqual(['Sales', 'Support']);
    } finally {
      await other.stop();
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'beckon-queues-'));
    try {
      await expect(startSandbox({ port: 0, dataDir, queues: ['A', 'A'] })).rejects.toThrow(/Queue 'A' is configured twice/);
      await expect(startSandbox({ port: 0, dataDir, queues: [''] })).rejects.toThrow(/1-100 characters/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('per-queue Ready (agent side)', () => {
  it('reports the per-queue state and offers only chats of queues the agent is Ready on', async () => {
    const billing = await requestChat(t, { nickname: 'Bill', endpoint: 'Billing' });
    const loans = await requestChat(t, { nickname: 'Lou', endpoint: 'Loans' });
    await setReady(t, 'alice', 'Ready', ['Billing']);
    expect((await t.agent('alice', 'GET', '/api/v2/me')).body.user).toEqual({
      name: 'alice', state: 'Ready', otherQueues: 'NotReady',
      queues: [{ name: 'Billing', state: 'Ready' }, { name: 'Loans', state: 'NotReady' }, { name: 'General', state: 'NotReady' }],
    });
    expect(await offeredTo('alice')).toEqual([billing]);
    expect((await t.agent('alice', 'GET', `/api/v2/me/interactions/${loans}`)).status).toBe(404);
    const refused = await t.agent('alice', 'POST', `/api/v2/me/interactions/${loans}`, { operationName: 'Accept', nickname: 'Alice' });
    expect([refused.status, refused.body.statusMessage]).toEqual([409, "Set yourself Ready on queue 'Loans' before accepting this chat."]);

    await setReady(t, 'alice', 'Ready', ['Loans']);
    expect(await offeredTo('alice')).toEqual([billing, loans]);
    await setReady(t, 'alice', 'NotReady', ['Billing']);
    expect(await offeredTo('alice')).toEqual([loans]);
    // Ready with no list means every queue again, whatever was set per queue.
    await setReady(t, 'alice', 'Ready');
    expect((await t.agent('alice', 'GET', '/api/v2/me')).body.user.queues.every((q: any) => q.state === 'Ready')).toBe(true);
    await setReady(t, 'alice', 'NotReady');
    expect((await t.agent('alice', 'GET', '/api/v2/me')).body.user.state).toBe('NotReady');
    expect(await offeredTo('alice')).toEqual([]);
  });

  it.each([
    ['an empty queue list', { queues: [] }, 400, 10, /^Invalid parameter 'queues': must list at least one queue \(omit it for all queues\)\.$/],
    ['a queue list that is not an array', { queues: 'Billing' }, 400, 10, /'queues': must be an array of queue names/],
    ['a blank queue name', { queues: [' '] }, 400, 10, /'queues\.0': must not be empty/],
    ['an unknown queue', { queues: ['Billing', 'Nope'] }, 400, 10, /^Invalid parameter 'queues': unknown queue 'Nope'\. Known queues: Billing, Loans, General\.$/],
  ])('refuses %s and changes nothing', async (_name, extra, status, code, message) => {
    await setReady(t, 'alice', 'Ready', ['Loans']);
    const before = t.snapshot();
    const r = await t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Ready', ...extra });
    expect(r.status).toBe(status);
    expect(r.body).toEqual({ statusCode: code, statusMessage: expect.stringMatching(message) });
    expect(t.snapshot()).toEqual(before);
  });

  it('pushes offers and withdrawals per queue, and each queue a chat adds', async () => {
    const loans = await requestChat(t, { nickname: 'Lou', endpoint: 'Loans' });
    const s = await openNotifications(t.sb.url, 'alice');
    try {
      await s.take('AgentStateChanged');
      await setReady(t, 'alice', 'Ready', ['Loans']);
      expect((await s.take('AgentStateChanged')).user.queues[1]).toEqual({ name: 'Loans', state: 'Ready' });
      expect((await s.take('InteractionAdded')).interaction.id).toBe(loans);
      await requestChat(t, { nickname: 'Newq', endpoint: 'Cards' });
      expect(await s.take('QueueAdded')).toEqual({ queue: { name: 'Cards', state: 'NotReady' } });
      await setReady(t, 'alice', 'NotReady', ['Loans']);
      expect(await s.take('InteractionRemoved')).toEqual({ interactionId: loans });
      // Nothing was offered from Cards: alice is not Ready there.
      expect(s.events.filter((e) => e.event === 'InteractionAdded')).toHaveLength(1);
    } finally {
      s.close();
    }
  });

  it('keeps per-queue readiness across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'beckon-queues-persist-'));
    try {
      const first = await startTestSandbox({ dataDir });
      await setReady(first, 'alice', 'Ready', ['Loans']);
      await setReady(first, 'bob', 'Ready');
      await setReady(first, 'bob', 'NotReady', ['General']);
      const before = [(await first.agent('alice', 'GET', '/api/v2/me')).body, (await first.agent('bob', 'GET', '/api/v2/me')).body];
      await first.stop();
      const second = await startTestSandbox({ dataDir });
      try {
        expect([(await second.agent('alice', 'GET', '/api/v2/me')).body, (await second.agent('bob', 'GET', '/api/v2/me')).body]).toEqual(before);
        expect((await second.customer('GET', '/api/v2/queues/availability')).body.queues).toEqual([
          { name: 'Billing', readyAgents: 1 }, { name: 'Loans', readyAgents: 2 }, { name: 'General', readyAgents: 0 },
        ]);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
