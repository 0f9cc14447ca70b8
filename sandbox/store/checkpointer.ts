/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit
 * that crosses the threshold, on the thread that commits, and a checkpoint fsyncs: on this
 * machine's disk a single fsync took 0.4 s to 6 s, freezing every request. So db.ts turns the
 * automatic checkpoint off and this worker thread, with its own connection to the file, runs
 * a PASSIVE checkpoint every `intervalMs`: it copies what it can without waiting for, or
 * blocking, the Sandbox's connection, which keeps appending to the WAL meanwhile.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain JavaScript evaluated in the worker (so it runs the same under tsx, vitest and node).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const run = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ type: 'checkpoint', busy: r.busy, log: r.log, checkpointed: r.checkpointed });
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error && error.message || error) });
  }
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage({ type: 'closed' });
});
`;

/** The running checkpoint thread of one database file. */
export class Checkpointer {
  private readonly worker: Worker;
  /** Checkpoints run so far (stats and tests). */
  checkpoints = 0;

  constructor(file: string, intervalMs = 500, onError: (message: string) => void = () => undefined) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
    this.worker.on('message', (m: { type: string; message?: string }) => {
      if (m.type === 'checkpoint') this.checkpoints++;
      if (m.type === 'error') onError(m.message ?? 'checkpoint failed');
    });
    this.worker.on('error', (e) => onError(e.message));
    // Never what keeps a process alive: close() ends it, and so does the process.
    this.worker.unref();
  }

  /** Stops checkpointing and closes the worker's connection (the main one checkpoints last). */
  async close(): Promise<void> {
    this.worker.ref(); // until it has closed its connection
    const closed = new Promise<void>((resolve) => {
      this.worker.on('message', (m: { type: string }) => m.type === 'closed' && resolve());
      this.worker.once('exit', () => resolve());
    });
    this.worker.postMessage('close');
    await closed;
    await this.worker.terminate();
  }
}
