/**
 * The visitor-facing catalog family: its keys (English's), translators with the family's own
 * argument type `size`, and phrases: a message by key and parameters, for text that is made in
 * one place (core, the background) and read in another, in the reader's language. Pure.
 *
 * English (`visitorEnglish`, `inEnglish`) is for core and the background. The in-page UI never
 * uses it: it loads the one catalog it speaks (src/ui/i18n/load.ts), and the English catalog
 * stays out of its bundle, tree-shaken, as long as nothing it runs names those two.
 */
import { visitorEn } from './catalogs/visitor-en';
import { formatNumber, type Params } from './format';
import { translator, type Catalog, type Translate } from './translate';

/** A key of the visitor catalogs. */
export type VisitorKey = keyof typeof visitorEn;
/** A visitor catalog in one language: every key English has, no other. */
export type VisitorCatalog = Catalog<VisitorKey>;

/**
 * A visitor message by key, with its parameters: what core and the background say (a notice,
 * a refusal) so that each UI shows it in its own language. The key is a string, not a
 * `VisitorKey`: stored chats outlive catalogs, and a key no catalog has shows its English text.
 */
export interface Phrase {
  key: string;
  params?: Params;
}

/** The phrase of `key` with `params`. */
export const phrase = (key: VisitorKey, params?: Params): Phrase => (params ? { key, params } : { key });

/** A byte count for people in `locale`: `438 bytes`, `12.5 KB`, `10 MB` (`12,5 KB` in German). */
export function sizeText(bytes: number, t: Translate<VisitorKey>, locale: string): string {
  if (!(bytes >= 1024)) return t('size.bytes', { n: Math.max(0, bytes) });
  const units = ['size.kb', 'size.mb', 'size.gb'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 10 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return t(units[unit]!, { n: formatNumber(rounded, locale) });
}

/** The translator of a visitor catalog for `locale` (`fallback` fills in any key it lacks). */
export function visitorTranslator(catalog: VisitorCatalog, locale: string, fallback?: VisitorCatalog): Translate<VisitorKey> {
  const t: Translate<VisitorKey> = translator(catalog, locale, fallback, { size: (v) => sizeText(Number(v), t, locale) });
  return t;
}

/** The visitor strings in English (core and the background: see above). */
export const visitorEnglish: Translate<VisitorKey> = /* @__PURE__ */ visitorTranslator(visitorEn, 'en');

/** A phrase in `t`'s language; a key `t` does not know reads as `otherwise` (or the key). */
export function say(t: Translate<VisitorKey>, p: Phrase, otherwise?: string): string {
  return t.has(p.key) ? t(p.key, p.params) : (otherwise ?? p.key);
}

/** A phrase in English: what is stored as a line's text, and what the background logs. */
export const inEnglish = (p: Phrase): string => say(visitorEnglish, p);

/** Where the build packs a language's visitor catalog as JSON (scripts/catalog-assets.ts), for the UIs to fetch. */
export const catalogAsset = (lang: string): string => `/i18n/visitor-${lang}.json`;
