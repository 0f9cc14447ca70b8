/**
 * Chromium traces through CDP, and the questions the benchmarks ask of them. A `Tracing`
 * session opened on a page records the whole browser; the content scripts run in an isolated
 * world of the page's renderer, so their work shows on that renderer's main thread, named by
 * script URL (`EvaluateScript`, `v8.compile`, `FunctionCall`) or by stack (`TimerInstall`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { log } from './report.ts';

/** A Chrome trace event (the fields used here). `ts`/`dur` are microseconds. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread CPU clock: when the thread had used this much CPU, and how much the event used. */
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: any;
}

/** Task boundaries, script evaluation and calls, timers, rendering: what DevTools' Performance panel records. */
export const TIMELINE = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing'];

let saved = 0;

/**
 * A trace in progress on `page`'s CDP session; `stop()` returns its events. With
 * `BENCH_TRACE_DIR` set, each trace is also saved there as `<n>-<label>.json`, which the
 * DevTools Performance panel opens (to look at a figure that seems off).
 */
export async function startTrace(page: Page, label: string, categories = TIMELINE): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => undefined);
      const dir = process.env.BENCH_TRACE_DIR;
      if (dir) {
        const file = join(dir, `${String(++saved).padStart(2, '0')}-${label}.json`);
        await mkdir(dir, { recursive: true });
        await writeFile(file, JSON.stringify({ traceEvents: events }));
        log(`  trace saved: ${file}`);
      }
      return events;
    },
  };
}

/** A renderer main thread, as a trace names it. */
export interface Thread {
  pid: number;
  tid: number;
}

const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
const on = (t: Thread) => (e: TraceEvent) => e.pid === t.pid && e.tid === t.tid;

/** The URL a trace event is attributed to: its script, or the top frame of its stack. */
export function eventUrl(e: TraceEvent): string | undefined {
  const data = e.args?.data;
  return data?.url || e.args?.fileName || data?.stackTrace?.[0]?.url || undefined;
}

/** The `EvaluateScript` events of `url`, earliest first; the first also names the thread the script runs on. */
export function evaluations(events: TraceEvent[], url: string): TraceEvent[] {
  return events.filter((e) => e.name === 'EvaluateScript' && e.args?.data?.url === url).sort((a, b) => a.ts - b.ts);
}

/**
 * The thread's top-level tasks (`RunTask` not nested in another), in time order: each is one
 * turn of the event loop, the unit the main thread is busy in.
 */
export function topLevelTasks(events: TraceEvent[], thread: Thread): TraceEvent[] {
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && on(thread)(e)).sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  for (const t of tasks) if (!top.length || t.ts >= end(top.at(-1)!)) top.push(t);
  return top;
}

/** The top-level task (from {@link topLevelTasks}) running at `ts`, by binary search. */
export function taskAt(tasks: TraceEvent[], ts: number): TraceEvent | undefined {
  let lo = 0;
  let hi = tasks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tasks[mid]!;
    if (ts < t.ts) hi = mid - 1;
    else if (ts > end(t)) lo = mid + 1;
    else return t;
  }
  return undefined;
}

type Clock = 'wall' | 'cpu';
/** An event's interval in µs on the wall clock (`ts`/`dur`) or the thread's CPU clock (`tts`/`tdur`). */
function interval(e: TraceEvent, clock: Clock): [number, number] {
  return clock === 'cpu' && e.tts !== undefined ? [e.tts, e.tts + (e.tdur ?? 0)] : [e.ts, e.ts + (e.dur ?? 0)];
}

/** Milliseconds of `tasks` between the start of `from` and the end of `to` (events of the same thread). */
export function clippedMs(tasks: TraceEvent[], from: TraceEvent, to: TraceEvent, clock: Clock): number {
  const [start, stop] = [interval(from, clock)[0], interval(to, clock)[1]];
  let us = 0;
  for (const t of tasks) {
    const [a, b] = interval(t, clock);
    us += Math.max(0, Math.min(b, stop) - Math.max(a, start));
  }
  return us / 1000;
}

/** Length of the union of the events' intervals (nested or overlapping ones count once), in ms, on the wall clock or the thread's CPU clock. */
export function unionMs(spans: TraceEvent[], clock: Clock): number {
  const iv = spans.map((e) => interval(e, clock)).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = [-Infinity, -Infinity];
  for (const [a, b] of iv) {
    if (a > to) {
      if (to > from) total += to - from;
      [from, to] = [a, b];
    } else to = Math.max(to, b);
  }
  if (to > from) total += to - from;
  return total / 1000;
}

/** The first instant `console.timeStamp(label)` on the thread, or undefined. */
export function timeStamp(events: TraceEvent[], label: string): TraceEvent | undefined {
  return events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === label);
}
