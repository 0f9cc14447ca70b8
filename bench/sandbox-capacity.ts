/**
 * `npm run bench:sandbox`: how many chats one Sandbox serves on this machine. For each N in
 * STEPS, a fresh Sandbox (own process, 127.0.0.1, port 0, temp data) gets N chats that poll
 * GetMessages once a second, with messages both ways and agents on their notification
 * streams; the largest N whose GetMessages p99 stays under 50 ms (and no call fails) is
 * `sandbox.chats_at_p99_50ms`. At that N the customers then long-poll instead, and
 * `sandbox.longpoll.delivery_p99_ms` is the p99 from an agent's send to the long-poll answer.
 * Figures go to stdout as JSON lines, progress to stderr. Method: bench/README.md.
 */
import { performance } from 'node:perf_hooks';
import { AgentLoad, type BenchAgent } from './lib/agent-load.ts';
import { CustomerLoad } from './lib/customer-load.ts';
import { formatMetric, log, MeasurementError, percentile, round } from './lib/report.ts';
import { startSandboxProcess } from './lib/sandbox-process.ts';

const STEPS = (process.env.BENCH_SANDBOX_STEPS ?? '100,250,500,1000,2000,5000').split(',').map(Number);
const P99_LIMIT_MS = 50;
const AGENTS = 50;
const MESSAGE_EVERY_MS = 20_000; // per chat and per side
const CUSTOMER_THREADS = 2;
const WARMUP_MS = 3_000;
const MEASURE_MS = 15_000;
/** Tries per step: a step that fails is run once more (see "Noise" in bench/README.md). */
const TRIES = 2;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const agents: BenchAgent[] = Array.from({ length: AGENTS }, (_, i) => ({ name: `agent${i + 1}`, password: `pw${i + 1}`, queue: `Queue ${i + 1}` }));
const pct = (fraction: number) => `${Math.round(fraction * 100)} %`;

/** Stops the run in progress (Ctrl-C: the Sandbox process and its temp data must go too). */
let stopCurrent: (() => Promise<void>) | undefined;

/** One load run on a fresh Sandbox: N chats set up, warmed, then measured in `mode`. */
async function run(n: number, mode: 'poll' | 'longpoll'): Promise<{ p99: number; errors: number }> {
  const sandbox = await startSandboxProcess({ agents: agents.map(({ name, password }) => ({ name, password })), queues: agents.map((a) => a.queue) });
  const customers = new CustomerLoad(sandbox.port, sandbox.contactCenterId, CUSTOMER_THREADS, MESSAGE_EVERY_MS);
  const agentLoad = new AgentLoad(sandbox.port, agents, MESSAGE_EVERY_MS);
  const stop = async () => {
    agentLoad.stop();
    await customers.stop();
    await sandbox.close();
  };
  stopCurrent = stop;
  try {
    const t0 = Date.now();
    await agentLoad.connect();
    await agentLoad.accept(await customers.add(Array.from({ length: n }, (_, i) => agents[i % AGENTS]!.queue)));
    if (mode === 'longpoll') await customers.longPoll();
    log(`  ${n} chats set up in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${AGENTS} agents on their streams`);
    await sleep(WARMUP_MS);
    const [before, elu0, agents0] = [await sandbox.probe(), performance.eventLoopUtilization(), { ...agentLoad.counts }];
    await customers.measureStart();
    sandbox.profile(true);
    await sleep(MEASURE_MS);
    sandbox.profile(false);
    const samples = await customers.measureEnd();
    const after = await sandbox.probe();
    const agentErrors = agentLoad.counts.errors - agents0.errors;
    const errors = samples.errors + agentErrors;
    const sorted = samples.latencies.sort((a, b) => a - b);
    if (sorted.length === 0) throw new MeasurementError(`no ${mode} samples at ${n} chats`);
    const p = (q: number) => round(percentile(sorted, q));
    log(`  ${mode} at ${n}: p50 ${p(50)} / p95 ${p(95)} / p99 ${p(99)} / max ${round(sorted.at(-1)!)} ms over ${sorted.length} samples, ${errors} errors`);
    log(`    Sandbox: CPU ${pct((after.cpuMs - before.cpuMs) / MEASURE_MS)}, waited for a CPU ${round(after.waitMs - before.waitMs, 0)} ms,` +
      ` event loop delay p99 ${round(after.loop.p99)} / max ${round(after.loop.max)} ms; load generator busy: agents` +
      ` ${pct(performance.eventLoopUtilization(elu0).utilization)}, customers ${samples.busy.map(pct).join(' + ')};` +
      ` agent sends ${agentLoad.counts.sends - agents0.sends}, agent streams ${Math.round((agentLoad.counts.streamBytes - agents0.streamBytes) / 1024)} KiB`);
    log(`    stats ${JSON.stringify(after.stats)}${errors ? `; failures ${JSON.stringify(samples.reasons)}, agent calls ${agentErrors}` : ''}`);
    return { p99: percentile(sorted, 99), errors };
  } finally {
    stopCurrent = undefined;
    await stop();
  }
}

/** True when N chats hold the limit in one of TRIES runs. */
async function holds(n: number): Promise<boolean> {
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    log(`sandbox-capacity: ${n} chats polling once a second${attempt > 1 ? ` (try ${attempt} of ${TRIES})` : ''}…`);
    const { p99, errors } = await run(n, 'poll');
    if (errors === 0 && p99 < P99_LIMIT_MS) return true;
    log(`  ${n} chats: over the limit (p99 ${round(p99)} ms, ${errors} errors)`);
  }
  return false;
}

async function main(): Promise<void> {
  const started = Date.now();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void (stopCurrent?.() ?? Promise.resolve()).finally(() => process.exit(130)));
  }
  let best = 0;
  for (const n of STEPS) {
    if (!(await holds(n))) break;
    best = n;
  }
  process.stdout.write(`${formatMetric({ metric: 'sandbox.chats_at_p99_50ms', value: best, unit: 'chats' })}\n`);
  const at = best || STEPS[0]!;
  log(`sandbox-capacity: long-poll delivery at ${at} chats…`);
  const { p99, errors } = await run(at, 'longpoll');
  if (errors > 0) throw new MeasurementError(`${errors} calls failed during the long-poll run at ${at} chats`);
  process.stdout.write(`${formatMetric({ metric: 'sandbox.longpoll.delivery_p99_ms', value: round(p99), unit: 'ms' })}\n`);
  log(`sandbox-capacity done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`could not measure: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof MeasurementError) && error instanceof Error && error.stack) log(error.stack);
    process.exit(1);
  },
);
