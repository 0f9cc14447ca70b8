/**
 * The page API's pure checks: what a page may pass (seed 001's metadata, seed 002's user
 * data) and whether a page offer may be made now (the same gates as a rule's offer).
 */
import { describe, expect, it } from 'vitest';
import { checkOfferArgs, checkUserData, PAGE_API_LIMITS, PAGE_OFFER_RULE } from '../../src/core/page-api';
import { pageOfferBlock, type PageOfferGate } from '../../src/core/page-offer';
import { DEFAULT_BUSINESS_HOURS } from '../../src/core/rules/business-hours';
import { DEFAULT_CAPPING, emptyCappingState } from '../../src/core/rules/capping';

describe('checkOfferArgs', () => {
  it('takes the seed example as written, bDefaultUI defaulting to true', () => {
    const r = checkOfferArgs(' Billing ', { 'Page Name': 'Bill Payment', 'Time spent on page': '5 mins' }, undefined);
    expect(r).toEqual({ ok: true, value: { queue: 'Billing', metadata: { 'Page Name': 'Bill Payment', 'Time spent on page': '5 mins' }, defaultUi: true } });
    expect(checkOfferArgs('Billing', undefined, false)).toEqual({ ok: true, value: { queue: 'Billing', metadata: {}, defaultUi: false } });
  });

  it.each([
    [42, {}, true, /queuename must be a queue name/],
    ['', {}, true, /queuename/],
    ['x'.repeat(PAGE_API_LIMITS.queue + 1), {}, true, /queuename/],
    ['Billing', 'Bill Payment', true, /metadata must be an object of strings/],
    ['Billing', ['a'], true, /metadata must be an object/],
    ['Billing', { n: 5 }, true, /metadata\["n"\] must be a string, not number/],
    ['Billing', { n: null }, true, /not null/],
    ['Billing', { n: 'x'.repeat(PAGE_API_LIMITS.metadataValue + 1) }, true, /at most 500/],
    ['Billing', Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])), true, /21 keys; at most 20/],
    ['Billing', { '': 'v' }, true, /key "" must be 1–100/],
    ['Billing', {}, 'yes', /bDefaultUI must be true or false/],
  ])('refuses %j / %j / %j with a clear message', (queue, metadata, ui, message) => {
    const r = checkOfferArgs(queue, metadata, ui);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe('checkUserData', () => {
  it('takes an object of short strings and names what is wrong otherwise', () => {
    expect(checkUserData({ FirstName: 'John' })).toEqual({ ok: true, value: { FirstName: 'John' } });
    const r = checkUserData({ FirstName: { nested: true } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('userData["FirstName"] must be a string, not object');
  });
});

describe('pageOfferBlock', () => {
  const now = Date.UTC(2026, 11, 2, 12);
  const gate = (patch: Partial<PageOfferGate> = {}): PageOfferGate => ({
    capping: { settings: DEFAULT_CAPPING, state: emptyCappingState(now - 60_000, '2026-12-02') },
    hours: DEFAULT_BUSINESS_HOURS, readyAgents: 2, unknownAllows: true, now, today: '2026-12-02', ...patch,
  });

  it('lets an offer through when every gate is open', () => expect(pageOfferBlock(gate())).toBeNull());

  it('counts page offers under one rule for the once-per-visit cap, in the page\'s words', () => {
    const state = { ...gate().capping.state, rulesOfferedThisVisit: [PAGE_OFFER_RULE] };
    expect(pageOfferBlock(gate({ capping: { settings: DEFAULT_CAPPING, state } }))).toBe('a page offer was already made in this visit');
  });

  it('respects a recent decline, closed hours and a queue without agents', () => {
    const declined = { ...gate().capping.state, lastDeclineAt: now - 60_000 };
    expect(pageOfferBlock(gate({ capping: { settings: DEFAULT_CAPPING, state: declined } }))).toMatch(/declined less than 30 min ago/);
    const closed = { ...DEFAULT_BUSINESS_HOURS, enabled: true, holidays: ['2026-12-02'], timeZone: 'UTC' };
    expect(pageOfferBlock(gate({ hours: closed }))).toMatch(/closed for the holiday/);
    expect(pageOfferBlock(gate({ readyAgents: 0 }))).toBe('no agent is ready on the queue');
    expect(pageOfferBlock(gate({ readyAgents: 'unknown', unknownAllows: false }))).toMatch(/unknown/);
  });
});
