import { describe, expect, it } from 'vitest';
import { endSession, markSent, newSession, queueMessage, type ChatSession } from '../../src/core/chat-session';
import { crmTranscript, endKey, focusMove, startKey, startParams, switchEvent, withLifecycle, withOutcome } from '../../src/core/crm/lifecycle';
import { CrmSettingsSchema, DEFAULT_CRM, type CrmSettings } from '../../src/core/crm/settings';
import { chatCrmStatus } from '../../src/core/crm/status';
import { markAttemptFailed, markDelivered } from '../../src/core/crm/sync-queue';
import { DEFAULT_SETTINGS, settingsOrDefault, SettingsSchema } from '../../src/core/settings';

const userData = { 'Page Name': 'Bill Payment — Beckon Bank', 'Time spent on page': '12 s', URL: 'http://127.0.0.1:7400/demo/bill-payment.html' };
const session = (id = 'L1'): ChatSession => newSession(id, 7, 'Billing', { nickname: 'Visitor', subject: 'Bill?', userData }, 1_000, '127.0.0.1');
const withChatId = (s: ChatSession, chatId = `C-${s.id}`): ChatSession => ({ ...s, chatId, status: 'waiting' });

describe('CRM lifecycle from chat state', () => {
  it('starts an interaction once the contact center has a chat id, with the persona and page context', () => {
    expect(withLifecycle([], session(), DEFAULT_CRM, 5)).toEqual([]); // no chat id yet: nothing to start
    const q = withLifecycle([], withChatId(session()), DEFAULT_CRM, 5);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ id: startKey('L1'), chatKey: 'L1', kind: 'start', connector: 'sandbox', state: 'pending' });
    expect(q[0]!.payload).toEqual({
      interactionClass: 'PegaCA-Work-Interaction-Chat', flowName: 'CPMInteraction',
      params: {
        ContactId: 'CONT-1', AccountNumber: 'ACCT-1001', CustomerName: 'Jordan Avery', ChatId: 'C-L1', Queue: 'Billing',
        PageName: 'Bill Payment — Beckon Bank', TimeOnPage: '12 s', URL: userData.URL, IsExternalAPICall: 'true',
      },
    });
  });

  it('derives nothing twice, and nothing while CRM sync is off', () => {
    const s = withChatId(session());
    const once = withLifecycle([], s, DEFAULT_CRM, 5);
    expect(withLifecycle(once, s, DEFAULT_CRM, 6)).toEqual(once);
    expect(withLifecycle([], s, { ...DEFAULT_CRM, connector: 'none' }, 5)).toEqual([]);
  });

  it('ends a started interaction when the chat is over, with what was said, to the CRM it started in', () => {
    let s = withChatId(session());
    let q = withLifecycle([], s, DEFAULT_CRM, 5);
    s = markSent(queueMessage(s, 'Hello', 'm-1', 'Visitor', 2_000), 'm-1');
    s = queueMessage(s, 'never sent', 'm-2', 'Visitor', 2_500);
    s = endSession(s, 'The chat has ended.', 3_000);
    // The user switched connector meanwhile: the end still follows the start.
    q = withLifecycle(q, s, { ...DEFAULT_CRM, connector: 'webhook' }, 9);
    const end = q.find((e) => e.id === endKey('L1'));
    expect(end).toMatchObject({ kind: 'end', connector: 'sandbox' });
    expect(end!.payload.transcript).toEqual(crmTranscript(s));
    expect(crmTranscript(s).map((l) => l.text)).toEqual(['Hello', 'The chat has ended.']);
  });

  it('never ends what was never started (a chat that got no chat id)', () => {
    expect(withLifecycle([], endSession(session(), 'ended', 2), DEFAULT_CRM, 5)).toEqual([]);
  });

  it('leaves alone a chat that was already over when sync turned on', () => {
    expect(withLifecycle([], endSession(withChatId(session()), 'ended', 2), DEFAULT_CRM, 5)).toEqual([]);
  });

  it('queues offer outcomes once per record, only when asked to and not suppressions', () => {
    const record = { at: 7, ruleId: 'default', ruleName: 'Billing help', url: 'http://127.0.0.1/demo/', outcome: 'declined' as const };
    const q = withOutcome([], record, DEFAULT_CRM, true);
    expect(q).toEqual([expect.objectContaining({ kind: 'outcome', connector: 'sandbox', payload: record, state: 'pending' })]);
    expect(withOutcome(q, { ...record }, DEFAULT_CRM, true)).toEqual(q); // replayed after a worker stop
    expect(withOutcome([], { ...record, outcome: 'suppressed' }, DEFAULT_CRM, true)).toEqual([]);
    expect(withOutcome([], record, { ...DEFAULT_CRM, recordOutcomes: false }, true)).toEqual([]);
    expect(withOutcome([], record, { ...DEFAULT_CRM, connector: 'pega' }, false)).toEqual([]);
    expect(withOutcome([], record, { ...DEFAULT_CRM, connector: 'none' }, true)).toEqual([]);
  });

  it('leaves out page context the metadata template did not provide', () => {
    const s = { ...withChatId(session()), request: { nickname: 'V', subject: 'S', userData: { 'Page Name': 'Home' } } };
    const params = startParams(s, { ...DEFAULT_CRM, persona: { contactId: 'C-9', accountNumber: 'A-9', name: '' } });
    expect(params).toEqual({ ContactId: 'C-9', AccountNumber: 'A-9', ChatId: 'C-L1', Queue: 'Billing', PageName: 'Home', IsExternalAPICall: 'true' });
  });

  it('takes the page context from the offer, whatever the metadata template calls it', () => {
    const s = {
      ...withChatId(session()),
      request: { nickname: 'V', subject: 'S', userData: { Seite: 'Rechnung' } },
      page: { pageName: 'Bills', url: 'https://bank.example/bills?id=[removed]', timeOnPage: '40 s' },
    };
    expect(startParams(s, DEFAULT_CRM)).toMatchObject({ PageName: 'Bills', URL: 'https://bank.example/bills?id=[removed]', TimeOnPage: '40 s' });
  });
});

