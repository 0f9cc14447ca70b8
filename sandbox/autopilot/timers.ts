/**
 * Timers the autopilot can account for and cancel all at once: every timer is in a set until
 * it fires or is cancelled, so `size` says how many are pending (stats, leak tests) and
 * `clear()` stops them all (a chat that ends, a takeover, the Sandbox closing).
 */

/** A set of pending timers. */
export class TimerSet {
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();

  /** Timers not fired or cancelled yet. */
  get size(): number {
    return this.pending.size;
  }

  /** Runs `fn` after `ms`; returns a function that cancels it. */
  after(ms: number, fn: () => void): () => void {
    const handle = setTimeout(() => {
      this.pending.delete(handle);
      fn();
    }, ms);
    this.pending.add(handle);
    return () => {
      clearTimeout(handle);
      this.pending.delete(handle);
    };
  }

  /**
   * Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts (its timer is
   * then cancelled at once, not left to fire).
   */
  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(abortError());
      const onAbort = () => {
        cancel();
        reject(abortError());
      };
      const cancel = this.after(ms, () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Cancels every pending timer. */
  clear(): void {
    for (const handle of this.pending) clearTimeout(handle);
    this.pending.clear();
  }
}

/** The error a cancelled sleep rejects with. */
export const abortError = () => new DOMException('The autopilot stopped on this chat.', 'AbortError');

/** True for the error of a cancelled sleep. */
export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';
