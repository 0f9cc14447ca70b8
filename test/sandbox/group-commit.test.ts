/**
 * Group commit on a real SQLite file: writes share a batch, each write stays atomic on its
 * own, callbacks and waiters run only once the batch is committed, and a batch that cannot
 * commit is rolled back, its waiters rejected and its callbacks dropped.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../sandbox/store/group-commit.ts';

let dir: string;
let db: Database.Database;
let other: Database.Database;
let errors: unknown[];
let commits: GroupCommit;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'beckon-group-commit-'));
  db = new Database(join(dir, 'test.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
    CREATE TABLE item (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED, v TEXT NOT NULL)`);
  db.exec('INSERT INTO parent (id) VALUES (1)');
  // A second connection sees only what is committed.
  other = new Database(join(dir, 'test.db'), { readonly: true });
  errors = [];
  commits = new GroupCommit(db, 0, (e) => errors.push(e));
});
afterEach(() => {
  other.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (v: string, parent = 1) => commits.write(() => db.prepare('INSERT INTO item (parent, v) VALUES (?, ?)').run(parent, v));
const committed = () => other.prepare('SELECT v FROM item ORDER BY id').all().map((r: any) => r.v);
const nextTurn = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('commits the writes of one event-loop turn together, then runs callbacks and waiters in order', async () => {
    const seen: string[] = [];
    insert('a');
    commits.afterCommit(() => seen.push(`after a: ${committed().join(',')}`));
    insert('b');
    commits.afterCommit(() => seen.push('after b'));
    const durable = commits.durable().then(() => seen.push('durable'));
    expect([commits.pending, committed()]).toEqual([true, []]);
    await durable;
    expect(seen).toEqual(['after a: a,b', 'after b', 'durable']);
    expect(commits.counts).toEqual({ batches: 1, writes: 2 });
    expect(commits.pending).toBe(false);
  });

  it('runs callbacks at once and resolves at once when nothing is pending', async () => {
    let ran = false;
    commits.afterCommit(() => (ran = true));
    expect(ran).toBe(true);
    await commits.durable();
    expect(commits.counts.batches).toBe(0);
  });

  it('undoes only the failing write of a batch', async () => {
    insert('kept');
    expect(() => commits.write(() => {
      db.prepare('INSERT INTO item (parent, v) VALUES (1, ?)').run('undone');
      throw new Error('refused halfway');
    })).toThrow('refused halfway');
    insert('kept too');
    await commits.durable();
    expect(committed()).toEqual(['kept', 'kept too']);
  });

  it('rolls back a batch that cannot commit: waiters rejected, callbacks dropped, caches told, later batches fine', async () => {
    let rolledBack = 0;
    commits.onRollback(() => rolledBack++);
    const first = commits.nextBatch();
    insert('lost with the batch');
    insert('orphan', 99); // a deferred foreign key: checked only at COMMIT, which fails
    let called = false;
    commits.afterCommit(() => (called = true));
    await expect(commits.durable()).rejects.toThrow(/FOREIGN KEY/);
    expect([called, committed(), commits.failedSince(first), db.inTransaction]).toEqual([false, [], true, false]);
    expect([errors.length, rolledBack]).toEqual([1, 1]);
    const second = commits.nextBatch();
    insert('next');
    await commits.durable();
    expect([committed(), commits.failedSince(second), rolledBack]).toEqual([['next'], false, 1]);
  });

  it('keeps a callback that throws from stopping the others', async () => {
    insert('x');
    const seen: number[] = [];
    commits.afterCommit(() => seen.push(1));
    commits.afterCommit(() => {
      throw new Error('listener bug');
    });
    commits.afterCommit(() => seen.push(3));
    await commits.durable();
    expect(seen).toEqual([1, 3]);
    expect(String(errors[0])).toMatch(/listener bug/);
  });

  it('waits `delayMs` when asked, and commit() cuts the wait short', async () => {
    const slow = new GroupCommit(db, 10_000);
    slow.write(() => db.prepare("INSERT INTO item (parent, v) VALUES (1, 'slow')").run());
    await nextTurn();
    expect(committed()).toEqual([]);
    slow.commit();
    expect(committed()).toEqual(['slow']);
  });
});
