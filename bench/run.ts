/**
 * `npm run bench [-- <name>...]`: builds the extension if it is missing or stale, then runs
 * the benchmarks in order (or only the named ones) and prints one JSON object per figure on
 * stdout. Progress goes to stderr. Exits non-zero, saying why, if a figure could not be made.
 */
import { idleChatRequests } from './idle-chat-requests.ts';
import { latencyLongPoll } from './latency-longpoll.ts';
import { latencyPoll } from './latency-poll.ts';
import { longChat } from './long-chat.ts';
import { preparedBuild } from './lib/build.ts';
import { formatMetric, log, MeasurementError, type BenchContext, type Benchmark } from './lib/report.ts';
import { startSession, type BenchSession } from './lib/session.ts';
import { noChatRequests } from './no-chat-requests.ts';
import { resumeAfterWorkerStop } from './resume-after-worker-stop.ts';
import { uiMainThread } from './ui-main-thread.ts';
import { uiSize } from './ui-size.ts';
import { watcherIdleWakeups } from './watcher-idle-wakeups.ts';
import { watcherMainThread } from './watcher-main-thread.ts';
import { watcherSize } from './watcher-size.ts';

/**
 * Every benchmark, in the order they run: sizes first (no browser needed), then the page
 * benchmarks, then the chat ones. Those share one live chat until `no-chat-requests` ends it;
 * `latency-poll` (which points the extension at another Sandbox) comes after that.
 */
const BENCHMARKS: Benchmark[] = [
  watcherSize, uiSize, watcherMainThread, watcherIdleWakeups, uiMainThread,
  latencyLongPoll, idleChatRequests, resumeAfterWorkerStop, longChat, noChatRequests, latencyPoll,
];

async function main(names: string[]): Promise<number> {
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) {
    log(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    return 2;
  }
  const selected = names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;
  const started = Date.now();
  const build = await preparedBuild();
  let session: Promise<BenchSession> | undefined;
  // session.ts does not log itself: report.ts names its type, so importing back would be a cycle.
  const startShared = (): Promise<BenchSession> => {
    log('starting the Sandbox and Chromium');
    return startSession(build.dir);
  };
  const ctx: BenchContext = { extensionDir: build.dir, session: () => (session ??= startShared()) };
  const cleanup = async () => {
    await session?.then((s) => s.close()).catch(() => undefined);
    await build.dispose();
  };
  // Ctrl-C: the harness leaves signals to us, so close Chromium and delete the temp folders first.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  try {
    for (const bench of selected) {
      log(`${bench.name}…`);
      const t0 = Date.now();
      for (const metric of await bench.run(ctx)) process.stdout.write(`${formatMetric(metric)}\n`);
      log(`${bench.name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await cleanup();
  }
  log(`all done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`could not measure: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof MeasurementError) && error instanceof Error && error.stack) log(error.stack);
    process.exit(1);
  },
);
