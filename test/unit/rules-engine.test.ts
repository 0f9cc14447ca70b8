import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS_HOURS } from '../../src/core/rules/business-hours';
import { DEFAULT_CAPPING, emptyCappingState, recordDecline, recordOffer } from '../../src/core/rules/capping';
import { evaluateCondition } from '../../src/core/rules/conditions';
import { AVAILABILITY_RECHECK_MS, decide, type EngineInput } from '../../src/core/rules/engine';
import { evaluateRule } from '../../src/core/rules/evaluate-rule';
import { fillMetadata } from '../../src/core/rules/metadata';
import { matchesPattern } from '../../src/core/rules/patterns';
import { DEFAULT_METADATA, RuleSchema, type Rule } from '../../src/core/rules/rule-schema';
import type { RuleContext } from '../../src/core/rules/signals';

const NOW = Date.UTC(2026, 10, 23, 10, 0); // a Monday, 10:00 UTC
const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  url: 'https://bank.test/bills/pay?plan=gold', pageName: 'Bill Payment', referrer: 'https://search.test/?q=bill',
  activeSeconds: 0, visibleSeconds: 0, wallSeconds: 0, idleSeconds: 0, scrollDepth: 0, exitIntent: false, pagesViewed: 1, visits: 1,
  ...over,
});
const rule = (over: Partial<Rule> = {}): Rule => ({
  id: 'r1', name: 'Bills', enabled: true, include: ['**'], exclude: [], match: 'all', conditions: [],
  queue: 'Billing', offerText: 'Chat?', metadata: DEFAULT_METADATA, ui: 'default', autoDismissSeconds: 0, unknownAvailability: 'allow',
  ...over,
});

describe('conditions', () => {
  it.each([
    [{ kind: 'pageName', pattern: 'Bill*' }, true],
    [{ kind: 'pageName', pattern: '/^loan/i' }, false],
    [{ kind: 'referrer', pattern: '**/search.test/**' }, true],
    [{ kind: 'query', param: 'plan' }, true],
    [{ kind: 'query', param: 'plan', equals: 'gold' }, true],
    [{ kind: 'query', param: 'plan', equals: 'silver' }, false],
    [{ kind: 'query', param: 'missing' }, false],
    [{ kind: 'exitIntent' }, false],
    [{ kind: 'signal', signal: 'pagesViewed', min: 1 }, true],
    [{ kind: 'signal', signal: 'scrollDepth', min: 50 }, false],
  ] as const)('%j → %s', (condition, pass) => {
    expect(evaluateCondition(condition, ctx()).pass).toBe(pass);
  });

  it('a failing clock signal says how long until it holds; other signals do not', () => {
    expect(evaluateCondition({ kind: 'signal', signal: 'activeSeconds', min: 10 }, ctx({ activeSeconds: 3.5 }))).toMatchObject({ pass: false, waitMs: 6500 });
    expect(evaluateCondition({ kind: 'signal', signal: 'scrollDepth', min: 50 }, ctx()).waitMs).toBeUndefined();
  });

  it('an empty referrer matches no referrer pattern', () => {
    expect(evaluateCondition({ kind: 'referrer', pattern: '**' }, ctx({ referrer: '' })).pass).toBe(false);
  });
});

describe('evaluateRule', () => {
  const t10 = { kind: 'signal', signal: 'visibleSeconds', min: 10 } as const;
  it('needs an include match and no exclude match, and says which failed', () => {
    expect(evaluateRule(rule({ include: ['**/loans/**'] }), ctx())).toEqual({ status: 'no-match', failing: ['URL matches none of **/loans/**'] });
    expect(evaluateRule(rule({ exclude: ['**/bills/**'] }), ctx())).toEqual({ status: 'no-match', failing: ['URL is excluded by **/bills/**'] });
    expect(evaluateRule(rule({ include: ['/bank\\.test\\/bills/'] }), ctx()).status).toBe('ready');
  });
  it('waits on clock conditions with all', () => {
    expect(evaluateRule(rule({ conditions: [t10] }), ctx({ visibleSeconds: 4 }))).toMatchObject({ status: 'waiting', waitMs: 6000 });
    expect(evaluateRule(rule({ conditions: [t10] }), ctx({ visibleSeconds: 10 }))).toEqual({ status: 'ready' });
  });
  it('with all, a failing non-clock condition rules the page out', () => {
    const r = evaluateRule(rule({ conditions: [t10, { kind: 'pageName', pattern: 'Loans' }] }), ctx());
    expect(r.status).toBe('no-match');
  });
  it('with any, one passing condition is enough', () => {
    expect(evaluateRule(rule({ match: 'any', conditions: [t10, { kind: 'pageName', pattern: 'Bill*' }] }), ctx()).status).toBe('ready');
    expect(evaluateRule(rule({ match: 'any', conditions: [t10, { kind: 'exitIntent' }] }), ctx({ visibleSeconds: 2 }))).toMatchObject({ status: 'waiting', waitMs: 8000 });
  });
  it('a disabled rule never matches', () => expect(evaluateRule(rule({ enabled: false }), ctx()).status).toBe('disabled'));
});

