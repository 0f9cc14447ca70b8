/**
 * Queues that chats create (issue 9): RequestChat's `endpoint` (GWS) or `endpoint` field
 * (GMS) may add a queue the Sandbox was not started with, but only up to CHAT_QUEUE_LIMIT,
 * and a new queue reaches agents as one `QueueAdded` event, never as the whole queue list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHAT_QUEUE_LIMIT } from '../../sandbox/config.ts';
import { openNotifications, request, requestChat, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.stop();
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const gmsRequestChat = (endpoint: string) =>
  request(`${t.sb.url}/genesys/2/chat/request-chat`, 'POST', new URLSearchParams({ nickname: 'Gina', endpoint }).toString(), FORM);

/** Fills the limit with chats on new queues Q1…Qn ('Default' counts as one: it is not configured). */
async function fillChatQueues(): Promise<void> {
  await requestChat(t, { nickname: 'Dee' }); // queue 'Default'
  for (let i = 1; i < CHAT_QUEUE_LIMIT; i++) await requestChat(t, { nickname: `N${i}`, endpoint: `Q${i}` });
}

describe('queues created by chats', () => {
  it('refuses, on both dialects, a chat that would add one queue too many, changing nothing', async () => {
    await fillChatQueues();
    const before = t.snapshot();
    const gws = await t.customer('POST', '/api/v2/chats', { operationName: 'RequestChat', nickname: 'Jane', endpoint: 'One too many' });
    expect(gws.status).toBe(400);
    expect(gws.body).toEqual({
      statusCode: 10,
      statusMessage: expect.stringMatching(
        new RegExp(`^Invalid parameter 'endpoint': queue 'One too many' is not known to this Sandbox, and chats have already added ${CHAT_QUEUE_LIMIT} queues \\(the most it takes\\)\\. Known queues: Billing, Loans, General, Default, Q1, `),
      ),
    });
    expect(gws.body.statusMessage).toMatch(/Start the Sandbox with --queue to add more\.$/);
    const gms = await gmsRequestChat('One too many');
    expect(gms.status).toBe(400);
    expect(gms.body).toEqual({ errors: [{ code: 10, message: expect.stringMatching(/^Invalid parameter 'endpoint': queue 'One too many' is not known/) }] });
    expect(t.snapshot()).toEqual(before);
    const queues = (await t.customer('GET', '/api/v2/queues/availability')).body.queues.map((q: any) => q.name);
    expect(queues).toHaveLength(3 + CHAT_QUEUE_LIMIT);
    expect(queues).not.toContain('One too many');
  });

  it('still takes chats on configured queues and on queues chats already added, once the limit is reached', async () => {
    await fillChatQueues();
    for (const endpoint of ['Billing', 'Q1', undefined]) {
      expect((await t.customer('POST', '/api/v2/chats', { nickname: 'Jane', ...(endpoint ? { endpoint } : {}) })).body.statusCode).toBe(0);
    }
    expect((await gmsRequestChat(`Q${CHAT_QUEUE_LIMIT - 1}`)).body.statusCode).toBe(0);
  });

  it('tells each agent about a new queue with one small QueueAdded event, never the whole list again', async () => {
    const s = await openNotifications(t.sb.url, 'alice');
    try {
      await s.take('AgentStateChanged');
      for (let i = 1; i <= 10; i++) await requestChat(t, { nickname: 'Jane', endpoint: `Queue ${i}` });
      for (let i = 1; i <= 10; i++) {
        expect(await s.take('QueueAdded', (d) => d.queue.name === `Queue ${i}`)).toEqual({ queue: { name: `Queue ${i}`, state: 'NotReady' } });
      }
      await requestChat(t, { nickname: 'Again', endpoint: 'Queue 1' }); // not new: no event
      await requestChat(t, { nickname: 'Last', endpoint: 'Queue 11' });
      await s.take('QueueAdded', (d) => d.queue.name === 'Queue 11');
      expect(s.events.filter((e) => e.event === 'QueueAdded')).toHaveLength(11);
      // The snapshot at connect was the only full view.
      expect(s.events.filter((e) => e.event === 'AgentStateChanged')).toHaveLength(1);
      for (const e of s.events.filter((e) => e.event === 'QueueAdded')) expect(e.data.length).toBeLessThan(100);
    } finally {
      s.close();
    }
  });

  it('gives a new queue the agent’s state for queues not known yet', async () => {
    await t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Ready' });
    const s = await openNotifications(t.sb.url, 'alice');
    try {
      await s.take('AgentStateChanged');
      await requestChat(t, { nickname: 'Jane', endpoint: 'Cards' });
      expect(await s.take('QueueAdded')).toEqual({ queue: { name: 'Cards', state: 'Ready' } });
    } finally {
      s.close();
    }
  });
});
