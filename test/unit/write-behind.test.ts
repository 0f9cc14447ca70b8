import { afterEach, describe, expect, it, vi } from 'vitest';
import { WriteBehind, type KeyValueStorage } from '../../src/background/write-behind';

/** An in-memory storage that records each write and can be made to fail or wait. */
function fakeStorage() {
  const data: Record<string, unknown> = {};
  const writes: { set?: Record<string, unknown>; remove?: string[] }[] = [];
  let failures = 0;
  let gate: Promise<void> | null = null;
  const storage: KeyValueStorage = {
    async set(items) {
      if (gate) await gate;
      if (failures > 0) {
        failures--;
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      writes.push({ set: structuredClone(items) });
      Object.assign(data, structuredClone(items));
    },
    async remove(keys) {
      writes.push({ remove: [...keys] });
      for (const k of keys) delete data[k];
    },
  };
  return {
    storage, data, writes,
    failNext: (n = 1) => void (failures = n),
    hold: () => {
      let open!: () => void;
      gate = new Promise((r) => (open = r));
      return () => { gate = null; open(); };
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('WriteBehind', () => {
  it('coalesces a burst into one write with each key\'s newest value', async () => {
    const s = fakeStorage();
    const w = new WriteBehind(s.storage);
    w.set('chat:1', { n: 1 });
    w.set('chat:1:e0', 'hello');
    w.set('chat:1', { n: 2 });
    await w.flush();
    expect(s.writes).toEqual([{ set: { 'chat:1': { n: 2 }, 'chat:1:e0': 'hello' } }]);
  });

  it('writes on its own in the next turn, without a flush', async () => {
    const s = fakeStorage();
    const w = new WriteBehind(s.storage);
    w.set('a', 1);
    expect(s.writes).toEqual([]);
    await new Promise((r) => setTimeout(r, 5));
    expect(s.data).toEqual({ a: 1 });
    expect(w.dirty).toBe(false);
  });

  it('flush resolves only once what was noted before it is stored: persist, then act', async () => {
    const s = fakeStorage();
    const w = new WriteBehind(s.storage);
    const release = s.hold();
    w.set('outbox', ['pending message']);
    let stored = false;
    const flushed = w.flush().then(() => (stored = 'outbox' in s.data));
    await new Promise((r) => setTimeout(r, 5));
    expect(stored).toBe(false); // the write has not landed: nothing may act on it yet
    release();
    await flushed;
    expect(stored).toBe(true);
  });

  it('keeps batches in order: a later value never lands before an earlier one', async () => {
    const s = fakeStorage();
    const w = new WriteBehind(s.storage);
    const release = s.hold();
    w.set('k', 'old');
    const first = w.flush();
    w.set('k', 'new');
    const second = w.flush();
    release();
    await Promise.all([first, second]);
    expect(s.writes.map((x) => x.set?.k)).toEqual(['old', 'new']);
    expect(s.data.k).toBe('new');
  });

  it('a flush with nothing new waits for the write that is out', async () => {
    const s = fakeStorage();
    const w = new WriteBehind(s.storage);
    const release = s.hold();
    w.set('k', 1);
    const first = w.flush();
    let done = false;
    const again = w.flush().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    release();
    await Promise.all([first, again]);
    expect(done).toBe(true);
  });

  it('a failing write rejects its flush, keeps the values, and retries without bringing back replaced ones', async () => {
    vi.useFakeTimers();
    const s = fakeStorage();
    const errors: unknown[] = [];
    const w = new WriteBehind(s.storage, (e) => errors.push(e));
    s.failNext();
    w.set('a', 'first');
    w.set('b', 'kept');
    const failed = w.flush();
    await expect(failed).rejects.toThrow('quota');
    expect(errors).toHaveLength(1);
    expect(w.dirty).toBe(true);
    w.set('a', 'newer'); // replaces the failed value of a
    await vi.advanceTimersByTimeAsync(1_500);
    expect(s.data).toEqual({ a: 'newer', b: 'kept' });
    expect(w.dirty).toBe(false);
  });

  it('does not let a failed batch overwrite a newer value already written by a later batch', async () => {
    const s = fakeStorage();
    const w = new WriteBehind(s.storage, () => undefined);
    s.failNext();
    w.set('k', 'old');
    const first = w.flush();
    w.set('k', 'new');
    const second = w.flush();
    await expect(first).rejects.toThrow();
    await second;
    await w.flush();
    await new Promise((r) => setTimeout(r, 5));
    expect(s.data.k).toBe('new');
    expect(w.dirty).toBe(false);
  });

  it('removes keys, and a removal and a later set of the same key end with the set', async () => {
    const s = fakeStorage();
    const w = new WriteBehind(s.storage);
    w.set('x', 1);
    w.set('y', 2);
    await w.flush();
    w.remove('x');
    w.remove('y');
    w.set('y', 3);
    await w.flush();
    expect(s.data).toEqual({ y: 3 });
  });
});

describe('WriteBehind.stored', () => {
  it('lets the callers of one turn share one write, and resolves each once its change is stored', async () => {
    const s = fakeStorage();
    const w = new WriteBehind(s.storage);
    const done: string[] = [];
    const waits = ['a', 'b', 'c'].map((k) => {
      w.set(k, k);
      return w.stored().then(() => done.push(k in s.data ? k : `${k} not stored`));
    });
    await Promise.all(waits);
    expect(s.writes).toHaveLength(1);
    expect(done).toEqual(['a', 'b', 'c']);
  });

  it('rejects the waiters of a write that failed', async () => {
    const s = fakeStorage();
    const w = new WriteBehind(s.storage, () => undefined);
    s.failNext();
    w.set('a', 1);
    await expect(w.stored()).rejects.toThrow('quota');
  });
});

describe('WriteBehind after a failure that left nothing to retry', () => {
  it('does not repeat an old failure to later callers once everything is stored', async () => {
    const s = fakeStorage();
    const w = new WriteBehind(s.storage, () => undefined);
    s.failNext();
    w.set('k', 'old');
    const first = w.flush();
    w.set('k', 'new'); // supersedes the failing value
    const second = w.flush();
    await expect(first).rejects.toThrow();
    await second;
    await expect(w.stored()).resolves.toBeUndefined();
    await expect(w.flush()).resolves.toBeUndefined();
  });
});
