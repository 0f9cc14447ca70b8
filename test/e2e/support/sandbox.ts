/** A throwaway Beckon Sandbox for one spec file: any free port, fresh data folder. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultCounts, FaultMode, FaultPaths, FaultState } from '../../../sandbox/http/faults.ts';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../sandbox/server.ts';
import { waitFor } from './wait.ts';

/** What `GET /api/sandbox/faults` reports. */
export interface FaultStatus {
  fault: FaultState;
  counts: FaultCounts;
}

/** A running Sandbox plus its data folder; `close()` also deletes the folder. */
export type TestSandbox = RunningSandbox & {
  dataDir: string;
  /**
   * Stops the Sandbox as a crash-free restart would (its data stays), runs `whileDown`, then
   * starts it again on the same port and data folder. `stats()` and `close()` follow the new one.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  /** Sets the fault injector (start with `{ faults: true }`); see sandbox/README.md. */
  setFault(mode: FaultMode, opts?: { forMs?: number; holdMs?: number; paths?: FaultPaths }): Promise<FaultStatus>;
  /** The fault in force and the injector's counters. */
  faultStatus(): Promise<FaultStatus>;
};

/** Any startSandbox option except where it listens and stores (agents, queues, faults...). */
export type TestSandboxOptions = Omit<SandboxOptions, 'port' | 'host' | 'dataDir'>;

/** Starts a Sandbox on 127.0.0.1, port 0, in a new temp data folder. */
export async function startTestSandbox(opts: TestSandboxOptions = {}): Promise<TestSandbox> {
  const dataDir = await mkdtemp(join(tmpdir(), 'beckon-e2e-sandbox-'));
  const start = (port: number) => startSandbox({ quiet: true, ...opts, port, host: '127.0.0.1', dataDir });
  let current: RunningSandbox;
  try {
    current = await start(0);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { url, port } = current;

  const faultCall = async (body?: object): Promise<FaultStatus> => {
    const response = await fetch(`${url}/api/sandbox/faults`, {
      method: body ? 'POST' : 'GET',
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as FaultStatus & { statusCode: number; statusMessage?: string };
    if (json.statusCode !== 0) throw new Error(`fault injector: HTTP ${response.status}: ${json.statusMessage ?? ''} (started with { faults: true }?)`);
    return { fault: json.fault, counts: json.counts };
  };

  // Listening sockets reuse the address at once on Linux; retry briefly in case another
  // process grabbed the port in between (unlikely on loopback, fatal to the test if so).
  const listenAgain = () =>
    waitFor(() => start(port).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error;
      return undefined;
    }), { timeoutMs: 10_000, intervalMs: 200, what: `the Sandbox to listen again on port ${port}` });

  let closing: Promise<void> | undefined;
  return {
    ...current, // url, port and the configuration stay the same across restarts
    dataDir,
    stats: () => current.stats(),
    async restart(whileDown) {
      await current.close();
      try {
        await whileDown?.();
      } finally {
        current = await listenAgain();
      }
    },
    setFault: (mode, opts = {}) => faultCall({ mode, ...opts }),
    faultStatus: () => faultCall(),
    close: () => (closing ??= current.close().finally(() => rm(dataDir, { recursive: true, force: true }))),
  };
}
