/**
 * Element triggers in the rules model: the two conditions (schema, evaluation, the debugger's
 * words), which selectors a page's watcher is told to watch (only while their rules can fire),
 * and the rule the context menu makes.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE } from '../../src/core/defaults';
import { DEFAULT_CAPPING, emptyCappingState, recordDecline, recordOffer } from '../../src/core/rules/capping';
import { evaluateCondition } from '../../src/core/rules/conditions';
import { clickRule } from '../../src/core/rules/element-rule';
import { elementsToWatch, WATCH_MAX } from '../../src/core/rules/element-watch';
import { decide } from '../../src/core/rules/engine';
import { evaluateRule } from '../../src/core/rules/evaluate-rule';
import { DEFAULT_BUSINESS_HOURS } from '../../src/core/rules/business-hours';
import { ConditionSchema, DEFAULT_METADATA, RuleSchema, type Condition, type Rule } from '../../src/core/rules/rule-schema';
import { selectorError } from '../../src/core/rules/selector-check';
import type { RuleContext } from '../../src/core/rules/signals';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../src/core/settings';

const NOW = Date.UTC(2026, 10, 23, 10, 0);
const TODAY = '2026-11-23';
const URL_ = 'https://bank.test/plans';
const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  url: URL_, pageName: 'Plans', referrer: '', activeSeconds: 0, visibleSeconds: 0, wallSeconds: 0, idleSeconds: 0, scrollDepth: 0,
  exitIntent: false, pagesViewed: 1, visits: 1, ...over,
});
const rule = (over: Partial<Rule> = {}): Rule => ({
  id: 'r1', name: 'Apply', enabled: true, include: ['**'], exclude: [], match: 'all', conditions: [clicked('#apply')],
  queue: 'Loans', offerText: 'Chat?', metadata: DEFAULT_METADATA, ui: 'default', autoDismissSeconds: 0, unknownAvailability: 'allow', ...over,
});
function clicked(selector: string): Condition {
  return { kind: 'elementClicked', selector };
}
function seen(selector: string): Condition {
  return { kind: 'elementVisible', selector };
}
const capping = (state = emptyCappingState(NOW - 1000, TODAY), settings = DEFAULT_CAPPING) => ({ settings, state });

describe('element conditions: schema', () => {
  it('accepts a selector, trimmed', () => {
    expect(ConditionSchema.parse({ kind: 'elementClicked', selector: '  button[data-testid="apply"] ' })).toEqual(clicked('button[data-testid="apply"]'));
    expect(ConditionSchema.parse(seen('#pricing > .plan:nth-of-type(2), .faq'))).toEqual(seen('#pricing > .plan:nth-of-type(2), .faq'));
  });

  it.each([
    ['', 'CSS selector is required'],
    ['   ', 'CSS selector is required'],
    ['a'.repeat(501), 'CSS selector is longer than 500 characters'],
    ['a{color:red}', 'CSS selector cannot contain "{"'],
    ['a; b', 'CSS selector cannot contain ";"'],
    ['<p>', 'CSS selector cannot contain "<"'],
    ['[data-x', 'Not a valid CSS selector'],
    [':not(', 'Not a valid CSS selector'],
    ['a,,b', 'Not a valid CSS selector'],
    ['div >', 'cannot start or end with a combinator'],
    ['+ a', 'cannot start or end with a combinator'],
    ['p::before', 'cannot use a pseudo-element'],
  ])('refuses %j: %s', (selector, message) => {
    expect(selectorError(selector)).toContain(message);
    const r = RuleSchema.safeParse(rule({ conditions: [clicked(selector)] }));
    expect(r.success).toBe(false);
    // The issue names the field, so the options page and an import can point at it.
    expect(r.error!.issues[0]).toMatchObject({ path: ['conditions', 0, 'selector'] });
    expect(r.error!.issues[0]!.message).toContain(message);
  });

  it('refuses a selector that is not text, and a missing one', () => {
    expect(ConditionSchema.safeParse({ kind: 'elementVisible', selector: 42 }).error?.issues[0]?.message).toBe('CSS selector must be text');
    expect(ConditionSchema.safeParse({ kind: 'elementVisible' }).error?.issues[0]?.path).toEqual(['selector']);
  });

  it('is checked on a settings import too (the same schema)', () => {
    const imported = { ...DEFAULT_SETTINGS, rules: [rule({ conditions: [seen('a::after')] })] };
    const r = SettingsSchema.safeParse(imported);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['rules.0.conditions.0.selector', expect.stringContaining('pseudo-element')]]);
  });
});

describe('element conditions: evaluation', () => {
  it('holds once the watcher reported the selector seen or clicked on this page', () => {
    expect(evaluateCondition(clicked('#apply'), ctx())).toEqual({ pass: false, detail: 'no element matching "#apply" was clicked yet' });
    expect(evaluateCondition(clicked('#apply'), ctx({ clickedSelectors: ['#apply'] }))).toEqual({ pass: true, detail: 'an element matching "#apply" was clicked' });
    expect(evaluateCondition(seen('#apply'), ctx({ clickedSelectors: ['#apply'] })).pass).toBe(false);
    expect(evaluateCondition(seen('.plans'), ctx({ visibleSelectors: ['.plans'] }))).toEqual({ pass: true, detail: 'an element matching ".plans" was on screen' });
    expect(evaluateCondition(seen('.plans'), ctx()).detail).toBe('no element matching ".plans" has been on screen yet');
  });

  it('says when the page\'s browser refuses the selector', () => {
    const r = evaluateCondition(clicked('a:unknown-thing'), ctx({ invalidSelectors: ['a:unknown-thing'], clickedSelectors: ['a:unknown-thing'] }));
    expect(r).toEqual({ pass: false, detail: 'the page\'s browser refuses "a:unknown-thing" as a CSS selector' });
  });

  it('has no clock: a rule never waits on it, the watcher reports the moment it happens', () => {
    const r = rule({ conditions: [clicked('#apply'), { kind: 'signal', signal: 'visibleSeconds', min: 10 }] });
    expect(evaluateRule(r, ctx({ visibleSeconds: 4 }))).toMatchObject({ status: 'no-match' });
    expect(evaluateRule(r, ctx({ visibleSeconds: 4, clickedSelectors: ['#apply'] }))).toMatchObject({ status: 'waiting', waitMs: 6000 });
    expect(evaluateRule(r, ctx({ visibleSeconds: 10, clickedSelectors: ['#apply'] }))).toEqual({ status: 'ready' });
    expect(evaluateRule({ ...r, match: 'any' }, ctx({ clickedSelectors: ['#apply'] }))).toEqual({ status: 'ready' });
  });

  it('offers through the engine once clicked, and capping still applies', () => {
    const input = (c: RuleContext, state = capping().state) => ({
      rules: [rule()], ctx: c, capping: capping(state), hours: DEFAULT_BUSINESS_HOURS, availability: () => 1, now: NOW, today: TODAY,
    });
    expect(decide(input(ctx())).decision).toEqual({ kind: 'none' });
    expect(decide(input(ctx({ clickedSelectors: ['#apply'] }))).decision).toMatchObject({ kind: 'offer', rule: { id: 'r1' } });
    const offered = recordOffer(capping().state, 'r1', NOW - 120_000, TODAY);
    expect(decide(input(ctx({ clickedSelectors: ['#apply'] }), offered)).reports[0]!.suppressed).toBe('capped: this rule already offered in this visit');
  });
});

describe('which selectors a page watches', () => {
  const watch = (rules: Rule[], over: { url?: string; state?: ReturnType<typeof emptyCappingState> } = {}) =>
    elementsToWatch({ rules, url: over.url ?? URL_, capping: capping(over.state), now: NOW, today: TODAY });

  it('those of enabled rules that match the URL, each once', () => {
    const rules = [
      rule({ id: 'a', conditions: [clicked('#apply'), seen('.plans')] }),
      rule({ id: 'b', conditions: [clicked('#apply'), { kind: 'exitIntent' }] }),
      rule({ id: 'off', enabled: false, conditions: [clicked('#disabled')] }),
      rule({ id: 'elsewhere', include: ['**/loans/**'], conditions: [seen('.loans')] }),
      rule({ id: 'excluded', exclude: ['**/plans'], conditions: [seen('.excluded')] }),
      rule({ id: 'plain', conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: 5 }] }),
    ];
    expect(watch(rules)).toEqual({ visible: ['.plans'], clicked: ['#apply'] });
    expect(watch(rules, { url: 'https://bank.test/loans/x' })).toEqual({ visible: ['.plans', '.loans', '.excluded'], clicked: ['#apply'] });
  });

  it('not those of a rule that already offered in this visit, or when the daily cap is reached', () => {
    const rules = [rule({ id: 'a', conditions: [clicked('#a')] }), rule({ id: 'b', conditions: [clicked('#b')] })];
    const afterA = recordOffer(capping().state, 'a', NOW - 120_000, TODAY);
    expect(watch(rules, { state: afterA })).toEqual({ visible: [], clicked: ['#b'] });
    const capped = { ...capping().state, offersOnDay: { day: TODAY, count: DEFAULT_CAPPING.dailyCap } };
    expect(watch(rules, { state: capped })).toEqual({ visible: [], clicked: [] });
  });

  it('still those of a rule in a cooldown that will lift (a click meanwhile counts then)', () => {
    const declined = recordDecline(capping().state, NOW - 60_000);
    expect(watch([rule()], { state: declined })).toEqual({ visible: [], clicked: ['#apply'] });
  });

  it(`at most ${WATCH_MAX} of each kind`, () => {
    const many = Array.from({ length: 30 }, (_, i) => seen(`.s${i}`));
    expect(watch([rule({ conditions: many })]).visible).toHaveLength(WATCH_MAX);
  });
});

