import { describe, expect, it } from 'vitest';
import { windowBudget } from '../../src/core/rate-limit';

describe('windowBudget', () => {
  it('allows up to the limit within the window, then refuses', () => {
    const budget = windowBudget(3, 1_000);
    expect([0, 10, 20, 30].map((t) => budget.take(t))).toEqual([true, true, true, false]);
    expect(budget.used(30)).toBe(3);
  });

  it('frees a slot as each event leaves the window', () => {
    const budget = windowBudget(2, 1_000);
    budget.take(0);
    budget.take(500);
    expect(budget.take(999)).toBe(false);
    expect(budget.take(1_000)).toBe(true); // the event at 0 left the window
    expect(budget.take(1_200)).toBe(false);
    expect(budget.used(2_600)).toBe(0);
  });

  it('does not count refused events against the budget', () => {
    const budget = windowBudget(1, 100);
    budget.take(0);
    for (let t = 1; t < 100; t++) budget.take(t);
    expect(budget.take(100)).toBe(true);
  });

  it('rejects a budget that could never allow anything', () => {
    expect(() => windowBudget(0, 1_000)).toThrow(RangeError);
    expect(() => windowBudget(2, 0)).toThrow(RangeError);
    expect(() => windowBudget(Number.NaN, 10)).toThrow(RangeError);
  });
});
