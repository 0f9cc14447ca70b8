/**
 * `ui.main_thread_ms`: main-thread CPU time of the visited page from the start of the in-page
 * host's evaluation to the first frame that paints the offer card, in Chromium, median over
 * {@link OFFERS} offers, each on a fresh tab. Target ≤ 30 ms.
 * `ui.frame_overhead_ms`: what the UI frame itself costs, the CPU time of the frame's own
 * renderer main thread (the extension's process, not the page's) over the same window: loading
 * the frame page, Preact, the port messages, rendering the card. Reported for comparison.
 *
 * Counted on the page's renderer main thread: every top-level task's CPU time (`tdur`) between
 * the start of the `EvaluateScript` of `page-ui.js` and the end of the `Commit` of the first
 * page frame painted after the host showed the card (its `style` says `visibility: visible`,
 * which it does once the frame reports the card's size): evaluating the host, inserting it, the
 * page's style, layout, paint and commit for it, and garbage collection. Not counted: the
 * background's work, the waits between tasks (on stderr as wall time), and the probe.
 */
import { log, MeasurementError, median, round, spread, type Benchmark } from './lib/report.ts';
import { clippedMs, evaluations, startTrace, timeStamp, topLevelTasks, unionMs, type TraceEvent } from './lib/trace.ts';

const OFFERS = 7;
/** One second, not zero: the page has finished its own first frames when the UI arrives. */
const SECONDS_ON_PAGE = 1;
const PROBE_URL = 'beckon-bench-probe.js';
const MARK = 'beckon-offer-shown';
const HOST_NAME = /^[a-z]{6}-[a-z]{6}$/;

/**
 * Runs in the page's main world: marks the trace (`console.timeStamp`) and tells the benchmark
 * (`console.debug`) when the in-page host turns visible, which it does when its frame reports
 * the card's size. The frame itself is out of the page's reach (that is the point).
 */
const PROBE = `(() => {
  // Not content-visibility: the host's own visibility.
  const shown = (el) => ${HOST_NAME}.test(el.localName) && (' ' + (el.getAttribute('style') || '')).includes(' visibility: visible');
  const watch = new MutationObserver((records) => {
    for (const r of records) {
      const el = r.type === 'attributes' ? r.target : null;
      if (el && shown(el)) {
        console.timeStamp('${MARK}');
        console.debug('${MARK}');
        watch.disconnect();
        return;
      }
    }
  });
  watch.observe(document, { subtree: true, attributes: true, attributeFilter: ['style'] });
})();
//# sourceURL=${PROBE_URL}`;

export const uiMainThread: Benchmark = {
  name: 'ui-main-thread',
  async run(ctx) {
    const session = await ctx.session();
    await session.setSecondsOnPage(SECONDS_ON_PAGE);
    const url = session.scriptUrl('page-ui.js');
    const samples: ReturnType<typeof measureOffer>[] = [];
    for (let i = 0; i < OFFERS; i++) {
      await session.resetVisitor(); // capping would allow one offer per visit
      const page = await session.newPage();
      try {
        await page.addInitScript({ content: PROBE });
        const shown = page.waitForEvent('console', { predicate: (m) => m.text() === MARK, timeout: 15_000 });
        const trace = await startTrace(page, `ui-offer-${i + 1}`);
        await page.goto(session.demoUrl, { waitUntil: 'load' });
        await shown.catch(() => {
          throw new MeasurementError(`no offer card within 15 s on ${session.demoUrl}`);
        });
        await page.waitForTimeout(500); // the next frames: the card's paint and commit
        const s = measureOffer(await trace.stop(), url);
        samples.push(s);
        log(`  offer ${i + 1}: page ${round(s.cpuMs)} ms CPU (host ${round(s.scriptMs)} ms, style/layout/paint/commit ${round(s.renderMs)} ms), busy ${round(s.busyWallMs)} ms of ${round(s.wallMs)} ms wall; frame ${round(s.frameMs)} ms CPU`);
      } finally {
        await page.close();
      }
    }
    const cpu = samples.map((s) => s.cpuMs);
    const frame = samples.map((s) => s.frameMs);
    log(`ui.main_thread_ms (page CPU): ${spread(cpu, 'ms')}`);
    log(`  same tasks on the wall clock: ${spread(samples.map((s) => s.busyWallMs), 'ms')}`);
    log(`  wall clock from the host's evaluation to the painted card (latency, waits included): ${spread(samples.map((s) => s.wallMs), 'ms')}`);
    log(`ui.frame_overhead_ms (the frame's renderer CPU): ${spread(frame, 'ms')}`);
    return [
      { metric: 'ui.main_thread_ms', value: round(median(cpu)), unit: 'ms' },
      { metric: 'ui.frame_overhead_ms', value: round(median(frame)), unit: 'ms' },
    ];
  },
};

