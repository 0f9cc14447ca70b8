/**
 * Catalogs and translators: a catalog maps every message key to its template (format.ts); a
 * translator fills in a key's template for one locale. Pure. English is each catalog family's
 * source: the other languages are typed against its keys, so a missing or unknown key is a
 * type error (and test/unit/i18n-catalogs.test.ts checks their arguments too).
 */
import { formatMessage, type Formats, type Params } from './format';

/** Every key of a catalog family, with its template in one language. */
export type Catalog<K extends string> = Readonly<Record<K, string>>;
/** A key's message in the translator's language; `has` says whether a key (one stored long ago) is one. */
export interface Translate<K extends string> {
  (key: K, params?: Params): string;
  has(key: string): key is K;
}

/**
 * A translator of `catalog` for `locale`. A key the catalog lacks at run time (an older or
 * damaged catalog file) falls back to `fallback`, then shows the key itself.
 */
export function translator<K extends string>(catalog: Catalog<K>, locale: string, fallback?: Catalog<K>, formats?: Formats): Translate<K> {
  const t = (key: K, params?: Params) => formatMessage(catalog[key] ?? fallback?.[key] ?? key, params, locale, formats);
  const has = (key: string): key is K => Object.hasOwn(catalog, key) || (fallback !== undefined && Object.hasOwn(fallback, key));
  return Object.assign(t, { has });
}
