/**
 * The Sandbox under load, in a process of its own (forked by sandbox-process.ts), so the load
 * generator never shares its event loop. Started with `startSandbox` on 127.0.0.1, port 0,
 * with the agents and queues given as JSON in argv[2]; it reports its URL over IPC, answers
 * `cpu` requests with its CPU time, run-queue wait, memory and event-loop delay, profiles the measuring window
 * when asked (`profile-start` / `profile-stop`), and closes cleanly on `close`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startSandbox } from '../../sandbox/server.ts';

interface ChildOptions {
  dataDir: string;
  agents: { name: string; password: string }[];
  queues: string[];
}

const opts = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const send = (message: unknown) => process.send?.(message);

const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', quiet: true, ...opts });
send({ type: 'ready', url: sandbox.url, port: sandbox.port, contactCenterId: sandbox.contactCenterId });

// BENCH_SANDBOX_PROFILE=<dir>: a V8 CPU profile of each measuring window, to see where the time goes.
const profiler = new Session();

// How long the event loop was held up: what every request waiting behind it paid.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();

/**
 * How long this (main) thread has waited for a CPU while runnable, in ms (Linux schedstat;
 * 0 elsewhere): other work on the machine delaying the Sandbox, not the Sandbox being slow.
 */
function runQueueWaitMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'cpu') {
    const loop = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
    loopDelay.reset();
    send({ type: 'cpu', usage: process.cpuUsage(), waitMs: runQueueWaitMs(), rssMb: process.memoryUsage().rss / 2 ** 20, loop, stats: sandbox.stats() });
  } else if (message.type === 'profile-start' && process.env.BENCH_SANDBOX_PROFILE) {
    profiler.connect();
    void profiler.post('Profiler.enable').then(() => profiler.post('Profiler.start'));
  } else if (message.type === 'profile-stop' && process.env.BENCH_SANDBOX_PROFILE) {
    const file = join(process.env.BENCH_SANDBOX_PROFILE, `sandbox-${Date.now()}.cpuprofile`);
    void profiler.post('Profiler.stop').then(({ profile }) => writeFileSync(file, JSON.stringify(profile)));
  } else if (message.type === 'close') {
    void sandbox.close().finally(() => process.exit(0));
  }
});
// The parent died without saying goodbye: do not linger.
process.on('disconnect', () => void sandbox.close().finally(() => process.exit(0)));
