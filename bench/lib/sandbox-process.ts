/**
 * Starts a throwaway Sandbox in a child process (sandbox-child.ts, run through tsx) with a
 * temporary data directory, and reads its CPU time while the load runs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A Sandbox running in its own process. */
export interface SandboxProcess {
  url: string;
  port: number;
  contactCenterId: string;
  /**
   * CPU time used so far (user + system) and time its main thread waited for a CPU, in ms;
   * the event loop's delay (p99, max in ms) since the last call; the Sandbox's stats().
   */
  probe(): Promise<{ cpuMs: number; waitMs: number; loop: { p99: number; max: number }; stats: Record<string, number> }>;
  /** Starts or stops the CPU profile of the measuring window (only with BENCH_SANDBOX_PROFILE=<dir>). */
  profile(on: boolean): void;
  close(): Promise<void>;
}

/** Forks the child and resolves once it listens. */
export async function startSandboxProcess(opts: { agents: { name: string; password: string }[]; queues: string[] }): Promise<SandboxProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'beckon-bench-sbx-'));
  const child: ChildProcess = fork(fileURLToPath(new URL('./sandbox-child.ts', import.meta.url)), [JSON.stringify({ ...opts, dataDir })], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (type: string) =>
    new Promise<any>((resolve, reject) => {
      const onMessage = (m: any) => {
        if (m?.type !== type) return;
        child.off('message', onMessage).off('exit', onExit);
        resolve(m);
      };
      const onExit = (code: number | null) => reject(new Error(`the Sandbox process exited (code ${code})`));
      child.on('message', onMessage).once('exit', onExit);
    });
  const ready = await next('ready').catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  let closed: Promise<void> | undefined;
  return {
    url: ready.url,
    port: ready.port,
    contactCenterId: ready.contactCenterId,
    async probe() {
      const reply = next('cpu');
      child.send({ type: 'cpu' });
      const { usage, waitMs, loop, stats } = await reply;
      return { cpuMs: (usage.user + usage.system) / 1000, waitMs, loop, stats };
    },
    profile: (on) => child.send({ type: on ? 'profile-start' : 'profile-stop' }),
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.send({ type: 'close' });
        // A Sandbox that hangs on close must not hang the benchmark.
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      })),
  };
}
