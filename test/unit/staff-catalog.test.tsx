// @vitest-environment happy-dom
/**
 * Adding a staff language is only a catalog (issue 13): with a pseudo-locale catalog, made from
 * English by marking every literal run `⟦…⟧` (arguments and plurals kept), the whole options
 * page in many of its states and the popup's staff parts show no text that is not marked, except
 * user data and values from the settings or the logs, and what the allow-list below names with
 * its reason. A word left in English in a component fails it (the checker's own test shows how).
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { atom } from 'nanostores';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { staffEn } from '../../src/core/i18n/catalogs/staff-en';
import type { StaffCatalog, StaffKey } from '../../src/core/i18n/staff';
import { translator } from '../../src/core/i18n/translate';
import { LANGUAGE_NAMES } from '../../src/core/profiles/languages';
import { DEFAULT_PROFILE } from '../../src/core/profiles/profile';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../src/core/settings';
import type { CrmEvent } from '../../src/core/crm/sync-queue';
import type { DebugView, TabView } from '../../src/protocol/ports';
import { crmQueueItem, outcomesItem, settingsItem, type OutcomeRecord } from '../../src/protocol/storage';
import type { UiClient } from '../../src/ui/client';
import { CrmStatusLine } from '../../src/ui/components/CrmStatusLine';
import { PresenterControls } from '../../src/ui/components/PresenterControls';
import { ReportDownload } from '../../src/ui/components/ReportDownload';
import { RuleDebugger } from '../../src/ui/components/RuleDebugger';
import { StaffLanguage } from '../../src/ui/i18n/staff';
import { OptionsApp } from '../../src/ui/options/OptionsApp';
import { PopupApp } from '../../src/ui/PopupApp';

// ---- The pseudo locale.

/** Index of the `}` closing the `{` at `open`. */
function closing(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) return i;
  }
  return src.length - 1;
}

/** `template` with each literal run marked `⟦…⟧`, its arguments as they are and its plural branches marked inside. */
export function pseudo(template: string): string {
  let out = '';
  let i = 0;
  const literal = (s: string) => (s === '' ? '' : `⟦${s}⟧`);
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', i)) {
    const end = closing(template, open);
    const body = template.slice(open + 1, end);
    const plural = /^(\s*\w+\s*,\s*plural\s*,)([\s\S]*)$/.exec(body);
    let arg = `{${body}}`;
    if (plural) {
      let branches = '';
      const rest = plural[2]!;
      for (let b = rest.indexOf('{'), from = 0; b >= 0; b = rest.indexOf('{', from)) {
        const close = closing(rest, b);
        branches += `${rest.slice(from, b)}{${pseudo(rest.slice(b + 1, close))}}`;
        from = close + 1;
      }
      arg = `{${plural[1]}${branches}}`;
    }
    out += literal(template.slice(i, open)) + arg;
    i = end + 1;
  }
  return out + literal(template.slice(i));
}

const PSEUDO = Object.fromEntries(Object.entries(staffEn).map(([k, v]) => [k, pseudo(v)])) as StaffCatalog;
const pseudoT = translator<StaffKey>(PSEUDO, 'en');

// ---- What may show unmarked.

/**
 * Shown as they are, with the reason:
 * - `B`: the options page's logo letter (aria-hidden), a picture rather than a word.
 * - Language names: each language by its own name (core's LANGUAGE_NAMES), the same in any UI language.
 */
const ALLOWED = new Set(['B', ...Object.values(LANGUAGE_NAMES)]);
/** URLs and match patterns: addresses, the same in every language. */
const ADDRESS = /\b(?:https?|\*):\/\/\S*/g;

