/** Retry timing for calls to a backend that is failing. */

/** Base delay of the first retry. */
export const BACKOFF_BASE_MS = 1_000;
/** No retry waits longer than this, so recovery is noticed within half a minute. */
export const BACKOFF_MAX_MS = 30_000;
/** After this many consecutive failures the UI says the chat server is unreachable. */
export const OFFLINE_AFTER_FAILURES = 3;

/**
 * Exponential backoff with full jitter: a random delay in [base·2^(n-1) / 2, base·2^(n-1)],
 * capped, so many clients recovering at once do not retry in lockstep.
 * `random` is injected (Math.random in production) to keep this pure.
 */
export function backoffDelay(failures: number, random: () => number): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
