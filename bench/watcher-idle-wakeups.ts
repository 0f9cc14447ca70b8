/**
 * `watcher.idle_wakeups_per_min`: how often the watcher wakes the page's main thread while
 * nothing is pending, in Chromium. Target 0: once the rule has nothing left to wait for, the
 * watcher must sleep (no polling timer, no interval).
 *
 * Scenario: a rule of {@link SECONDS_ON_PAGE} s, so the watcher's one timer fires once (the
 * control below proves the method sees watcher wake-ups); the offer appears and is declined;
 * then the page idles for {@link IDLE_MS} (20 s instead of 60 s, to keep the whole run near
 * two minutes; the count is scaled to a minute). A wake-up is a top-level main-thread task
 * with evidence of `watcher.js` in it: a firing of a timer that watcher.js installed, a call
 * into one of its functions (listener, callback), or its script evaluated.
 */
import { tasksOf } from './lib/attribution.ts';
import { log, MeasurementError, round, type Benchmark } from './lib/report.ts';
import { evaluations, startTrace, timeStamp, type TraceEvent } from './lib/trace.ts';
import { inPageUi } from '../test/e2e/support/page-ui.ts';

const SECONDS_ON_PAGE = 2;
const IDLE_MS = 20_000;
/**
 * Timers, calls and task boundaries, with the JS stack of each timer installation (which script
 * set the timer); without the per-task `toplevel` flood, as the trace is long.
 */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack'];

export const watcherIdleWakeups: Benchmark = {
  name: 'watcher-idle-wakeups',
  async run(ctx) {
    const session = await ctx.session();
    await session.setSecondsOnPage(SECONDS_ON_PAGE);
    await session.resetVisitor();
    const page = await session.newPage();
    let events: TraceEvent[];
    try {
      const trace = await startTrace(page, 'watcher-idle', CATEGORIES);
      await page.goto(session.demoUrl, { waitUntil: 'load' });
      const offer = await inPageUi(page, 'beckon-offer', 30_000);
      await offer.waitFor({ timeout: 15_000 }).catch(() => {
        throw new MeasurementError(`no offer within 15 s on ${session.demoUrl}: cannot reach the idle state after a decline`);
      });
      await (await inPageUi(page, 'beckon-offer-decline')).click();
      await offer.waitFor({ state: 'detached', timeout: 5_000 });
      // Marks on the page's main thread delimit the idle window in the trace's own clock.
      await page.evaluate(() => console.timeStamp('bench-idle-start'));
      log(`  offer declined; idling ${IDLE_MS / 1000} s`);
      await page.waitForTimeout(IDLE_MS);
      await page.evaluate(() => console.timeStamp('bench-idle-end'));
      events = await trace.stop();
    } finally {
      await page.close();
    }
    return [{ metric: 'watcher.idle_wakeups_per_min', value: countWakeups(events, session.scriptUrl('watcher.js'), session.scriptUrl('page-ui.js')), unit: 'count/min' }];
  },
};

/** Watcher wake-ups per minute in the idle window, after checking the method sees the one before it. */
function countWakeups(events: TraceEvent[], url: string, uiUrl: string): number {
  const [evaluation] = evaluations(events, url);
  const start = timeStamp(events, 'bench-idle-start');
  const end = timeStamp(events, 'bench-idle-end');
  if (!evaluation || !start || !end) throw new MeasurementError('the trace lacks the watcher evaluation or the idle marks');
  const thread = { pid: evaluation.pid, tid: evaluation.tid };
  const tasks = [...tasksOf(events, thread, url)];
  const before = tasks.filter(([t]) => t.ts < start.ts);
  // Control: the rule's threshold timer fired before the offer. If the method cannot see that,
  // a zero in the idle window would mean nothing.
  if (!before.some(([, why]) => why === 'timer')) {
    throw new MeasurementError('control failed: no firing of a watcher.js timer was seen before the offer, so idle wake-ups cannot be attributed');
  }
  const idle = tasks.filter(([t]) => t.ts >= start.ts && t.ts <= end.ts);
  const minutes = (end.ts - start.ts) / 60e6;
  log(`  control: ${before.length} watcher tasks before the decline (${before.filter(([, w]) => w === 'timer').length} timer firing)`);
  for (const [t, why] of idle) log(`  idle wake-up at +${round((t.ts - start.ts) / 1e6)} s (${why})`);
  log(`  ${idle.length} watcher wake-ups in ${round(minutes * 60, 1)} s of idle, scaled ×${round(1 / minutes, 2)} to a minute`);
  // Not part of the metric, but the same question asked of the page UI left in the page.
  const ui = [...tasksOf(events, thread, uiUrl)].filter(([t]) => t.ts >= start.ts && t.ts <= end.ts);
  log(`  (page-ui.js, for information: ${ui.length} wake-ups in the same window: ${ui.map(([, w]) => w).join(', ') || 'none'})`);
  return round(idle.length / minutes, 2);
}