const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

function measureOffer(events: TraceEvent[], url: string) {
  const [evaluation] = evaluations(events, url);
  if (!evaluation || evaluation.tts === undefined) throw new MeasurementError(`no EvaluateScript of ${url} in the trace`);
  const onThread = events.filter((e) => e.pid === evaluation.pid && e.tid === evaluation.tid);
  const mark = timeStamp(onThread, MARK);
  const paint = mark && onThread.find((e) => e.name === 'Paint' && e.ts > mark.ts);
  const commit = paint && onThread.find((e) => e.name === 'Commit' && e.ts > paint.ts);
  if (!commit || commit.tts === undefined) throw new MeasurementError('the trace has no painted and committed frame after the card was shown');
  const inWindow = (e: TraceEvent) => e.ts >= evaluation.ts && e.ts <= commit.ts + (commit.dur ?? 0);
  const tasks = topLevelTasks(onThread, evaluation);
  const probe = onThread.filter((e) => e.name === 'FunctionCall' && e.args?.data?.url === PROBE_URL && inWindow(e));
  const script = onThread.filter((e) => (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && e.args?.data?.url === url && inWindow(e));
  return {
    cpuMs: clippedMs(tasks, evaluation, commit, 'cpu') - unionMs(probe, 'cpu'),
    busyWallMs: clippedMs(tasks, evaluation, commit, 'wall') - unionMs(probe, 'wall'),
    wallMs: (commit.ts + (commit.dur ?? 0) - evaluation.ts) / 1000,
    scriptMs: unionMs(script, 'cpu'),
    renderMs: unionMs(onThread.filter((e) => RENDERING.has(e.name) && inWindow(e)), 'cpu'),
    frameMs: frameCpuMs(events, evaluation, commit),
  };
}

/**
 * CPU time of the UI frame's renderer main thread within the window: the thread that parsed
 * `page-frame.html` (found by its `ParseHTML` or script evaluation URL). In Chromium the
 * extension frame runs in the extension's own process, so this work is not the page's.
 */
function frameCpuMs(events: TraceEvent[], from: TraceEvent, to: TraceEvent): number {
  const marker = events.find(
    (e) => e.ts >= from.ts && /\/page-frame(?:\.html|-[\w-]+\.js)$/.test(e.args?.beginData?.url ?? e.args?.data?.url ?? '') && (e.name === 'ParseHTML' || e.name === 'EvaluateScript'),
  );
  if (!marker) throw new MeasurementError('no work of the UI frame (page-frame.html) in the trace');
  if (marker.pid === from.pid && marker.tid === from.tid) log('  note: the UI frame ran on the page\'s own thread');
  const tasks = events
    .filter((e) => e.pid === marker.pid && e.tid === marker.tid && e.name === 'RunTask' && e.ph === 'X' && e.ts >= from.ts)
    .sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  for (const t of tasks) if (!top.length || t.ts >= top.at(-1)!.ts + (top.at(-1)!.dur ?? 0)) top.push(t);
  const end = to.ts + (to.dur ?? 0);
  return top.filter((t) => t.ts <= end).reduce((ms, t) => ms + (t.tdur ?? t.dur ?? 0) / 1000, 0);
}