/** Values the page shows as the user wrote them (names, queues, URLs, log entries), from the fixtures below. */
let data: string[] = [];
/** Fields whose values are codes, not text a user wrote (a hard-coded "default" must not pass as data). */
const CODES = new Set(['kind', 'match', 'ui', 'unknownAvailability', 'signal', 'test', 'corner', 'language', 'connector', 'ruleId', 'profileId', 'state', 'outcome']);
/** Records whose keys are data too: metadata names, sites' patterns, the debugger's signal names. */
const KEYED = new Set(['metadata', 'siteOptions', 'signals']);
function collect(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return CODES.has(key) || value.trim().length < 2 ? [] : [value.trim()];
  if (Array.isArray(value)) return value.flatMap((v) => collect(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [...(KEYED.has(key) ? collect(k) : []), ...collect(v, k)]);
  return [];
}

/** What is left of `text` once marked runs, data, addresses, digits and punctuation are taken out: '' when fine. */
export function unmarked(text: string, values: readonly string[] = data): string {
  if (ALLOWED.has(text.trim())) return '';
  let rest = text.replace(/⟦[^⟧]*⟧/g, ' ').replace(ADDRESS, ' ');
  for (const v of [...values].sort((a, b) => b.length - a.length)) rest = rest.replaceAll(v, ' ');
  return /^[\s\p{N}\p{P}\p{S}]*$/u.test(rest) ? '' : rest.trim();
}

/** Every text and accessible-name attribute under `root` that shows unmarked words; code is technical and exempt. */
/** Where a staff page shows the visitor's own words. */
const VISITOR_PART = '.profile-preview-stage';

function problemsIn(root: Element): string[] {
  const problems: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    // Header names, API names, field paths and placeholders (`X-Api-Key`, `pega.CS`, `{pageName}`).
    if (n.parentElement?.closest('code')) continue;
    // The profile preview is the visitor's widget: the visitor catalogs speak there (widget-language.test.tsx).
    if (n.parentElement?.closest(VISITOR_PART)) continue;
    const left = unmarked(n.textContent ?? '');
    if (left) problems.push(`"${left}" in <${n.parentElement?.tagName.toLowerCase()}>: ${n.textContent}`);
  }
  for (const el of root.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
    if (el.closest(VISITOR_PART)) continue;
    for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
      const left = el.hasAttribute(attr) ? unmarked(el.getAttribute(attr)!) : '';
      if (left) problems.push(`"${left}" in ${attr}: ${el.getAttribute(attr)}`);
    }
  }
  return problems;
}

/** Checks `root` and that it really shows catalog text (a blank page would pass otherwise). */
function expectOnlyCatalogText(root: Element, atLeast = 10) {
  expect(problemsIn(root)).toEqual([]);
  expect(root.textContent!.split('⟦').length - 1).toBeGreaterThanOrEqual(atLeast);
}

describe('the pseudo locale and its check', () => {
  it('marks literal runs and keeps arguments and plurals', () => {
    expect(pseudo('Rule {n} “{name}”')).toBe('⟦Rule ⟧{n}⟦ “⟧{name}⟦”⟧');
    expect(pseudo('Not saved: {n, plural, one {# problem} other {# problems}}.')).toBe('⟦Not saved: ⟧{n, plural, one {⟦# problem⟧} other {⟦# problems⟧}}⟦.⟧');
    expect(pseudoT('options.zod.minChars', { n: 2 })).toBe('⟦At least ⟧2⟦ characters⟧');
    expect(pseudoT('options.status.refused', { n: 1 })).toBe('⟦Not saved: ⟧⟦1 problem⟧⟦ to fix (listed at the top).⟧');
  });

  it('passes marked text, data, addresses and numbers; fails a word in English', () => {
    expect(unmarked('⟦Rule ⟧1⟦ “⟧Loans desk⟦”⟧ › 12:30', ['Loans desk'])).toBe('');
    expect(unmarked('⟦Enabled ⟧https://shop.example.com/*⟦.⟧', [])).toBe('');
    expect(unmarked('Remove', [])).toBe('Remove');
    expect(unmarked('⟦Condition ⟧1: Exit intent', [])).toBe('1: Exit intent');
    const root = document.createElement('div');
    root.innerHTML = '<p>⟦Hint⟧ <code>X-Api-Key</code></p><button aria-label="Disable site">⟦Remove⟧</button>';
    expect(problemsIn(root)).toEqual(['"Disable site" in aria-label: Disable site']);
  });
});

