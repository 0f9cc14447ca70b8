/**
 * `watcher.main_thread_ms`: main-thread CPU time the watcher content script costs one load of
 * the demo page, in Chromium, median over {@link LOADS} loads. Target ≤ 2 ms.
 *
 * Each load is traced on its own (CDP `Tracing`: DevTools timeline categories plus `toplevel`).
 * On the page's renderer main thread we take the union of: the `EvaluateScript` of `watcher.js`
 * (compile, run, the synchronous `runtime.sendMessage`, and any style/layout its reads force),
 * every `FunctionCall` into it and firing of its timers, and each task delivering the
 * background's reply (where the awaiting `report()` resumes). The rule is set to an hour so no
 * offer fires: the page UI never loads and every extension message the page gets is the watcher's.
 * CPU time (`tdur`), not wall time: this machine is shared, and a preempted thread costs nothing.
 */
import { spansOf, type Span } from './lib/attribution.ts';
import { log, MeasurementError, median, round, spread, type Benchmark } from './lib/report.ts';
import { evaluations, startTrace, TIMELINE, unionMs, type TraceEvent } from './lib/trace.ts';

/** Page loads measured; the first runs with cold V8 caches in a fresh renderer. */
const LOADS = 10;
/** Time after `load` for the watcher's report to reach the background and the reply to come back. */
const SETTLE_MS = 750;
/** Longer than any load plus settle here: nothing is due while we measure. */
const SECONDS_ON_PAGE = 3600;

export const watcherMainThread: Benchmark = {
  name: 'watcher-main-thread',
  async run(ctx) {
    const session = await ctx.session();
    await session.setSecondsOnPage(SECONDS_ON_PAGE);
    await session.resetVisitor();
    const url = session.scriptUrl('watcher.js');
    const page = await session.newPage();
    const samples: ReturnType<typeof measureLoad>[] = [];
    try {
      for (let i = 0; i < LOADS; i++) {
        const trace = await startTrace(page, `watcher-load-${i + 1}`, [...TIMELINE, 'toplevel']);
        await page.goto(session.demoUrl, { waitUntil: 'load' });
        await page.waitForTimeout(SETTLE_MS);
        const s = measureLoad(await trace.stop(), url);
        samples.push(s);
        log(`  load ${i + 1}: ${round(s.cpuMs, 3)} ms CPU (${round(s.wallMs, 3)} ms wall); ${s.parts}; forced style/layout ${round(s.layoutMs, 3)} ms`);
      }
    } finally {
      await page.close();
    }
    const cpu = samples.map((s) => s.cpuMs);
    log(`watcher.main_thread_ms (CPU): ${spread(cpu, 'ms')}; first (cold) load ${round(cpu[0]!, 3)} ms`);
    log(`  wall clock: ${spread(samples.map((s) => s.wallMs), 'ms')}`);
    log(`  of which style/layout forced by the watcher's reads: ${spread(samples.map((s) => s.layoutMs), 'ms')}`);
    return [{ metric: 'watcher.main_thread_ms', value: round(median(cpu), 3), unit: 'ms' }];
  },
};

/** The watcher's main-thread time in one traced page load. */
function measureLoad(events: TraceEvent[], url: string) {
  const [evaluation] = evaluations(events, url);
  if (!evaluation) {
    throw new MeasurementError(`no EvaluateScript of ${url} in the trace: the watcher did not run on the demo page (is the site enabled?)`);
  }
  const thread = { pid: evaluation.pid, tid: evaluation.tid };
  const spans = spansOf(events, thread, url, { messagePortReplies: true });
  if (!spans.some((s) => s.why === 'reply')) {
    throw new MeasurementError(`the background's reply to the watcher did not reach the page within ${SETTLE_MS} ms of load`);
  }
  const cpu = (kind: string) => round(unionMs(spans.filter((s) => kindOf(s) === kind).map((s) => s.event), 'cpu'), 3);
  const count = (kind: string) => spans.filter((s) => kindOf(s) === kind && s.event.name !== 'v8.compile' && s.event.name !== 'v8.run').length;
  return {
    cpuMs: unionMs(spans.map((s) => s.event), 'cpu'),
    wallMs: unionMs(spans.map((s) => s.event), 'wall'),
    layoutMs: forcedLayoutMs(events, thread, spans),
    parts: ['evaluation', 'call', 'reply'].map((k) => `${count(k)} ${k} ${cpu(k)} ms`).join(', '),
  };
}

/** Evaluation (with its compile and run), calls into the script (listeners, timers), reply tasks. */
const kindOf = (s: Span) => (s.why === 'reply' ? 'reply' : ['EvaluateScript', 'v8.compile', 'v8.run'].includes(s.event.name) ? 'evaluation' : 'call');

/** CPU ms of style recalculation and layout nested in the watcher's own script spans (forced reflows). */
function forcedLayoutMs(events: TraceEvent[], thread: { pid: number; tid: number }, spans: Span[]): number {
  const own = spans.filter((s) => s.why !== 'reply' && s.event.name !== 'v8.compile').map((s) => s.event);
  const inside = events.filter(
    (e) => (e.name === 'UpdateLayoutTree' || e.name === 'Layout') && e.pid === thread.pid && e.tid === thread.tid &&
      own.some((o) => e.ts >= o.ts && e.ts + (e.dur ?? 0) <= o.ts + (o.dur ?? 0)),
  );
  return unionMs(inside, 'cpu');
}