describe('the context menu\'s rule', () => {
  it('offers on the page\'s origin when the selector is clicked, with the first enabled rule\'s queue and text', () => {
    const first = rule({ id: 'default', enabled: false, queue: 'Off' });
    const model = rule({ id: 'rule-2', queue: 'Loans', offerText: 'Loan questions?', ui: 'custom', metadata: { Page: '{pageName}' } });
    const made = clickRule([first, model, rule({ id: 'click-1' })], 'button[data-testid="apply"]', 'https://bank.test:8443/loans/apply?x=1#top');
    expect(made).toEqual({
      id: 'click-2', name: 'Click on button[data-testid="apply"]', enabled: true, include: ['https://bank.test:8443/**'], exclude: [], match: 'all',
      conditions: [clicked('button[data-testid="apply"]')], queue: 'Loans', offerText: 'Loan questions?', metadata: { Page: '{pageName}' },
      ui: 'custom', autoDismissSeconds: 0, unknownAvailability: 'allow',
    });
    expect(RuleSchema.parse(made)).toEqual(made);
    expect(evaluateRule(made, ctx({ url: 'https://bank.test:8443/other', clickedSelectors: ['button[data-testid="apply"]'] }))).toEqual({ status: 'ready' });
    expect(evaluateRule(made, ctx({ url: 'https://other.test/', clickedSelectors: ['button[data-testid="apply"]'] })).status).toBe('no-match');
  });

  it('falls back to the defaults without an enabled rule, to every URL for an odd origin, and keeps the name short', () => {
    const long = `#${'x'.repeat(300)}`;
    const made = clickRule([], long, 'http://[::1]:7400/demo/');
    expect(made).toMatchObject({ id: 'click-1', queue: DEFAULT_QUEUE, include: ['**'], metadata: DEFAULT_METADATA });
    expect(made.name).toHaveLength(200);
    expect(made.name.endsWith('…')).toBe(true);
    expect(clickRule([], '#a', 'not a url').include).toEqual(['**']);
    expect(clickRule([], '#a', 'file:///tmp/x.html').include).toEqual(['**']);
    expect(RuleSchema.safeParse(made).success).toBe(true);
  });
});
