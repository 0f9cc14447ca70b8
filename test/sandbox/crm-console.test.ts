/** The console's side of the Sandbox CRM: the per-chat CRM view of the agent API and the live CrmInteractionUpdated event. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptedChat, openNotifications, request, startTestSandbox, type StreamReader, type TestSandbox } from './helpers.ts';
import { crm, startInteraction, transcript } from './crm-helpers.ts';

let t: TestSandbox;
const streams: StreamReader[] = [];
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  await t.stop();
});

const crmOf = (agent: string, chatId: string, headers: Record<string, string | undefined> = {}) =>
  t.agent(agent, 'GET', `/api/v2/me/interactions/${chatId}/crm`, undefined, headers);

describe('GET /api/v2/me/interactions/{id}/crm', () => {
  it('gives the agent in the chat its latest CRM interaction (null before one exists)', async () => {
    const chatId = await acceptedChat(t);
    expect((await crmOf('alice', chatId)).body).toEqual({ crm: null, statusCode: 0 });
    const first = await startInteraction(t, 'c-1', { ChatId: chatId });
    await crm(t, 'POST', `/interactions/${first}/end`, { idempotencyKey: 'c-1-end', transcript });
    const second = await startInteraction(t, 'c-2', { ChatId: chatId });
    await startInteraction(t, 'c-other', { ChatId: 'another-chat' });
    const r = await crmOf('alice', chatId);
    expect([r.status, r.body.statusCode]).toEqual([200, 0]);
    expect(r.body.crm).toMatchObject({ interactionId: second, params: { ChatId: chatId, ContactId: 'CONT-1' }, switches: [] });
  });

  it('is the agent API: other agents get 404, no credentials 401, other origins 403', async () => {
    const chatId = await acceptedChat(t);
    await startInteraction(t, 'c-guard', { ChatId: chatId });
    expect([(await crmOf('bob', chatId)).status, (await crmOf('bob', chatId)).body.statusCode]).toEqual([404, 6]);
    const anonymous = await request(`${t.sb.url}/api/v2/me/interactions/${chatId}/crm`, 'GET', undefined, {});
    expect([anonymous.status, anonymous.body.statusCode]).toEqual([401, 20]);
    const foreign = await crmOf('alice', chatId, { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' });
    expect([foreign.status, foreign.body.statusCode]).toEqual([403, 3]);
    // The CRM's bearer token opens nothing here.
    const bearer = await crmOf('alice', chatId, { Authorization: 'Bearer beckon-demo-crm-token' });
    expect(bearer.status).toBe(401);
  });
});

describe('CrmInteractionUpdated', () => {
  it('tells agents who see the chat when its CRM interaction starts, switches and ends', async () => {
    const chatId = await acceptedChat(t);
    const alice = await openNotifications(t.sb.url, 'alice');
    const bob = await openNotifications(t.sb.url, 'bob');
    streams.push(alice, bob);
    await alice.take('InteractionAdded', (d) => d.interaction.id === chatId);

    const id = await startInteraction(t, 'live', { ChatId: chatId });
    expect(await alice.take('CrmInteractionUpdated')).toEqual({ interactionId: id, chatId });
    await crm(t, 'POST', `/interactions/${id}/switch`, { idempotencyKey: 'live-sw' });
    expect(await alice.take('CrmInteractionUpdated')).toEqual({ interactionId: id, chatId });
    await crm(t, 'POST', `/interactions/${id}/end`, { idempotencyKey: 'live-end', transcript });
    expect(await alice.take('CrmInteractionUpdated')).toEqual({ interactionId: id, chatId });

    // Replays change nothing and say nothing; interactions of no visible chat are not announced.
    await crm(t, 'POST', `/interactions/${id}/end`, { idempotencyKey: 'live-end', transcript });
    await startInteraction(t, 'live-other', { ChatId: 'not-a-chat' });
    await startInteraction(t, 'live-none');
    await new Promise((r) => setTimeout(r, 150));
    expect(alice.events.filter((e) => e.event === 'CrmInteractionUpdated')).toHaveLength(3);
    expect(bob.events.filter((e) => e.event === 'CrmInteractionUpdated')).toEqual([]);
  });
});
