/**
 * Orderly shutdown for long-running scripts: the first SIGINT/SIGTERM/SIGHUP (or a call to
 * `stop()`) runs the registered steps once, last added first (like a cleanup stack), then
 * exits; a second signal while stopping exits at once.
 */

type Step = { name: string; run: () => Promise<unknown> };

/** Per-step limit: a hung browser must not keep the terminal hostage. */
const STEP_TIMEOUT_MS = 10_000;

export interface Shutdown {
  /** Adds a step; the last one added runs first. */
  add(name: string, run: () => Promise<unknown>): void;
  /** Runs the steps (once) and exits the process with `code`. */
  stop(reason: string, code?: number): Promise<never>;
  readonly stopping: boolean;
}

export function installShutdown(log: (line: string) => void = console.log): Shutdown {
  const steps: Step[] = [];
  let stopping = false;

  async function runSteps(): Promise<boolean> {
    let clean = true;
    for (const step of steps) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
      });
      try {
        await Promise.race([step.run(), timeout]);
      } catch (error) {
        clean = false;
        log(`  could not stop ${step.name}: ${(error as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    }
    return clean;
  }

  const shutdown: Shutdown = {
    add: (name, run) => void steps.unshift({ name, run }),
    get stopping() {
      return stopping;
    },
    async stop(reason, code = 0) {
      if (!stopping) {
        stopping = true;
        if (steps.length === 0) process.exit(code);
        log(`\nStopping (${reason})…`);
        const clean = await runSteps();
        log(clean ? 'Stopped.' : 'Stopped, with the errors above.');
        process.exit(clean ? code : code || 1);
      }
      return new Promise<never>(() => {});
    },
  };

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) {
        log(`${signal} again: exiting without waiting.`);
        process.exit(130);
      }
      void shutdown.stop(signal);
    });
  }
  return shutdown;
}
