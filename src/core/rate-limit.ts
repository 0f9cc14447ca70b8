/**
 * A sliding-window budget: at most `limit` events in any `windowMs`. Pure (the caller passes
 * the time), so it serves anywhere something must not run away: the in-page host's restores
 * against a page that fights back, and calls a page script makes.
 */
export interface WindowBudget {
  /** Records an event at `now` if the budget allows it; false when it is spent. */
  take(now: number): boolean;
  /** Events counted in the window ending at `now`. */
  used(now: number): number;
}

/** Creates a budget of `limit` events per `windowMs`. */
export function windowBudget(limit: number, windowMs: number): WindowBudget {
  if (!(limit >= 1) || !(windowMs > 0)) throw new RangeError('windowBudget needs limit >= 1 and windowMs > 0');
  // Times of the events still inside the window, oldest first; never more than `limit`.
  const times: number[] = [];
  const prune = (now: number) => {
    while (times.length > 0 && now - times[0]! >= windowMs) times.shift();
  };
  return {
    take(now) {
      prune(now);
      if (times.length >= limit) return false;
      times.push(now);
      return true;
    },
    used(now) {
      prune(now);
      return times.length;
    },
  };
}
