/** The Sandbox CRM API over HTTP: the Pega interaction lifecycle, offer outcomes, reads and idempotency. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './helpers.ts';
import { crm, snapshotCrm, startBody, startInteraction, transcript } from './crm-helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

const outcome = { idempotencyKey: 'o-1', ruleId: 'bill-pay', ruleName: 'Bill payment help', outcome: 'declined', url: 'http://127.0.0.1/demo/bill-payment.html', at: 1_700_000_000_000 };

describe('Sandbox CRM: interaction lifecycle', () => {
  it('starts, switches and ends an interaction, and reads it back with params, switches and transcript', async () => {
    const before = Date.now();
    const started = await crm(t, 'POST', '/interactions', startBody('life-start', { ChatId: 'chat-life' }));
    expect([started.status, started.body]).toEqual([201, { interactionId: expect.stringMatching(/^I-\d+$/), created: true }]);
    const id = started.body.interactionId;

    const open = (await crm(t, 'GET', `/interactions/${id}`)).body.interaction;
    expect(open).toEqual({
      interactionId: id, interactionClass: 'PegaCA-Work-Interaction-Call', flowName: 'CPMInteraction',
      params: { ContactId: 'CONT-1', AccountNumber: '1234567890', IsExternalAPICall: 'true', ChatId: 'chat-life' },
      createdAt: expect.any(Number), switches: [],
    });
    expect(open.createdAt).toBeGreaterThanOrEqual(before);

    const s1 = await crm(t, 'POST', `/interactions/${id}/switch`, { idempotencyKey: 'life-sw-1' });
    const s2 = await crm(t, 'POST', `/interactions/${id}/switch`, { idempotencyKey: 'life-sw-2' });
    expect([s1.status, s1.body]).toEqual([200, { interactionId: id, switchedAt: expect.any(Number) }]);
    expect(s2.body.switchedAt).toBeGreaterThanOrEqual(s1.body.switchedAt);

    const ended = await crm(t, 'POST', `/interactions/${id}/end`, { idempotencyKey: 'life-end', transcript });
    expect([ended.status, ended.body]).toEqual([200, { interactionId: id, endedAt: expect.any(Number) }]);

    const done = (await crm(t, 'GET', `/interactions/${id}`)).body.interaction;
    expect(done).toMatchObject({ switches: [s1.body.switchedAt, s2.body.switchedAt], endedAt: ended.body.endedAt, transcript });
  });

  it('lists every interaction oldest first, or those of one chat (params.ChatId)', async () => {
    const a = await startInteraction(t, 'list-a', { ChatId: 'chat-list' });
    const b = await startInteraction(t, 'list-b', { ChatId: 'chat-other' });
    const c = await startInteraction(t, 'list-c', { ChatId: 'chat-list' });
    const all = (await crm(t, 'GET', '/interactions')).body.interactions.map((i: any) => i.interactionId);
    expect(all.slice(-3)).toEqual([a, b, c]);
    const ofChat = await crm(t, 'GET', '/interactions?chatId=chat-list');
    expect([ofChat.status, ofChat.body.interactions.map((i: any) => i.interactionId)]).toEqual([200, [a, c]]);
    expect((await crm(t, 'GET', '/interactions?chatId=nobody')).body).toEqual({ interactions: [] });
  });

  it('records offer outcomes and lists them', async () => {
    const r = await crm(t, 'POST', '/outcomes', outcome);
    expect([r.status, r.body]).toEqual([201, { outcomeId: expect.stringMatching(/^O-\d+$/), created: true }]);
    // `at` as an ISO string (what the extension sends) reads back as sent.
    const withReason = { ...outcome, idempotencyKey: 'o-2', outcome: 'suppressed', at: '2024-05-01T10:00:00.000Z', reason: 'an offer was declined less than 30 min ago' };
    expect((await crm(t, 'POST', '/outcomes', withReason)).status).toBe(201);
    const list = (await crm(t, 'GET', '/outcomes')).body.outcomes;
    const { idempotencyKey: _k1, ...first } = outcome;
    const { idempotencyKey: _k2, ...second } = withReason;
    expect(list).toEqual([
      { outcomeId: r.body.outcomeId, ...first, recordedAt: expect.any(Number) },
      { outcomeId: expect.stringMatching(/^O-\d+$/), ...second, recordedAt: expect.any(Number) },
    ]);
  });
});

describe('Sandbox CRM: idempotency', () => {
  it('never creates an interaction twice for one key, whatever the order of its params', async () => {
    const first = await crm(t, 'POST', '/interactions', startBody('idem-start', { ChatId: 'chat-idem' }));
    const before = snapshotCrm(t);
    const { params, ...rest } = startBody('idem-start', { ChatId: 'chat-idem' });
    const reordered = { ...rest, params: Object.fromEntries(Object.entries(params).reverse()) };
    for (const body of [startBody('idem-start', { ChatId: 'chat-idem' }), reordered]) {
      const again = await crm(t, 'POST', '/interactions', body);
      expect([again.status, again.body]).toEqual([200, { interactionId: first.body.interactionId, created: false }]);
    }
    expect(snapshotCrm(t)).toEqual(before);
    expect((await crm(t, 'GET', '/interactions?chatId=chat-idem')).body.interactions).toHaveLength(1);
  });

  it('makes a repeated switch or end a no-op that answers as the first time', async () => {
    const id = await startInteraction(t, 'idem-2');
    const sw = await crm(t, 'POST', `/interactions/${id}/switch`, { idempotencyKey: 'idem-2-sw' });
    const end = await crm(t, 'POST', `/interactions/${id}/end`, { idempotencyKey: 'idem-2-end', transcript });
    const before = snapshotCrm(t);
    // A switch replayed after the end still answers: it was recorded before.
    expect((await crm(t, 'POST', `/interactions/${id}/switch`, { idempotencyKey: 'idem-2-sw' })).body).toEqual(sw.body);
    const endAgain = await crm(t, 'POST', `/interactions/${id}/end`, { idempotencyKey: 'idem-2-end', transcript });
    expect([endAgain.status, endAgain.body]).toEqual([200, end.body]);
    expect(snapshotCrm(t)).toEqual(before);
    expect((await crm(t, 'GET', `/interactions/${id}`)).body.interaction.switches).toHaveLength(1);
  });

  it('records an outcome once per key', async () => {
    const first = await crm(t, 'POST', '/outcomes', { ...outcome, idempotencyKey: 'idem-o' });
    const before = snapshotCrm(t);
    const again = await crm(t, 'POST', '/outcomes', { ...outcome, idempotencyKey: 'idem-o' });
    expect([again.status, again.body]).toEqual([200, { outcomeId: first.body.outcomeId, created: false }]);
    expect(snapshotCrm(t)).toEqual(before);
  });
});

describe('Sandbox CRM token', () => {
  it('takes startSandbox({ crmToken }) and refuses a token that cannot be a Bearer value', async () => {
    const custom = await startTestSandbox({ crmToken: 'custom-token-123' });
    try {
      expect((await crm(custom, 'GET', '/outcomes', undefined, { Authorization: 'Bearer custom-token-123' })).status).toBe(200);
      expect((await crm(custom, 'GET', '/outcomes')).status).toBe(401);
    } finally {
      await custom.stop();
    }
    await expect(startTestSandbox({ crmToken: 'short' })).rejects.toThrow(/CRM token must be 8-200 characters/);
  });
});
