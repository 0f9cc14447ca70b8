/**
 * The Sandbox's database with its write path kept off the request path's critical moments:
 * the SQLite file (db.ts), group commit (group-commit.ts: one transaction per event-loop
 * turn, replies and events held until it commits) and WAL checkpoints in a worker thread
 * (checkpointer.ts: the automatic checkpoint, and its fsync, never runs on the event loop).
 */
import { join } from 'node:path';
import { Checkpointer } from './checkpointer.ts';
import { DB_FILE, type Db, openDb } from './db.ts';
import { GroupCommit } from './group-commit.ts';

/** Options of openSandboxDb. */
export interface SandboxDbOptions {
  /** 0 (default): a batch commits when the event-loop turn that opened it ends; else after this many ms. */
  commitDelayMs?: number;
  /** How often the worker checkpoints the WAL, in ms (default 500). */
  checkpointMs?: number;
  /** Told about failed commits, checkpoints and event callbacks. */
  onError?: (error: unknown) => void;
}

/** An open Sandbox database. */
export interface SandboxDb {
  db: Db;
  commits: GroupCommit;
  checkpointer: Checkpointer;
  /** Commits what is pending, stops the checkpoint thread, then closes (and checkpoints) the file. */
  close(): Promise<void>;
}

/** Opens (creating or migrating) `<dataDir>/sandbox.db` for a running Sandbox. */
export function openSandboxDb(dataDir: string, opts: SandboxDbOptions = {}): SandboxDb {
  const onError = opts.onError ?? (() => undefined);
  const db = openDb(dataDir);
  // The worker checkpoints; past a checkpoint the WAL file is cut back to 64 MiB at most.
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${64 * 2 ** 20}`);
  const commits = new GroupCommit(db, opts.commitDelayMs ?? 0, onError);
  const checkpointer = new Checkpointer(join(dataDir, DB_FILE), opts.checkpointMs ?? 500, (message) => onError(new Error(message)));
  let closing: Promise<void> | undefined;
  return {
    db,
    commits,
    checkpointer,
    close: () =>
      (closing ??= (async () => {
        commits.commit();
        await checkpointer.close();
        db.close();
      })()),
  };
}
