/**
 * Time stamps written into files (transcripts, demo reports): a stored or server-given time may
 * be no date at all, and `toISOString` throws on those. Pure.
 */

/** ISO 8601 of a time stamp, or null when it is no date (NaN, or beyond ±8.64e15 ms). */
export const isoOrNull = (at: number | undefined): string | null => {
  const d = new Date(at ?? NaN);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

/** A file name's stamp of a time (`2026-12-02-09-41`), or null when it is no date. */
export const fileStamp = (at: number | undefined): string | null => isoOrNull(at)?.slice(0, 16).replace(/[T:]/g, '-') ?? null;
