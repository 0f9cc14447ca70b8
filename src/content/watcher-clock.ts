import { setVisible, startVisibleClock, visibleMs, type VisibleClock } from '../core/visible-time';

/** The watcher's three clocks for one page or route: wall, visible, and active (visible and focused). */
export interface PageClocks {
  start: number;
  visible: VisibleClock;
  active: VisibleClock;
  /** Added by the rule debugger's fast-forward. */
  bonusMs: number;
}

/** Clocks for a page (or route) that starts now. */
export function startClocks(now: number, visible: boolean, focused: boolean): PageClocks {
  return { start: now, visible: startVisibleClock(now, visible), active: startVisibleClock(now, visible && focused), bonusMs: 0 };
}

/** The clocks after a visibility or focus change. */
export function updateClocks(c: PageClocks, now: number, visible: boolean, focused: boolean): PageClocks {
  return { ...c, visible: setVisible(c.visible, visible, now), active: setVisible(c.active, visible && focused, now) };
}

/** Current readings in ms. */
export function readClocks(c: PageClocks, now: number): { wallMs: number; visibleMs: number; activeMs: number } {
  return {
    wallMs: Math.max(0, now - c.start) + c.bonusMs,
    visibleMs: visibleMs(c.visible, now) + c.bonusMs,
    activeMs: visibleMs(c.active, now) + c.bonusMs,
  };
}
