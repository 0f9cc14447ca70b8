/**
 * Time-on-page accounting that only counts while the page is visible. Pure and
 * dependency-free so the watcher content script can include it at almost no cost.
 */

/** Accumulated visible time plus the moment the current visible stretch began (null while hidden). */
export interface VisibleClock {
  readonly accumulatedMs: number;
  readonly visibleSince: number | null;
}

/** A clock for a page that has just loaded, visible or not. */
export function startVisibleClock(now: number, visible: boolean): VisibleClock {
  return { accumulatedMs: 0, visibleSince: visible ? now : null };
}

/** The clock after the page became visible or hidden at `now`. Repeated calls with the same state are no-ops. */
export function setVisible(clock: VisibleClock, visible: boolean, now: number): VisibleClock {
  if (visible) {
    return clock.visibleSince === null ? { ...clock, visibleSince: now } : clock;
  }
  if (clock.visibleSince === null) return clock;
  return { accumulatedMs: clock.accumulatedMs + Math.max(0, now - clock.visibleSince), visibleSince: null };
}

/** Visible milliseconds so far. A clock that went backwards (system time change) never counts negative time. */
export function visibleMs(clock: VisibleClock, now: number): number {
  const running = clock.visibleSince === null ? 0 : Math.max(0, now - clock.visibleSince);
  return clock.accumulatedMs + running;
}
