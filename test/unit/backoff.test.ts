import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffDelay } from '../../src/core/backoff';

describe('backoffDelay', () => {
  it('is zero without failures', () => expect(backoffDelay(0, () => 0.5)).toBe(0));
  it('doubles per failure within the jitter band', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 1)).toBe(4000);
  });
  it('is capped', () => expect(backoffDelay(50, () => 1)).toBe(BACKOFF_MAX_MS));
});