describe('decide', () => {
  const input = (over: Partial<EngineInput> = {}): EngineInput => ({
    rules: [rule()], ctx: ctx(), capping: { settings: DEFAULT_CAPPING, state: emptyCappingState(NOW - 1000, '2026-11-23') },
    hours: DEFAULT_BUSINESS_HOURS, availability: () => 2, now: NOW, today: '2026-11-23', ...over,
  });

  it('offers the first ready rule in priority order', () => {
    const r = decide(input({ rules: [rule({ id: 'a', enabled: false }), rule({ id: 'b' }), rule({ id: 'c' })] }));
    expect(r.decision).toMatchObject({ kind: 'offer', rule: { id: 'b' } });
    expect(r.reports.map((x) => x.match.status)).toEqual(['disabled', 'ready', 'ready']);
  });

  it('waits for the earliest threshold', () => {
    const rules = [
      rule({ id: 'a', conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: 30 }] }),
      rule({ id: 'b', conditions: [{ kind: 'signal', signal: 'idleSeconds', min: 12 }] }),
    ];
    expect(decide(input({ rules })).decision).toEqual({ kind: 'wait', wakeInMs: 12_000 });
  });

  it('suppresses a declined-too-recently offer until the cooldown ends, in any tab or site', () => {
    const state = recordDecline(emptyCappingState(NOW, '2026-11-23'), NOW - 10 * 60_000);
    const r = decide(input({ capping: { settings: DEFAULT_CAPPING, state } }));
    expect(r.reports[0]!.suppressed).toMatch(/declined less than 30 min ago/);
    expect(r.decision).toEqual({ kind: 'wait', wakeInMs: 20 * 60_000 });
  });

  it('offers each rule once per visit, keeps a minimum gap, and a daily cap', () => {
    let state = recordOffer(emptyCappingState(NOW, '2026-11-23'), 'r1', NOW - 120_000, '2026-11-23');
    expect(decide(input({ capping: { settings: DEFAULT_CAPPING, state } })).reports[0]!.suppressed).toMatch(/already offered in this visit/);
    const other = rule({ id: 'r2' });
    expect(decide(input({ rules: [other], capping: { settings: DEFAULT_CAPPING, state: recordOffer(state, 'r1', NOW - 5_000, '2026-11-23') } })).reports[0]!.suppressed).toMatch(/less than 60 s ago/);
    state = { ...state, offersOnDay: { day: '2026-11-23', count: 5 } };
    expect(decide(input({ rules: [other], capping: { settings: DEFAULT_CAPPING, state } })).reports[0]!.suppressed).toMatch(/daily cap of 5/);
    expect(decide(input({ rules: [other], today: '2026-11-24', capping: { settings: DEFAULT_CAPPING, state } })).decision.kind).toBe('offer');
  });

  it('gates on queue availability, re-checking while none is ready', () => {
    const none = decide(input({ availability: () => 0 }));
    expect(none.reports[0]!.suppressed).toBe('no agent is ready on Billing');
    expect(none.decision).toEqual({ kind: 'wait', wakeInMs: AVAILABILITY_RECHECK_MS });
    expect(decide(input({ availability: () => 'unknown' })).decision.kind).toBe('offer');
    expect(decide(input({ availability: () => 'unknown', rules: [rule({ unknownAvailability: 'deny' })] })).decision.kind).toBe('wait');
  });

  it('gates on business hours', () => {
    const hours = { ...DEFAULT_BUSINESS_HOURS, enabled: true, timeZone: 'America/New_York' };
    // 10:00 UTC is 05:00 in New York: before opening.
    expect(decide(input({ hours })).reports[0]!.suppressed).toMatch(/outside business hours/);
    expect(decide(input({ hours: { ...hours, timeZone: 'Europe/Paris' } })).decision.kind).toBe('offer');
    expect(decide(input({ hours: { ...hours, timeZone: 'Europe/Paris', holidays: ['2026-11-23'] } })).reports[0]!.suppressed).toMatch(/holiday/);
  });

  it('nothing to do when no rule can ever match here', () => {
    expect(decide(input({ rules: [rule({ include: ['**/loans/**'] })] })).decision).toEqual({ kind: 'none' });
  });
});

describe('rule schema and metadata', () => {
  it('fills the metadata template', () => {
    expect(fillMetadata({ ...DEFAULT_METADATA, Plan: '{unknown}' }, ctx({ visibleSeconds: 125 }))).toEqual({
      'Page Name': 'Bill Payment', 'Time spent on page': '2 min 5 s', URL: 'https://bank.test/bills/pay?plan=gold', Plan: '{unknown}',
    });
  });
  it('leaves placeholders that name built-in object properties as written (own keys only)', () => {
    const template = { a: '{constructor}', b: '{toString}', c: '{__proto__}', d: '{hasOwnProperty}', e: '{valueOf}/{pageName}' };
    expect(fillMetadata(template, ctx())).toEqual({
      a: '{constructor}', b: '{toString}', c: '{__proto__}', d: '{hasOwnProperty}', e: '{valueOf}/Bill Payment',
    });
  });
  it('rejects bad rules with messages that name the field', () => {
    const bad = RuleSchema.safeParse(rule({ include: [], queue: '', conditions: [{ kind: 'pageName', pattern: '/([/' }] }));
    expect(bad.success).toBe(false);
    const issues = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual(expect.arrayContaining([
      'include: At least one URL pattern is required', 'queue: Queue is required', expect.stringMatching(/^conditions\.0\.pattern: Invalid regular expression/),
    ]));
  });
});

describe('URL patterns', () => {
  it.each([
    ['**', 'https://shop.example.com/a/b?c=1', true],
    ['**/demo/**', 'http://127.0.0.1:7400/demo/bill-payment.html', true],
    ['**/demo/**', 'http://127.0.0.1:7400/other/page.html', false],
    ['https://*.example.com/**', 'https://shop.example.com/cart', true],
    ['https://*.example.com/**', 'https://example.org/cart', false],
    ['https://shop.example.com/*', 'https://shop.example.com/cart/items', false],
    ['https://shop.example.com/**', 'https://SHOP.example.com/Cart', true],
    ['/\\/cart\\?step=[23]$/', 'https://shop.example.com/cart?step=2', true],
    ['/\\/cart\\?step=[23]$/', 'https://shop.example.com/cart?step=1', false],
  ])('%s against %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });
});
