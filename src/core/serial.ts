/**
 * One task at a time, in call order: each task starts after the previous one settled, and a
 * failing task neither stops the line nor hides its error from its own caller. This is how
 * the background serialises read-modify-write work on shared state (offers, the visitor's
 * capping state, the CRM queue, chat storage) without each keeping its own promise chain.
 */
export interface Serial {
  /** Runs `task` after every task queued before it; resolves or rejects with its result. */
  run<T>(task: () => T | Promise<T>): Promise<T>;
  /** Resolves once everything queued so far has settled. */
  idle(): Promise<void>;
}

/** Creates an empty line of tasks. */
export function serial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => T | Promise<T>): Promise<T> {
      const result = tail.then(task, task);
      tail = result.catch(() => undefined);
      return result;
    },
    idle: () => tail.then(() => undefined),
  };
}
