/**
 * What a benchmark hands back, and the small statistics they share. Figures go to stdout as
 * one JSON object per line (run.ts prints them); everything meant for a person goes to stderr
 * so that `npm run bench > figures.jsonl` keeps only the figures.
 */

/** One measured figure, printed exactly as `{"metric": ..., "value": ..., "unit": ...}`. */
export interface Metric {
  metric: string;
  value: number;
  unit: string;
}

/** Thrown when a measurement could not be made: run.ts prints the reason and exits non-zero. */
export class MeasurementError extends Error {}

/** Progress and explanations: stderr, prefixed so they are easy to tell from the browser's noise. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The line printed on stdout for a metric (numbers rounded to what the method can resolve). */
export function formatMetric(m: Metric): string {
  return `{"metric": ${JSON.stringify(m.metric)}, "value": ${JSON.stringify(m.value)}, "unit": ${JSON.stringify(m.unit)}}`;
}

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new MeasurementError('median of no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (`p` in 0..100) of a non-empty list: the p95 of 30 samples is the 29th smallest. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new MeasurementError('percentile of no samples');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Rounds to `digits` decimals: trace timestamps are microseconds, so 3 digits of ms is all there is. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `1.23 / 1.40 / 2.01 ms (min / median / max of 10)`, for the stderr summary of a sampled figure. */
export function spread(values: number[], unit: string): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${round(sorted[0]!)} / ${round(median(sorted))} / ${round(sorted.at(-1)!)} ${unit} (min / median / max of ${values.length})`;
}

/** What run.ts hands each benchmark. */
export interface BenchContext {
  /** The unpacked Chrome build under test (a private snapshot of `.output/chrome-mv3`). */
  extensionDir: string;
  /** The shared Sandbox + Chromium, started on first use. */
  session(): Promise<import('./session.ts').BenchSession>;
}

/** One benchmark: a file under bench/, run by name (`npm run bench -- <name>`). */
export interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<Metric[]>;
}
