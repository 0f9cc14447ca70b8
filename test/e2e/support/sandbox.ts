/** A throwaway Beckon Sandbox for one spec file: any free port, fresh data folder. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../sandbox/server.ts';

/** A running Sandbox plus its data folder; `close()` also deletes the folder. */
export type TestSandbox = RunningSandbox & { dataDir: string };

/** Any startSandbox option except where it listens and stores (agents, queues, ...). */
export type TestSandboxOptions = Omit<SandboxOptions, 'port' | 'host' | 'dataDir'>;

/** Starts a Sandbox on 127.0.0.1, port 0, in a new temp data folder. */
export async function startTestSandbox(opts: TestSandboxOptions = {}): Promise<TestSandbox> {
  const dataDir = await mkdtemp(join(tmpdir(), 'beckon-e2e-sandbox-'));
  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox({ quiet: true, ...opts, port: 0, host: '127.0.0.1', dataDir });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    ...sandbox,
    dataDir,
    close: () => (closing ??= sandbox.close().finally(() => rm(dataDir, { recursive: true, force: true }))),
  };
}
