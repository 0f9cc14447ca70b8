/**
 * How often the watcher may report a navigation. Every `navigated` report counts a page view
 * and may tell the agent where the visitor is, so a page that loops on `pushState` must not
 * turn into a flood of them: at most one a second and 20 a minute. A route change inside that
 * budget waits; the report that goes then carries the newest URL.
 */
const MIN_GAP_MS = 1000;
const PER_MINUTE = 20;
const MINUTE_MS = 60_000;

/**
 * Milliseconds until the next navigation report may go (0: now), from the times of those
 * sent (oldest first; entries older than a minute are dropped from it).
 */
export function navigationWait(sent: number[], now: number): number {
  while (sent.length > 0 && now - sent[0]! >= MINUTE_MS) sent.shift();
  const last = sent.at(-1);
  const gap = last === undefined ? 0 : last + MIN_GAP_MS - now;
  const budget = sent.length >= PER_MINUTE ? sent[0]! + MINUTE_MS - now : 0;
  return Math.max(0, gap, budget);
}
