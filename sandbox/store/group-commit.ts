/**
 * Group commit: the writes of many requests share one SQLite transaction (a *batch*), so a
 * busy Sandbox commits a few hundred times a second instead of once per write, and a hot page
 * (a chat's row, the end of the messages table) goes into the WAL once per batch.
 *
 * - `write(fn)` runs `fn` atomically inside the open batch (a SAVEPOINT: better-sqlite3 nests
 *   a transaction inside an open one that way), opening a batch if none is; an error undoes
 *   `fn`'s writes only, so "a failed request changes nothing" still holds.
 * - The batch commits when the event-loop turn that opened it ends (`setImmediate`), or after
 *   `delayMs` when that is set (tests use it to widen the window).
 * - Nothing may leave before it is durable: `afterCommit(fn)` holds engine events until the
 *   batch commits, and `durable()` holds a reply (server.ts awaits it for every reply).
 * - A batch that fails to commit is rolled back: its events are dropped and its waiters
 *   rejected, and `failedSince(n)` tells a request that started in batch `n` or later.
 */
import type { Db } from './db.ts';

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

/** The batches of one database connection. */
export class GroupCommit {
  private open = false;
  /** Number of the open batch, or of the last one when none is open. */
  private batch = 0;
  private failedUpTo = 0;
  private after: (() => void)[] = [];
  private waiters: Waiter[] = [];
  private timer: NodeJS.Immediate | NodeJS.Timeout | undefined;
  private readonly rollbackListeners: (() => void)[] = [];
  private readonly stmt;
  /** Batches committed and writes run since start (stats and tests). */
  readonly counts = { batches: 0, writes: 0 };

  constructor(
    private readonly db: Db,
    private readonly delayMs = 0,
    /** Told about a failed commit and about a callback that threw (it never stops the others). */
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.stmt = { begin: db.prepare('BEGIN'), commit: db.prepare('COMMIT'), rollback: db.prepare('ROLLBACK') };
  }

  /** Runs `fn` atomically inside the open batch (opening one); an error undoes `fn`'s writes only. */
  write<T>(fn: () => T): T {
    if (!this.open) this.start();
    this.counts.writes++;
    return this.db.transaction(fn)();
  }

  /** True while a batch is open: some writes are not committed yet. */
  get pending(): boolean {
    return this.open;
  }

  /** The first batch a request arriving now could write into (see `failedSince`). */
  nextBatch(): number {
    return this.open ? this.batch : this.batch + 1;
  }

  /** True when batch `n` or a later one failed to commit. */
  failedSince(n: number): boolean {
    return this.failedUpTo >= n;
  }

  /** Calls `fn` after every batch that failed to commit (a cache of what the batch wrote must go). */
  onRollback(fn: () => void): void {
    this.rollbackListeners.push(fn);
  }

  /** Runs `fn` once everything written so far is committed: at once when no batch is open. */
  afterCommit(fn: () => void): void {
    if (this.open) this.after.push(fn);
    else fn();
  }

  /** Resolves once everything written so far is committed; rejects if that batch failed. */
  durable(): Promise<void> {
    if (!this.open) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Commits the open batch now (the timer does it otherwise; close() calls it last). */
  commit(): void {
    if (!this.open) return;
    clearImmediate(this.timer as NodeJS.Immediate);
    clearTimeout(this.timer as NodeJS.Timeout);
    this.open = false;
    const { after, waiters } = this;
    [this.after, this.waiters] = [[], []];
    try {
      // SQLite rolls a transaction back by itself after some errors (disk full, I/O error).
      if (!this.db.inTransaction) throw new Error('SQLite rolled the batch back.');
      this.stmt.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.stmt.rollback.run();
      this.failedUpTo = this.batch;
      this.onError(error);
      for (const fn of this.rollbackListeners) fn();
      for (const w of waiters) w.reject(error as Error);
      return;
    }
    this.counts.batches++;
    for (const fn of after) {
      try {
        fn();
      } catch (error) {
        this.onError(error);
      }
    }
    for (const w of waiters) w.resolve();
  }

  private start(): void {
    this.stmt.begin.run();
    this.open = true;
    this.batch++;
    this.timer = this.delayMs > 0 ? setTimeout(() => this.commit(), this.delayMs) : setImmediate(() => this.commit());
  }
}