// ---- The fixtures: settings that show every section's parts, and both logs with entries.

const base = structuredClone(DEFAULT_SETTINGS);
const SHOP = 'https://shop.example.com/*';
const SETTINGS: Settings = SettingsSchema.parse({
  ...base,
  rules: [base.rules[0], {
    id: 'loans', name: 'Loans desk', enabled: false, include: ['**/loans/**'], exclude: ['**/admin/**'], match: 'any', conditions: [
      { kind: 'pageName', pattern: '*Loan*' }, { kind: 'referrer', pattern: 'https://*.google.*/**' }, { kind: 'query', param: 'utm_campaign', equals: 'spring' },
      { kind: 'signal', signal: 'scrollDepth', min: 50 }, { kind: 'exitIntent' }, { kind: 'elementVisible', selector: '#rates' }, { kind: 'elementClicked', selector: '.apply' },
    ], queue: 'Loans', offerText: 'Talk about loans?', metadata: { Topic: 'Loans' }, ui: 'custom', autoDismissSeconds: 30, unknownAvailability: 'deny',
  }],
  businessHours: { ...base.businessHours, enabled: true, holidays: ['2025-12-25'] },
  pageName: { urlMap: [{ pattern: '**/billing/**', name: 'Bill Payment' }], selector: 'h1', useOgTitle: true },
  crm: { ...base.crm, connector: 'webhook', webhook: { url: 'https://hooks.example.com/in', headers: [{ name: 'X-Api-Key', value: 'k1' }], secret: 's3cret' } },
  enabledSites: [...base.enabledSites, SHOP],
  siteOptions: { [SHOP]: { pageApi: true, offerWaitSeconds: 20, chatQueue: 'Shop', profileId: 'acme' } },
  profiles: [...base.profiles, { ...DEFAULT_PROFILE, id: 'acme', name: 'Acme Bank', brand: 'Acme', language: 'de' }],
});
const OUTCOMES: OutcomeRecord[] = [
  { at: 1_000, ruleId: 'default', ruleName: 'Billing help', url: 'http://127.0.0.1/demo/a', outcome: 'offered', presenter: true },
  { at: 2_000, ruleId: 'default', ruleName: 'Billing help', url: 'http://127.0.0.1/demo/b', outcome: 'accepted', chatId: 'chat-1' },
  { at: 3_000, ruleId: 'loans', ruleName: 'Loans desk', url: 'http://127.0.0.1/demo/c', outcome: 'suppressed', reason: 'the daily cap of 5 offers is reached' },
  { at: 4_000, ruleId: 'loans', ruleName: 'Loans desk', url: 'http://127.0.0.1/demo/d', outcome: 'timed-out' },
];
const event = (e: Partial<CrmEvent> & Pick<CrmEvent, 'id' | 'kind' | 'state'>): CrmEvent =>
  ({ chatKey: 'chat-key-1', connector: 'webhook', payload: {}, attempts: 0, createdAt: 1_000, notBefore: 0, ...e });
