/** Small helpers the load generator's threads share. */

/** Wall-clock time in ms with sub-millisecond resolution, comparable across threads of one process. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