describe('CRM focus and switches', () => {
  const started = ['A', 'B'].reduce((q, id) => withLifecycle(q, withChatId(session(id)), DEFAULT_CRM, 1), [] as ReturnType<typeof withLifecycle>);

  it('switches when focus moves to another open interaction, not when it stays or lands on no chat', () => {
    expect(focusMove(started, 'A', 'B')).toEqual({ focus: 'B', switchTo: 'B' });
    expect(focusMove(started, 'B', 'B')).toEqual({ focus: 'B' });
    expect(focusMove(started, 'B', undefined)).toEqual({ focus: 'B' });
    expect(focusMove(started, 'B', 'Z')).toEqual({ focus: 'Z' }); // a chat with no interaction
    const ended = withLifecycle(started, endSession(withChatId(session('A')), 'x', 2), DEFAULT_CRM, 2);
    expect(focusMove(ended, 'B', 'A')).toEqual({ focus: 'A' }); // over: nothing to switch to
  });

  it('queues each switch as its own event behind the chat start, to the same connector', () => {
    const q = switchEvent(switchEvent(started, 'A', 'x1', 5), 'A', 'x2', 6);
    expect(q.filter((e) => e.kind === 'switch').map((e) => [e.id, e.connector])).toEqual([['switch:A:x1', 'sandbox'], ['switch:A:x2', 'sandbox']]);
    expect(switchEvent(started, 'nope', 'x3', 5)).toEqual(started);
  });
});

describe('CRM status of a chat', () => {
  it('is off, pending, synced or failed, with the interaction id once known', () => {
    const s = withChatId(session());
    expect(chatCrmStatus([], 'L1')).toEqual({ connector: 'none', state: 'off' });
    let q = withLifecycle([], s, DEFAULT_CRM, 1);
    expect(chatCrmStatus(q, 'L1')).toEqual({ connector: 'sandbox', state: 'pending' });
    q = markAttemptFailed(q, startKey('L1'), 'CRM start: could not connect', true, 2, () => 0);
    expect(chatCrmStatus(q, 'L1')).toMatchObject({ state: 'pending', error: 'CRM start: could not connect' });
    q = markDelivered(q, startKey('L1'), 'I-4');
    expect(chatCrmStatus(q, 'L1')).toEqual({ connector: 'sandbox', state: 'synced', interactionId: 'I-4' });
    q = withLifecycle(q, endSession(s, 'over', 3), DEFAULT_CRM, 3);
    q = markAttemptFailed(q, endKey('L1'), 'HTTP 404', false, 4, () => 0);
    expect(chatCrmStatus(q, 'L1')).toEqual({ connector: 'sandbox', state: 'failed', interactionId: 'I-4', error: 'HTTP 404' });
  });
});