const QUEUE: CrmEvent[] = [
  event({ id: 'e1', kind: 'start', state: 'sent', attempts: 1, payload: { params: { ChatId: 'CH-1001' } }, interactionId: 'INT-7' }),
  event({ id: 'e2', kind: 'switch', state: 'pending', attempts: 2, lastError: 'HTTP 503', notBefore: Date.now() + 60_000, createdAt: 2_000, connector: 'pega' }),
  event({ id: 'e3', kind: 'end', state: 'failed', attempts: 5, lastError: 'HTTP 500', createdAt: 3_000, chatKey: 'chat-key-2', connector: 'sandbox' }),
  event({ id: 'e4', kind: 'end', state: 'pending', createdAt: 4_000 }),
  event({ id: 'e5', kind: 'outcome', state: 'failed', attempts: 1, lastError: 'E_TIMEOUT', chatKey: 'out-1', connector: 'gone', payload: { outcome: 'accepted', ruleName: 'Billing help' } }),
  event({ id: 'e6', kind: 'switch', state: 'discarded', createdAt: 5_000 }),
];
const DEBUG: DebugView = {
  at: Date.now(), url: 'http://127.0.0.1/demo/billing', pageName: 'Bill Payment', signals: { visibleSeconds: 12, exitIntent: false },
  decision: 'offer Billing help', reports: [
    { ruleId: 'default', name: 'Billing help', match: { status: 'ready' } },
    { ruleId: 'loans', name: 'Loans desk', match: { status: 'waiting', waitMs: 4_000, failing: ['visible seconds on page: 6 of 10'] } },
    { ruleId: 'off', name: 'Old rule', match: { status: 'disabled' } },
    { ruleId: 'no', name: 'Pricing', match: { status: 'no-match' } },
    { ruleId: 'held', name: 'Held', match: { status: 'ready' }, suppressed: 'daily cap reached' },
  ],
};

