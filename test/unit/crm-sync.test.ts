/**
 * The background's CRM sync against a real Sandbox CRM (its fault injector takes the CRM
 * down), with extension storage from WXT's fake browser and a fake clock for the backoff.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrmSync } from '../../src/background/crm-sync';
import { endSession, newSession, type ChatSession } from '../../src/core/chat-session';
import { DEFAULT_CRM, type CrmSettings } from '../../src/core/crm/settings';
import { createCrm } from '../../src/crm/registry';
import { readCrmQueue } from '../../src/protocol/storage';
import { waitFor } from '../e2e/support/wait';
import { startTestSandbox, type TestSandbox } from '../sandbox/helpers';

const chat = (id: string): ChatSession => ({
  ...newSession(id, 3, 'Billing', { nickname: 'Visitor', subject: 'Bill?', userData: { 'Page Name': 'Bills' } }, 1_000, '127.0.0.1'),
  chatId: `chat-${id}-${Math.random().toString(36).slice(2)}`,
  status: 'connected',
});

describe('CrmSync with a real Sandbox CRM', () => {
  let t: TestSandbox;
  let clock: number;
  let crm: CrmSettings;
  const syncs: CrmSync[] = [];
  const wakes: (number | undefined)[] = [];

  const fault = (mode: 'error500' | 'none') => t.sb.url && fetch(`${t.sb.url}/api/sandbox/faults`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Origin: t.sb.url }, body: JSON.stringify({ mode, paths: 'crm' }),
  }).then((r) => expect(r.status).toBe(200));
  const interactions = async (chatId: string) =>
    ((await (await fetch(`${t.sb.url}/api/crm/interactions?chatId=${chatId}`, { headers: { Authorization: `Bearer ${DEFAULT_CRM.sandbox.token}` } })).json()) as any).interactions as any[];
  /** A worker's CRM sync; a second one over the same storage is the worker after a restart. */
  const newSync = () => {
    const sync = new CrmSync({
      crmSettings: async () => crm,
      connector: (kind, c) => createCrm(kind, c, { fetch, timeoutMs: 2_000, pegaDesktop: () => async () => undefined }),
      recordsOutcomes: (kind) => kind !== 'pega',
      now: () => clock, random: () => 0, newId: () => crypto.randomUUID(),
      wakeAt: (at) => wakes.push(at), onChange: () => undefined,
    });
    syncs.push(sync);
    return sync;
  };
  /** Lets the backoff pass on the fake clock and delivers what is due. */
  const later = (sync: CrmSync) => {
    clock += 10 * 60_000;
    sync.pump();
  };

  beforeEach(async () => {
    fakeBrowser.reset();
    t = await startTestSandbox({ faults: true });
    clock = 1_000_000;
    crm = { ...DEFAULT_CRM, sandbox: { url: t.sb.url, token: DEFAULT_CRM.sandbox.token } };
  });
  afterEach(async () => {
    syncs.splice(0).forEach((s) => s.stop());
    await t.stop();
  });

  it('a CRM that is down when a chat starts: the interaction is created once, when it is back', async () => {
    await fault('error500');
    const sync = newSync();
    await sync.load();
    const s = chat('A');
    await sync.reconcile([s]);
    await waitFor(() => sync.statusOf('A').error, { what: 'the failed start' });
    expect(sync.statusOf('A')).toMatchObject({ state: 'pending', error: expect.stringContaining('HTTP 500') });
    expect(wakes.at(-1)).toBe(clock + 1_000); // backoff, armed as an alarm too
    await sync.reconcile([s]); // another change of the chat: still one start
    await fault('none');
    later(sync);
    await waitFor(() => sync.statusOf('A').state === 'synced', { what: 'the start delivered' });
    const [created, ...more] = await interactions(s.chatId!);
    expect(more).toEqual([]);
    expect(created).toMatchObject({ interactionId: sync.statusOf('A').interactionId, params: { ChatId: s.chatId, ContactId: 'CONT-1', IsExternalAPICall: 'true' } });
  });

  it('events queued when the worker stops are delivered after the restart, in order', async () => {
    await fault('error500');
    const first = newSync();
    await first.load();
    const a = chat('A');
    await first.reconcile([a, { ...chat('B'), createdAt: a.createdAt + 1 }]); // B started last: focus is on B
    await first.focus('A'); // → switch to A
    await first.reconcile([endSession(a, 'The chat has ended.', 2_000)]);
    await waitFor(() => first.statusOf('A').error, { what: 'a failed attempt' });
    first.stop();
    expect((await readCrmQueue()).filter((e) => e.chatKey === 'A').map((e) => [e.kind, e.state])).toEqual([['start', 'pending'], ['switch', 'pending'], ['end', 'pending']]);

    await fault('none');
    const restarted = newSync();
    await restarted.load();
    later(restarted);
    await waitFor(() => restarted.statusOf('A').state === 'synced' && restarted.statusOf('B').state === 'synced', { what: 'everything delivered' });
    const [i] = await interactions(a.chatId!);
    expect(i.switches).toHaveLength(1);
    expect(i.transcript).toEqual([{ at: 2_000, from: 'system', nickname: '', text: 'The chat has ended.' }]);
    expect(i.endedAt).toBeGreaterThanOrEqual(i.switches[0]);
  });

  it('holds a refused event until Retry, and sends offer outcomes only when asked to', async () => {
    crm = { ...crm, sandbox: { ...crm.sandbox, token: 'the-wrong-token' } };
    const sync = newSync();
    await sync.load();
    await sync.reconcile([chat('A')]);
    await waitFor(() => sync.statusOf('A').state === 'failed', { what: 'the refused start' });
    expect(sync.statusOf('A').error).toMatch(/HTTP 401/);
    crm = { ...crm, sandbox: { ...crm.sandbox, token: DEFAULT_CRM.sandbox.token } };
    expect(await sync.retry('nope')).toEqual({ ok: false, message: 'That event is no longer in the sync log.' });
    expect(await sync.retry('start:A')).toMatchObject({ ok: true });
    await waitFor(() => sync.statusOf('A').state === 'synced', { what: 'the retried start' });
    expect(await sync.retry('start:A')).toEqual({ ok: false, message: 'That event was already delivered.' });

    const record = { at: 5, ruleId: 'default', ruleName: 'Billing help', url: 'http://127.0.0.1/demo/', outcome: 'declined' as const };
    await sync.outcomes([record]);
    crm = { ...crm, recordOutcomes: false };
    await sync.outcomes([{ ...record, outcome: 'timed-out' }]);
    crm = { ...crm, recordOutcomes: true, connector: 'pega' };
    await sync.outcomes([{ ...record, outcome: 'offered' }]);
    await waitFor(async () => (await readCrmQueue()).every((e) => e.state === 'sent'), { what: 'the outcome delivered' });
    const outcomes = ((await (await fetch(`${t.sb.url}/api/crm/outcomes`, { headers: { Authorization: `Bearer ${DEFAULT_CRM.sandbox.token}` } })).json()) as any).outcomes;
    expect(outcomes.map((o: any) => o.outcome)).toEqual(['declined']);
  });

  it('sends nothing while CRM sync is off, and everything once it is on again', async () => {
    await fault('error500');
    const sync = newSync();
    await sync.load();
    const a = chat('A');
    await sync.reconcile([a]);
    await waitFor(() => sync.statusOf('A').error, { what: 'a failed attempt' });
    await fault('none');
    crm = { ...crm, connector: 'none' };
    later(sync);
    await waitFor(() => sync.statusOf('A').error?.startsWith('CRM sync is off'), { what: 'the start held' });
    expect(await interactions(a.chatId!)).toEqual([]);
    crm = { ...crm, connector: 'sandbox' };
    await sync.nudge();
    await waitFor(() => sync.statusOf('A').state === 'synced', { what: 'the start delivered' });
  });

  it('keeps an alarm armed while a call is out, so a worker stopped mid-call tries again', async () => {
    await fault('error500');
    const sync = newSync();
    await sync.load();
    await sync.reconcile([chat('A')]);
    // Right after the start went out, before it answered: a backstop alarm a minute ahead.
    expect(wakes).toContain(clock + 60_000);
    await waitFor(() => sync.statusOf('A').error, { what: 'the failed attempt' });
    expect(wakes.at(-1)).toBe(clock + 1_000);
  });

  it('shows a live chat still waiting for its chat id as pending', async () => {
    const sync = newSync();
    await sync.load();
    await sync.nudge(); // reads the settings
    const starting = { ...chat('A'), chatId: null, status: 'requesting' as const };
    expect(sync.statusOf('A', starting)).toEqual({ connector: 'sandbox', state: 'pending' });
    expect(sync.statusOf('A', { ...starting, status: 'ended' })).toEqual({ connector: 'none', state: 'off' });
  });

  it('discards a refused start with the rest of its chat, and does not start that chat again', async () => {
    crm = { ...crm, sandbox: { ...crm.sandbox, token: 'the-wrong-token' } };
    const sync = newSync();
    await sync.load();
    const a = chat('A');
    await sync.reconcile([a]);
    await waitFor(() => sync.statusOf('A').state === 'failed', { what: 'the refused start' });
    await sync.reconcile([endSession(a, 'over', 2_000)]);
    expect((await readCrmQueue()).map((e) => e.id)).toEqual(['start:A', 'end:A']);
    expect(await sync.discard('start:A')).toEqual({ ok: true, message: 'Discarded, with the rest of that chat’s undelivered events.' });
    expect((await readCrmQueue()).map((e) => e.state)).toEqual(['discarded', 'discarded']);
    expect(await sync.discard('start:A')).toEqual({ ok: false, message: 'That event was already discarded.' });
    expect(sync.statusOf('A')).toEqual({ connector: 'sandbox', state: 'off' });
    await sync.reconcile([{ ...a, agents: ['Alex'] }]); // a change of the chat does not start it again
    expect(await readCrmQueue()).toHaveLength(2);
  });
});
