/** Presenting the outcome log (`outcomesItem`, stored oldest first) newest first. */
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import type { OutcomeRecord } from '../../protocol/storage';

/** At most this many rows are rendered; the log itself is bounded by the background. */
export const MAX_OUTCOME_ROWS = 200;

/** How an outcome reads in the log (one stored by another version: as it is). */
export const outcomeLabel = (outcome: OutcomeRecord['outcome'], t: Translate<StaffKey> = staffEnglish): string => {
  const key = `options.outcome.${outcome}`;
  return t.has(key) ? t(key) : outcome;
};

/**
 * The newest `limit` records, newest first. Sorted by time rather than just reversed:
 * records written by two contexts in quick succession may land out of order.
 */
export function newestFirst(records: readonly OutcomeRecord[], limit = MAX_OUTCOME_ROWS): OutcomeRecord[] {
  return newestFirstBy(records, (r) => r.at, limit);
}

/** The newest `limit` items by `at`, newest first; ties keep the stored order reversed (later first). */
export function newestFirstBy<T>(items: readonly T[], at: (item: T) => number, limit: number): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => at(b.item) - at(a.item) || b.i - a.i)
    .slice(0, limit)
    .map(({ item }) => item);
}

/** Local date and time to the second, e.g. `2025-03-14 09:26:53`: sortable and unambiguous. */
export function formatAt(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
