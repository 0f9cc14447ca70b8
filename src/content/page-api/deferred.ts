/**
 * The jQuery-style promise the seed's Chat Service API returns (`.done`, `.fail`, also `.then`
 * and `.always`): callbacks added after it settled run at once, and a failure nobody listens to
 * is not an "uncaught rejection" in the page's console.
 */
import { PAGE_API_ERRORS } from '../../protocol/page-api';

/** What a page gets back from every call. */
export interface SeedPromise<T> {
  done(fn: (value: T) => void): SeedPromise<T>;
  fail(fn: (event: FailEvent) => void): SeedPromise<T>;
  always(fn: () => void): SeedPromise<T>;
  then<R = T>(onDone?: (value: T) => R | PromiseLike<R>, onFail?: (event: FailEvent) => R | PromiseLike<R>): Promise<R>;
}

/** The seed's failure event: `error.code` and `error.description`; no `error` means "nothing to restore". */
export interface FailEvent {
  error?: { code: number; description: string };
}

/** Runs a page's callback: one that throws is reported as the page would see it, and the others still run. */
export function runPageCallback(fn: (arg?: unknown) => void, arg?: unknown): void {
  try {
    fn(arg);
  } catch (e) {
    setTimeout(() => { throw e; });
  }
}

type State<T> = { settled: false } | { settled: true; ok: true; value: T } | { settled: true; ok: false; event: FailEvent };

/** A promise and the two functions that settle it (the first call wins). */
export function deferred<T>(): { promise: SeedPromise<T>; resolve(value: T): void; reject(event: FailEvent): void } {
  let state: State<T> = { settled: false };
  const waiting: { ok: boolean | null; fn: (arg?: unknown) => void }[] = [];
  const run = runPageCallback;
  const settle = (next: State<T>) => {
    if (state.settled) return;
    state = next;
    for (const w of waiting.splice(0)) {
      if (w.ok === null) run(w.fn);
      else if (next.settled && w.ok === next.ok) run(w.fn, next.ok ? next.value : next.event);
    }
  };
  const add = (ok: boolean | null, fn: (arg?: unknown) => void) => {
    if (!state.settled) waiting.push({ ok, fn });
    else if (ok === null) run(fn);
    else if (ok === state.ok) run(fn, state.ok ? state.value : state.event);
  };
  const promise: SeedPromise<T> = {
    done(fn) {
      add(true, fn as (arg?: unknown) => void);
      return promise;
    },
    fail(fn) {
      add(false, fn as (arg?: unknown) => void);
      return promise;
    },
    always(fn) {
      add(null, fn);
      return promise;
    },
    then(onDone, onFail) {
      return new Promise((resolve, reject) => {
        add(true, (v) => resolve(onDone ? onDone(v as T) : (v as never)));
        add(false, (e) => (onFail ? resolve(onFail(e as FailEvent)) : reject(e)));
      });
    },
  };
  return {
    promise,
    resolve: (value) => settle({ settled: true, ok: true, value }),
    reject: (event) => settle({ settled: true, ok: false, event }),
  };
}

/** A call refused before it was sent (its arguments): a failed promise with the seed's bad-arguments code. */
export function rejected<T = never>(description: string): SeedPromise<T> {
  const d = deferred<T>();
  d.reject({ error: { code: PAGE_API_ERRORS.badArguments, description } });
  return d.promise;
}
