/**
 * The CRM part of the options page, without a DOM: the draft round trip, validation by
 * field (for a save and for Test connection alone), imports of version 2 and 3 files, what
 * an import changes, the hosts to ask for, and how the sync log describes events.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRM, type CrmSettings } from '../../src/core/crm/settings';
import type { CrmEvent } from '../../src/core/crm/sync-queue';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { describeChanges } from '../../src/ui/options/changes';
import { canRetry, chatColumn, connectorLabel, interactionOf, newestEventsFirst, shortId, stateDetail } from '../../src/ui/options/crm-log';
import { toDraft, withBackend } from '../../src/ui/options/draft';
import { fieldLabel } from '../../src/ui/options/field-labels';
import { checkCrm, fromDraft } from '../../src/ui/options/from-draft';
import { parseImport } from '../../src/ui/options/import-settings';
import { crmNeed, hostNeeds, patternOrigin, permissionPlan } from '../../src/ui/options/permissions';
import { draft, errorsOf, SITES } from './options-fixtures';

const WEBHOOK: CrmSettings = {
  ...DEFAULT_CRM,
  connector: 'webhook',
  webhook: { url: 'https://hooks.example.com/beckon', headers: [{ name: 'X-Api-Key', value: 'k1' }], secret: 's3cret' },
  pega: { portal: 'https://pega.example.com/prweb/*', timeoutSeconds: 30 },
};
const withCrm = (crm: CrmSettings): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), crm: structuredClone(crm) });

describe('CRM draft ↔ settings', () => {
  it('round-trips every connector configuration as version 4 settings', () => {
    const s = withCrm(WEBHOOK);
    expect(fromDraft(toDraft(s), SITES)).toEqual({ ok: true, settings: s });
    expect(toDraft(s).crm.pega.timeoutSeconds).toBe('30');
  });

  it('saves what the form holds, not the defaults a version 2 candidate would migrate to', () => {
    const r = fromDraft(draft((x) => { x.crm.connector = 'none'; x.crm.persona.name = 'Sam'; x.crm.pega.timeoutSeconds = ' 45 '; }), SITES);
    expect(r.ok && r.settings.version).toBe(4);
    expect(r.ok && r.settings.crm).toEqual({ ...DEFAULT_CRM, connector: 'none', persona: { ...DEFAULT_CRM.persona, name: 'Sam' }, pega: { portal: '', timeoutSeconds: 45 } });
  });

  it('keeps the other connectors when one is chosen, and skips blank header rows', () => {
    const d = draft((x) => {
      x.crm.connector = 'pega';
      x.crm.webhook.headers = [{ name: '', value: '' }, { name: ' X-Tenant ', value: 'acme' }, { name: '', value: '' }];
    }, withCrm(WEBHOOK));
    const r = fromDraft(d, SITES);
    expect(r.ok && r.settings.crm).toEqual({ ...WEBHOOK, connector: 'pega', webhook: { ...WEBHOOK.webhook, headers: [{ name: 'X-Tenant', value: 'acme' }] } });
  });
});

describe('CRM validation errors name the field', () => {
  it('requires the chosen connector’s address, and only that one', () => {
    expect(errorsOf(draft((x) => { x.crm.connector = 'webhook'; }))).toEqual({ 'crm.webhook.url': 'Webhook URL is required' });
    expect(errorsOf(draft((x) => { x.crm.connector = 'pega'; }))).toEqual({ 'crm.pega.portal': 'Portal is required, e.g. https://pega.example.com/prweb/*' });
    expect(errorsOf(draft((x) => { x.crm.sandbox.url = ' '; }))).toEqual({ 'crm.sandbox.url': 'Sandbox CRM URL is required' });
    expect(fromDraft(draft((x) => { x.crm.connector = 'none'; x.crm.sandbox.url = ''; }), SITES).ok).toBe(true);
  });

  it('reports headers at their rows (blank rows counted), the token, the portal and the timeout, all at once', () => {
    const e = errorsOf(draft((x) => {
      x.crm.connector = 'webhook';
      x.crm.webhook.headers = [
        { name: 'Bad Name', value: '1' }, { name: '', value: '' }, { name: 'content-type', value: 'text/plain' },
        { name: 'X-Key', value: 'a' }, { name: 'x-key', value: 'b' }, { name: '', value: 'orphan' }, { name: 'X-Line', value: 'a\nb' },
      ];
      x.crm.sandbox.token = 'short';
      x.crm.pega.portal = 'pega.example.com';
      x.crm.pega.timeoutSeconds = '';
      x.crm.persona.contactId = '';
    }));
    expect(e).toEqual({
      'crm.sandbox.token': "Token must be 8-200 characters of letters, digits and '-._~+/'",
      'crm.pega.portal': 'Portal must be a match pattern like https://pega.example.com/prweb/*',
      'crm.pega.timeoutSeconds': 'Must be a number',
      // Refused alongside type errors: the schema alone would say so only once they are fixed.
      'crm.webhook.url': 'Webhook URL is required',
      'crm.webhook.headers.0.name': "Header name may use letters, digits and !#$%&'*+-.^_`|~ only, e.g. X-Api-Key",
      'crm.webhook.headers.2.name': 'Beckon sets this header itself',
      'crm.webhook.headers.4.name': '"x-key" is already set above',
      'crm.webhook.headers.5.name': 'Header name is required',
      'crm.webhook.headers.6.value': 'Header value cannot contain a line break',
      'crm.persona.contactId': 'ContactId is required',
    });
  });

  it.each([['0', 'Timeout is at least 1 s'], ['121', 'Timeout is at most 120 s'], ['2.5', 'Timeout must be whole seconds'], ['1e2', 'Must be a number']])(
    'timeout %j → %s', (timeoutSeconds, message) => {
      expect(errorsOf(draft((x) => { x.crm.pega.timeoutSeconds = timeoutSeconds; }))).toEqual({ 'crm.pega.timeoutSeconds': message });
    });

  it('labels CRM fields as the section shows them, in page order', () => {
    const d = draft((x) => {
      x.crm.connector = 'webhook';
      x.crm.flowName = '';
      x.crm.persona.accountNumber = '';
      x.crm.webhook.headers = [{ name: 'A', value: '' }, { name: 'Host', value: '' }];
      x.backend.nickname = '';
    });
    const r = fromDraft(d, SITES);
    if (r.ok) throw new Error('expected errors');
    expect(r.errors.map((e) => fieldLabel(e.field, d))).toEqual([
      'Chat backend › Visitor nickname',
      'CRM sync › Webhook URL',
      'CRM sync › Webhook header 2 › Name',
      'CRM sync › Flow name',
      'CRM sync › Demo persona › AccountNumber',
    ]);
  });

  it('checks the CRM part alone for a test, whatever the rest of the form holds', () => {
    const d = draft((x) => { x.rules[0]!.queue = ''; x.crm.webhook.url = 'https://hooks.example.com/x'; }, withCrm(WEBHOOK));
    expect(fromDraft(d, SITES).ok).toBe(false);
    expect(checkCrm(d)).toEqual({ ok: true, crm: { ...WEBHOOK, webhook: { ...WEBHOOK.webhook, url: 'https://hooks.example.com/x' } } });
    const bad = draft((x) => { x.crm.webhook.url = ''; x.crm.webhook.headers = [{ name: '', value: '' }, { name: 'Host', value: 'x' }]; }, withCrm(WEBHOOK));
    expect(checkCrm(bad)).toEqual({ ok: false, errors: [
      { field: 'crm.webhook.url', message: 'Webhook URL is required' },
      { field: 'crm.webhook.headers.1.name', message: 'Beckon sets this header itself' },
    ] });
  });
});

describe('importing CRM settings', () => {
  const { crm: _crm, ...v2 } = { ...structuredClone(DEFAULT_SETTINGS), version: 2, privacyGuard: false };

  it('upgrades a version 2 export, with the CRM defaults', () => {
    expect(parseImport(JSON.stringify(v2))).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, privacyGuard: false }, fromVersion: 2 });
    expect(parseImport(JSON.stringify({ ...v2, crm: WEBHOOK })).ok).toBe(false);
  });

  it('lists every bad CRM value of a version 3 file by path, and returns nothing to save', () => {
    const file = withCrm({ ...WEBHOOK, webhook: { url: '', headers: [{ name: 'Host', value: 'x' }], secret: '' }, pega: { portal: '', timeoutSeconds: 0 } }) as any;
    file.crm.connector = 'webhook';
    file.crm.sandbox.token = 7;
    file.crm.colour = 'red';
    const r = parseImport(JSON.stringify(file));
    expect(r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`).sort()).toEqual([
      'crm.colour: Unknown field',
      'crm.pega.timeoutSeconds: Timeout is at least 1 s',
      'crm.sandbox.token: Expected string, received number',
      'crm.webhook.headers.0.name: Beckon sets this header itself',
      'crm.webhook.url: Webhook URL is required',
    ]);
  });

  it('previews CRM changes without printing the secret or header values', () => {
    const next = withCrm({ ...WEBHOOK, webhook: { ...WEBHOOK.webhook, headers: [{ name: 'X-Api-Key', value: 'k2' }] } });
    expect(describeChanges(DEFAULT_SETTINGS, next)).toEqual([
      'CRM sync › Send interactions to: “Beckon Sandbox CRM” → “Webhook”',
      'CRM sync › Pega desktop portal (match pattern): “” → “https://pega.example.com/prweb/*”',
      'CRM sync › Callback timeout (seconds): 15 → 30',
      'CRM sync › Webhook URL: “” → “https://hooks.example.com/beckon”',
      'CRM sync › Webhook headers: (none) → X-Api-Key',
      'CRM sync › Signing secret changed',
    ]);
    expect(describeChanges(withCrm(WEBHOOK), next)).toEqual(['CRM sync › Webhook headers: values changed']);
  });
});

describe('CRM host permissions', () => {
  it('asks for the chosen connector’s host only', () => {
    expect(patternOrigin('https://pega.example.com/prweb/*')).toBe('https://pega.example.com/*');
    expect(patternOrigin('*://*.example.com/*')).toBe('*://*.example.com/*');
    expect(patternOrigin('pega')).toBeNull();
    expect(crmNeed(WEBHOOK)).toEqual({ field: 'crm.webhook.url', origin: 'https://hooks.example.com/*', purpose: 'to send events to this webhook' });
    expect(crmNeed({ ...WEBHOOK, connector: 'pega' })?.origin).toBe('https://pega.example.com/*');
    expect(crmNeed({ ...WEBHOOK, connector: 'none' })).toBeNull();
    expect(hostNeeds(withCrm(WEBHOOK)).map((n) => [n.field, n.origin])).toEqual([['backend.url', 'http://127.0.0.1/*'], ['crm.webhook.url', 'https://hooks.example.com/*']]);
  });

  it('never gives back a site the CRM still needs', () => {
    const current = { ...withCrm(WEBHOOK), enabledSites: ['https://hooks.example.com/*', 'http://127.0.0.1/*'] };
    const next = { ...withCrm(WEBHOOK), enabledSites: ['http://127.0.0.1/*'] };
    expect(permissionPlan(current, next)).toEqual({ request: ['http://127.0.0.1/*', 'https://hooks.example.com/*'], remove: [] });
  });
});

describe('the Sandbox CRM follows the chat backend', () => {
  it('moves with the backend URL it shares, and stays where it was set otherwise', () => {
    const moved = withBackend(draft(), { ...toDraft(DEFAULT_SETTINGS).backend, url: 'http://127.0.0.1:7500' });
    expect([moved.backend.url, moved.crm.sandbox.url]).toEqual(['http://127.0.0.1:7500', 'http://127.0.0.1:7500']);
    const elsewhere = draft((d) => (d.crm.sandbox.url = 'https://crm.example.com'));
    expect(withBackend(elsewhere, { ...elsewhere.backend, url: 'http://127.0.0.1:7500' }).crm.sandbox.url).toBe('https://crm.example.com');
  });
});

describe('the CRM sync log', () => {
  const ev = (over: Partial<CrmEvent>): CrmEvent => ({
    id: 'start:chat-1234567890', chatKey: 'chat-1234567890', kind: 'start', connector: 'sandbox', payload: {},
    state: 'pending', attempts: 0, createdAt: 1_000, notBefore: 1_000, ...over,
  });
  const start = ev({ state: 'sent', interactionId: 'I-7' });
  const end = ev({ id: 'end:chat-1234567890', kind: 'end', createdAt: 3_000, notBefore: 13_500, attempts: 2, lastError: 'HTTP 503' });
  const next = ev({ id: 'switch:x', chatKey: 'chat-1234567890', kind: 'switch', createdAt: 4_000, notBefore: 4_000 });
  const failed = ev({ id: 'start:other', chatKey: 'other', state: 'failed', attempts: 1, lastError: 'HTTP 401: bad token', createdAt: 2_000 });
  const queue = [start, failed, end, next];

  it('lists newest first and describes where each event is', () => {
    expect(newestEventsFirst(queue).map((e) => e.id)).toEqual(['switch:x', 'end:chat-1234567890', 'start:other', 'start:chat-1234567890']);
    expect(stateDetail(queue, start, 10_000)).toBe('');
    expect(stateDetail(queue, end, 10_000)).toBe('2 attempts failed; next try in 4 s');
    expect(stateDetail(queue, end, 20_000)).toBe('2 attempts failed; trying again now');
    expect(stateDetail(queue, next, 10_000)).toBe("After this chat's earlier events");
    expect(stateDetail(queue, failed, 10_000)).toBe('After 1 attempt; held until you retry');
  });

  it('offers Retry for failed events and waiting ones that hit an error, and finds the interaction id', () => {
    expect(queue.map(canRetry)).toEqual([false, true, true, false]);
    expect(queue.map((e) => interactionOf(queue, e))).toEqual(['I-7', undefined, 'I-7', 'I-7']);
    expect(shortId('chat-1234567890')).toBe('chat-123');
    expect([connectorLabel('pega'), connectorLabel('gone')]).toEqual(['Pega Customer Service desktop', 'gone']);
  });

  it('names a chat by the contact center chat id, and an outcome by what happened to which rule', () => {
    const withParams = [ev({ payload: { params: { ChatId: 'GWS-42' } } }), ev({ id: 'end:chat-1234567890', kind: 'end' })];
    expect(withParams.map((e) => chatColumn(withParams, e))).toEqual(['GWS-42', 'GWS-42']);
    expect(chatColumn(queue, failed)).toBe('other');
    const outcome = ev({ id: 'outcome:1', chatKey: 'outcome:1', kind: 'outcome', payload: { outcome: 'declined', ruleName: 'Billing help' } });
    expect(chatColumn([outcome], outcome)).toBe('declined (Billing help)');
  });
});