describe('CRM settings', () => {
  const issues = (crm: CrmSettings) => {
    const r = CrmSettingsSchema.safeParse(crm);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('migrates version 2 settings to the current version with the Sandbox CRM, keeping everything else', () => {
    const { crm: _crm, ...v2 } = { ...DEFAULT_SETTINGS, version: 2, privacyGuard: false };
    const s = settingsOrDefault(v2);
    expect(s).toMatchObject({ version: 4, privacyGuard: false, crm: DEFAULT_CRM });
    expect(SettingsSchema.parse(s)).toEqual(s);
  });

  it('requires only the chosen connector to be complete', () => {
    expect(issues(DEFAULT_CRM)).toEqual([]);
    expect(issues({ ...DEFAULT_CRM, connector: 'webhook' })).toEqual(['webhook.url: Webhook URL is required']);
    expect(issues({ ...DEFAULT_CRM, connector: 'pega' })).toEqual(['pega.portal: Portal is required, e.g. https://pega.example.com/prweb/*']);
    expect(issues({ ...DEFAULT_CRM, connector: 'none', sandbox: { url: '', token: DEFAULT_CRM.sandbox.token } })).toEqual([]);
  });

  it('requires a Pega portal that names one host: the relay must never run on every site', () => {
    const pega = (portal: string) => issues({ ...DEFAULT_CRM, connector: 'pega', pega: { portal, timeoutSeconds: 15 } });
    const wildcard = 'pega.portal: Portal must name one host, without * (e.g. https://pega.example.com/prweb/*): Beckon posts the demo persona into the tab it matches';
    expect(pega('https://*/*')).toEqual([wildcard]);
    expect(pega('*://*/prweb/*')).toEqual([wildcard]);
    expect(pega('https://*.example.com/prweb/*')).toEqual([wildcard]);
    expect(issues({ ...DEFAULT_CRM, connector: 'none', pega: { portal: 'https://*/*', timeoutSeconds: 15 } })).toEqual([wildcard]);
    expect(pega('https://pega.example.com/prweb/*')).toEqual([]);
    expect(pega('*://pega.example.com/*')).toEqual([]);
    expect(pega('http://127.0.0.1/pega-desktop.html*')).toEqual([]);
  });

  it('reads stored settings with a wildcard portal without losing them: CRM sync to it is switched off', () => {
    const stored = {
      ...DEFAULT_SETTINGS, privacyGuard: false,
      crm: { ...DEFAULT_CRM, connector: 'pega', pega: { portal: 'https://*/*', timeoutSeconds: 20 } },
    };
    const s = settingsOrDefault(stored);
    expect(s.privacyGuard).toBe(false); // not the defaults: everything else is kept
    expect(s.crm).toEqual({ ...DEFAULT_CRM, connector: 'none', pega: { portal: '', timeoutSeconds: 20 } });
    // Another connector keeps running; only the portal goes.
    const webhook = { ...stored.crm, connector: 'webhook', webhook: { url: 'https://crm.example.com/hook', headers: [], secret: '' } };
    expect(settingsOrDefault({ ...stored, crm: webhook }).crm).toMatchObject({ connector: 'webhook', pega: { portal: '' } });
    // A concrete portal is left alone.
    const fine = { ...stored, crm: { ...stored.crm, pega: { portal: 'https://pega.example.com/*', timeoutSeconds: 20 } } };
    expect(settingsOrDefault(fine).crm).toMatchObject({ connector: 'pega', pega: { portal: 'https://pega.example.com/*' } });
  });

  it('refuses bad values with a message naming the field', () => {
    const bad: CrmSettings = {
      ...DEFAULT_CRM,
      connector: 'webhook',
      interactionClass: ' ',
      persona: { contactId: '', accountNumber: 'A', name: '' },
      sandbox: { url: 'ftp://x', token: 'short' },
      pega: { portal: 'pega.example.com', timeoutSeconds: 0 },
      webhook: { url: 'https://crm.example.com/hook', secret: '', headers: [{ name: 'Bad Name', value: 'x' }, { name: 'X-Beckon-Signature', value: 'x' }, { name: 'X-Ok', value: 'a\r\nInjected: 1' }] },
    };
    expect(issues(bad)).toEqual([
      'interactionClass: Interaction class is required',
      'persona.contactId: ContactId is required',
      'sandbox.url: Sandbox CRM URL must be an absolute http(s) URL, e.g. https://crm.example.com/hooks/beckon',
      "sandbox.token: Token must be 8-200 characters of letters, digits and '-._~+/'",
      'pega.portal: Portal must be a match pattern like https://pega.example.com/prweb/*',
      'pega.timeoutSeconds: Timeout is at least 1 s',
      "webhook.headers.0.name: Header name may use letters, digits and !#$%&'*+-.^_`|~ only, e.g. X-Api-Key",
      'webhook.headers.1.name: Beckon sets this header itself',
      'webhook.headers.2.value: Header value cannot contain a line break',
    ]);
  });
});
