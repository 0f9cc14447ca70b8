/**
 * What a message costs at the thousandth as at the first (issue 10), in Chromium against the
 * session's Sandbox (long-poll), on one fresh chat of 1,000 agent messages:
 *
 * - `latency.longpoll.at20|at500|at1000.p50_ms|p95_ms`: agent → visitor latency over messages
 *   1-20, 480-500 and 980-1000, sent {@link SPACING_MS} apart (the probe of `latency-longpoll`);
 *   the messages between the windows are sent {@link FILL_MS} apart and not measured.
 * - `storage.bytes_per_message`: bytes the worker hands to `storage.local.set` (as JSON) per
 *   message over 980-1000; `port.bytes_per_message`: bytes posted (as JSON) to the chat
 *   window's port per message over the same window.
 * - `page.busy_ms_per_message`: main-thread CPU of the visited page per message over that
 *   window (the chat window is a frame in the extension's process: the page should do nothing).
 * - `worker.heap_mb`: the service worker's used JS heap after the 1,000 messages.
 *
 * The counters are wrappers the benchmark puts into the running worker before the chat's page
 * opens (`chrome.storage.local.set`, and `postMessage` of every port it is given); nothing in
 * the extension knows about them.
 */
import { endSharedChat, startChat, sleep, type LiveChat } from './lib/chat.ts';
import { log, MeasurementError, median, percentile, round, spread, type Benchmark, type Metric } from './lib/report.ts';
import { startTrace, topLevelTasks, timeStamp } from './lib/trace.ts';

const TOTAL = 1_000;
const WINDOWS = [[1, 20], [480, 500], [980, 1_000]] as const;
const SPACING_MS = 300;
const FILL_MS = 15;

/** Installs the byte counters in the worker (globals of the worker, read back by `counters`). */
const INSTALL = () => {
  const g = globalThis as any;
  if (g.__bench) return;
  const bench = (g.__bench = { storage: 0, ports: [] as { bytes: number; messages: number }[] });
  const local = g.chrome.storage.local;
  const set = local.set.bind(local);
  local.set = (items: unknown, ...rest: unknown[]) => {
    bench.storage += JSON.stringify(items).length;
    return set(items, ...rest);
  };
  g.chrome.runtime.onConnect.addListener((port: any) => {
    const count = { bytes: 0, messages: 0 };
    bench.ports.push(count);
    const post = port.postMessage.bind(port);
    port.postMessage = (message: unknown) => {
      count.bytes += JSON.stringify(message).length;
      count.messages++;
      post(message);
    };
  });
};

export const longChat: Benchmark = {
  name: 'long-chat',
  async run(ctx) {
    const session = await ctx.session();
    const worker = await session.ext.serviceWorker();
    await worker.evaluate(INSTALL);
    const counters = () => worker.evaluate(() => structuredClone((globalThis as any).__bench) as { storage: number; ports: { bytes: number; messages: number }[] });
    // A chat of its own: the long-poll benchmarks' shared chat, still live on the demo site,
    // would show in the new tab instead of an offer.
    await endSharedChat(session);
    const chat = await startChat(session);
    const metrics: Metric[] = [];
    try {
      let next = 1;
      const fill = async (upTo: number) => {
        if (next >= upTo) return;
        for (; next < upTo; next++) {
          await chat.send(line(chat, next));
          await sleep(FILL_MS);
        }
        await chat.probe.seen(line(chat, upTo - 1), 30_000);
        await sleep(1_000); // settled: the loop waits for news again
      };
      for (const [from, to] of WINDOWS) {
        await fill(from);
        const last = to === TOTAL;
        const before = last ? await counters() : undefined;
        const trace = last ? await startTrace(chat.page, 'long-chat-page') : undefined;
        if (last) await chat.page.evaluate(() => console.timeStamp('bench-window-start'));
        const samples: number[] = [];
        for (; next <= to; next++) {
          const text = line(chat, next);
          const sentAt = await chat.send(text);
          samples.push((await chat.probe.seen(text)) - sentAt);
          await sleep(SPACING_MS);
        }
        log(`  messages ${from}-${to}: ${spread(samples, 'ms')}`);
        metrics.push(
          { metric: `latency.longpoll.at${to === 20 ? 20 : to}.p50_ms`, value: round(median(samples), 1), unit: 'ms' },
          { metric: `latency.longpoll.at${to === 20 ? 20 : to}.p95_ms`, value: round(percentile(samples, 95), 1), unit: 'ms' },
        );
        if (!last || !before || !trace) continue;
        await chat.page.evaluate(() => console.timeStamp('bench-window-end'));
        const after = await counters();
        const n = to - from + 1;
        const port = after.ports.at(-1);
        const portBefore = before.ports[after.ports.length - 1];
        if (!port || !portBefore) throw new MeasurementError('no UI port was counted: the chat window did not connect after the counters were installed');
        metrics.push(
          { metric: 'storage.bytes_per_message', value: round((after.storage - before.storage) / n, 0), unit: 'bytes' },
          { metric: 'port.bytes_per_message', value: round((port.bytes - portBefore.bytes) / n, 0), unit: 'bytes' },
          { metric: 'page.busy_ms_per_message', value: round(pageBusyMs(await trace.stop()) / n, 3), unit: 'ms' },
        );
        log(`  over messages ${from}-${to}: ${port.messages - portBefore.messages} port messages to the chat window, ${after.ports.length} ports counted`);
      }
      const heap = await session.ext.workerCdp<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage');
      metrics.push({ metric: 'worker.heap_mb', value: round(heap.usedSize / 1024 / 1024, 1), unit: 'MB' });
      const ratio = metrics.find((m) => m.metric === 'latency.longpoll.at1000.p50_ms')!.value / metrics.find((m) => m.metric === 'latency.longpoll.at20.p50_ms')!.value;
      log(`  p50 at the thousandth message / at the first: ${round(ratio, 2)} (target ≤ 1.2)`);
      return metrics;
    } finally {
      await chat.end().catch(() => undefined);
      await chat.page.close();
    }
  },
};

function line(chat: LiveChat, n: number): string {
  return `long chat ${chat.chatId.slice(0, 6)} message ${n}: a line of ordinary length, as an agent would write it.`;
}

/** CPU of the visited page's main thread between the two marks (the thread the marks are on). */
function pageBusyMs(events: import('./lib/trace.ts').TraceEvent[]): number {
  const start = timeStamp(events, 'bench-window-start');
  const end = timeStamp(events, 'bench-window-end');
  if (!start || !end) throw new MeasurementError('the page trace lacks its window marks');
  const thread = events.filter((e) => e.pid === start.pid && e.tid === start.tid);
  const tasks = topLevelTasks(thread, start).filter((t) => t.ts >= start.ts && t.ts + (t.dur ?? 0) <= end.ts);
  return tasks.reduce((ms, t) => ms + (t.tdur ?? 0) / 1000, 0);
}