let root: HTMLElement;
const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`);
const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 10)));
const inPseudo = (vnode: ComponentChild) => <StaffLanguage.Provider value={pseudoT}>{vnode}</StaffLanguage.Provider>;
const mount = async (vnode: ComponentChild) => {
  await act(() => render(inPseudo(vnode), root));
  await settle();
};
const type = async (id: string, value: string) => {
  await act(() => {
    const el = byTestId<HTMLInputElement>(id)!;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
};
const click = async (id: string) => {
  await act(() => byTestId(id)!.click());
  await settle();
};
const choose = async (id: string, file: File) => {
  const input = byTestId<HTMLInputElement>(id)!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
};

let request: ReturnType<typeof vi.fn>;
beforeEach(async () => {
  fakeBrowser.reset();
  request = vi.fn().mockResolvedValue(true);
  const contains = vi.fn(async () => false);
  Object.assign(browser.permissions, { request, contains, remove: vi.fn().mockResolvedValue(true) });
  await settingsItem.setValue(SETTINGS);
  await outcomesItem.setValue(OUTCOMES);
  await crmQueueItem.setValue(QUEUE);
  data = collect([SETTINGS, OUTCOMES, QUEUE, DEBUG, [
    // Files' names; an event's connector and outcome as stored (a connector since removed shows as it is).
    'beckon-settings.json', 'settings.json', 'demo.json', 'gone', 'accepted', 'chat-key',
  ]]);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the options page in a pseudo language', () => {
  beforeEach(() => mount(<OptionsApp />));

  it('shows only catalog text, user data and values as it opens', () => {
    expect(byTestId('options-crm-log-0')).not.toBeNull();
    expect(byTestId('options-outcomes')).not.toBeNull();
    expectOnlyCatalogText(root, 300);
  });

  it('in its other states: collapsed rules, new rows, shown secret, the other backend and connectors', async () => {
    await click('options-rule-1-toggle');
    await click('options-rule-0-metadata-add');
    await click('options-urlmap-add');
    await click('options-crm-webhook-header-add');
    await click('options-crm-webhook-secret-toggle');
    await act(() => {
      const kind = byTestId<HTMLSelectElement>('options-backendKind')!;
      kind.value = 'gms';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click('options-crm-connector-pega');
    expectOnlyCatalogText(root, 300);
    await click('options-crm-connector-none');
    expectOnlyCatalogText(root, 300);
    await click('options-restore-defaults');
    expect(byTestId('options-status')!.textContent).toBe(pseudoT('options.status.defaults'));
    expectOnlyCatalogText(root, 300);
  });

  it('refusing a save: the summary names each field, each message and the status', async () => {
    await type('options-rule-0-metadata-0-key', '');
    await type('options-crm-webhook-header-0-name', '');
    await type('options-hours-mon-to', '08:00');
    await type('options-capping-dailyCap', '5000');
    await type('options-capping-declineCooldownMinutes', '1.5');
    // Three more whose messages are core's (English, as documented): their fields' names are the page's.
    await type('options-rule-1-condition-3-min', '-5');
    await type('options-rule-0-include', '**\n/(/');
    await type('options-urlmap-0-pattern', '');
    data.push('Threshold cannot be negative', 'Invalid regular expression', '/(/: Unterminated group', 'Pattern is required');
    await click('options-save');
    expect(byTestId('options-error-summary')!.querySelectorAll('li')).toHaveLength(8);
    expectOnlyCatalogText(root, 300);
  });

  it('a refused permission, at Save and at Test connection', async () => {
    request.mockResolvedValue(false);
    await click('options-crm-test');
    expect(byTestId('options-crm-test-result')!.textContent).toMatch(/^⟦Not tested: ⟧⟦Beckon needs permission/);
    await click('options-save');
    expect(byTestId('options-status')!.textContent).toBe(pseudoT('options.status.notSaved'));
    expectOnlyCatalogText(root, 300);
  });

  it('Test connection with a problem to fix first', async () => {
    await type('options-crm-webhook-header-0-name', '');
    await click('options-crm-test');
    expect(byTestId('options-crm-test-result')!.textContent).toBe(pseudoT('options.crmTest.invalid', { n: 1 }));
    expectOnlyCatalogText(root, 300);
  });

  it('importing: problems of a file, then the preview of every kind of change, then the result', async () => {
    await type('options-import-text', '{"version": 9}');
    await click('options-import-check');
    expect(byTestId('options-import-errors')).not.toBeNull();
    expectOnlyCatalogText(root, 300);
    const next: Settings = {
      ...structuredClone(SETTINGS),
      backend: { ...SETTINGS.backend, nickname: 'Guest' },
      rules: [{ ...SETTINGS.rules[1]!, id: 'new', name: 'Cards desk' }, { ...SETTINGS.rules[1]!, queue: 'Cards' }, { ...SETTINGS.rules[0]!, queue: 'Cards' }],
      capping: { ...SETTINGS.capping, dailyCap: 9 },
      businessHours: { ...SETTINGS.businessHours, enabled: false, holidays: ['2025-12-26'], days: { ...SETTINGS.businessHours.days, sat: null } },
      pageName: { urlMap: [], selector: 'h2', useOgTitle: false },
      privacyGuard: false,
      crm: { ...SETTINGS.crm, connector: 'sandbox', webhook: { ...SETTINGS.crm.webhook, headers: [], secret: 'other' }, persona: { ...SETTINGS.crm.persona, name: 'Sam' } },
      enabledSites: [SHOP, 'https://bank.example.com/*'],
      siteOptions: { [SHOP]: { ...SETTINGS.siteOptions[SHOP]!, pageApi: false } },
      profiles: [SETTINGS.profiles[0]!, { ...SETTINGS.profiles[1]!, brand: 'Acme Group' }, { ...DEFAULT_PROFILE, id: 'zen', name: 'Zen' }],
    };
    data.push(...collect(next));
    await choose('options-import-file', new File([JSON.stringify(next)], 'settings.json', { type: 'application/json' }));
    expect(byTestId('options-import-preview')!.querySelectorAll('li').length).toBeGreaterThan(15);
    expectOnlyCatalogText(root, 300);
    await click('options-import-confirm');
    expect(byTestId('options-import-message')!.textContent).toBe(pseudoT('options.import.done'));
    expectOnlyCatalogText(root, 300);
  });

  it('sites and profiles: messages, a new profile, a saved one, a demo to import', async () => {
    await type('options-site-input', 'not a site');
    await click('options-site-add');
    expect(byTestId('options-site-message')!.textContent).toBe(pseudoT('options.sites.invalid'));
    await type('options-site-input', 'https://bank.example.com');
    await click('options-site-add');
    expectOnlyCatalogText(root, 300);
    await click('options-profile-add');
    await click('options-profile-save');
    expect(byTestId('options-profile-status')!.textContent).toBe(pseudoT('options.status.saved'));
    expectOnlyCatalogText(root, 300);
    const demo = { kind: 'beckon-demo', version: 1, profile: { ...DEFAULT_PROFILE, id: 'acme', name: 'Acme Bank' }, sites: [{ pattern: 'https://acme.example.com/*', options: {} }], rules: [SETTINGS.rules[1]] };
    // Core names a profile that comes in beside one of the same id (src/core/profiles/demo-bundle.ts): data from core, in English.
    data.push('Acme Bank (imported)');
    await choose('options-demo-import', new File([JSON.stringify(demo)], 'demo.json', { type: 'application/json' }));
    expect(byTestId('options-demo-plan')).not.toBeNull();
    expectOnlyCatalogText(root, 300);
    await choose('options-demo-import', new File(['[]'], 'demo.json', { type: 'application/json' }));
    expect(byTestId('options-demo-errors')).not.toBeNull();
  });
});

describe("the popup's staff parts in a pseudo language", () => {
  const fakeClient = (view: TabView | null, link: 'connecting' | 'gone' = 'connecting') => ({
    $view: atom(view), $link: atom(link), $notice: atom(null), send: vi.fn(), downloadFile: vi.fn(), fetchReport: vi.fn(), close: vi.fn(),
  }) as unknown as UiClient;

  it('the popup with nothing offered, the presenter, the rule debugger, a report and the CRM line', async () => {
    await mount(<PopupApp client={fakeClient(null)} openOptions={() => undefined} />);
    expectOnlyCatalogText(root, 3);
    await mount(<PopupApp client={fakeClient(null, 'gone')} openOptions={() => undefined} />);
    expectOnlyCatalogText(root, 3);
    await mount(<PopupApp client={fakeClient({ tabId: 1, offer: null, chat: null, debug: DEBUG })} openOptions={() => undefined} />);
    expectOnlyCatalogText(root, 15);
    await mount(<PresenterControls countdownAt={Date.now() + 5_000} send={() => undefined} />);
    expectOnlyCatalogText(root, 2);
    await mount(<RuleDebugger debug={undefined} send={() => undefined} />);
    expectOnlyCatalogText(root, 4);
    await mount(<ReportDownload chatId="chat-1" fetchReport={() => Promise.resolve({ error: 'E_GONE' })} />);
    data.push('E_GONE');
    await click('beckon-report-json');
    expect(byTestId('beckon-report')!.textContent).toContain('E_GONE');
    expectOnlyCatalogText(root, 3);
    // The client's own failure (no answer in time) is a sentence of the staff catalog, not a key.
    await mount(<ReportDownload chatId="chat-1" fetchReport={() => Promise.resolve({ error: 'error.noAnswer', phrase: { key: 'error.noAnswer' as const } })} />);
    await click('beckon-report-html');
    expect(byTestId('beckon-report')!.textContent).not.toContain('error.');
    expectOnlyCatalogText(root, 3);
    for (const crm of [
      { connector: 'webhook', state: 'synced', interactionId: 'INT-7' }, { connector: 'pega', state: 'pending', error: 'HTTP 503' },
      { connector: 'sandbox', state: 'pending' }, { connector: 'gone', state: 'failed' }, { connector: 'none', state: 'off' },
    ] as const) {
      await mount(<CrmStatusLine crm={crm} />);
      expectOnlyCatalogText(root, 1);
    }
  });
});
