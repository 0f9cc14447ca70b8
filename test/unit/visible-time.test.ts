import { describe, expect, it } from 'vitest';
import { setVisible, startVisibleClock, visibleMs } from '../../src/core/visible-time';

describe('visible time on page', () => {
  it('counts time while visible', () => {
    const c = startVisibleClock(1000, true);
    expect(visibleMs(c, 4500)).toBe(3500);
  });

  it('does not count time while hidden', () => {
    let c = startVisibleClock(0, true);
    c = setVisible(c, false, 2000);
    expect(visibleMs(c, 60_000)).toBe(2000);
    c = setVisible(c, true, 60_000);
    expect(visibleMs(c, 61_500)).toBe(3500);
  });

  it('starts at zero for a page loaded in a background tab', () => {
    const c = startVisibleClock(500, false);
    expect(visibleMs(c, 10_000)).toBe(0);
    expect(visibleMs(setVisible(c, true, 10_000), 12_000)).toBe(2000);
  });

  it('ignores repeated visibility events', () => {
    let c = startVisibleClock(0, true);
    c = setVisible(c, true, 5000); // must not restart the stretch
    expect(visibleMs(c, 6000)).toBe(6000);
    c = setVisible(c, false, 6000);
    c = setVisible(c, false, 9000);
    expect(visibleMs(c, 9000)).toBe(6000);
  });

  it('never counts negative time when the clock goes backwards', () => {
    const c = startVisibleClock(10_000, true);
    expect(visibleMs(c, 9000)).toBe(0);
    expect(setVisible(c, false, 9000).accumulatedMs).toBe(0);
  });
});
