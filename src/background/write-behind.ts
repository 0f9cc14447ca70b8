import { serial } from '../core/serial';

/** The storage calls the writer makes (`browser.storage.local`, or a fake in a unit test). */
export interface KeyValueStorage {
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

const REMOVE = Symbol('remove');
/** A noted value, and the note's number: a failed write puts back only notes nothing replaced since. */
type Pending = { value: unknown | typeof REMOVE; note: number };

/** How long after a failed write the writer tries again on its own. */
const RETRY_MS = 1_000;

/**
 * Storage written behind memory. `set` and `remove` only note the newest value of a key; the
 * notes of one turn of the event loop go out as one write (a burst of changes costs one
 * `storage.set`), batches are written one at a time in order, and `flush()` resolves once
 * everything noted before it is stored, so a caller can persist before it acts. A failed
 * write rejects the flushes waiting on it and is retried with whatever newer values came in
 * meanwhile: nothing noted is dropped.
 */
export class WriteBehind {
  private pending = new Map<string, Pending>();
  private readonly line = serial();
  /** The write of the batch that is out, or the last one, settled either way: what a flush with nothing new waits for. */
  private last: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private notes = 0;
  /** The number of each key's newest note. */
  private readonly newest = new Map<string, number>();
  /** Settled by the write that takes the notes pending now (see `stored`). */
  private next: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | undefined;

  constructor(private readonly storage: KeyValueStorage, private readonly onError: (e: unknown) => void = () => undefined) {}

  /** Notes `value` as the newest for `key`. */
  set(key: string, value: unknown): void {
    this.note(key, value);
  }

  /** Notes that `key` goes. */
  remove(key: string): void {
    this.note(key, REMOVE);
  }

  private note(key: string, value: unknown): void {
    const note = ++this.notes;
    this.newest.set(key, note);
    this.pending.set(key, { value, note });
    this.soon(0);
  }

  /** True while something noted is not stored yet. */
  get dirty(): boolean {
    return this.pending.size > 0;
  }

  /**
   * Resolves once everything noted so far is stored, by the write the writer makes on its own
   * in the next turn: callers of one turn share one write (use this to persist, then act).
   */
  stored(): Promise<void> {
    if (this.pending.size === 0) return this.last;
    if (!this.next) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      this.next = { promise, resolve, reject };
    }
    return this.next.promise;
  }

  /** Writes what is noted now, without waiting for the next turn; resolves once it is stored. */
  flush(): Promise<void> {
    if (this.pending.size === 0) return this.last;
    const batch = this.pending;
    const waiting = this.next;
    this.pending = new Map();
    this.next = undefined;
    const written = this.line.run(() => this.write(batch));
    if (waiting) written.then(waiting.resolve, waiting.reject);
    // What a later flush with nothing new waits for: this write having settled. A failure is
    // reported to those waiting on this batch; its values are pending again, so a later
    // `stored()` waits for their retry instead of repeating an old failure forever.
    this.last = written.catch(() => undefined);
    return written;
  }

  private soon(ms: number): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => undefined); // reported by write(); callers that flush see it too
    }, ms);
  }

  private async write(batch: Map<string, Pending>): Promise<void> {
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const [key, { value }] of batch) {
      if (value === REMOVE) remove.push(key);
      else set[key] = value;
    }
    try {
      if (Object.keys(set).length > 0) await this.storage.set(set);
      if (remove.length > 0) await this.storage.remove(remove);
      for (const [key, entry] of batch) if (this.newest.get(key) === entry.note) this.newest.delete(key);
    } catch (e) {
      // Put back what nothing newer replaced (pending or in a later batch), and try again later.
      for (const [key, entry] of batch) if (this.newest.get(key) === entry.note) this.pending.set(key, entry);
      this.onError(e);
      this.soon(RETRY_MS);
      throw e;
    }
  }
}
