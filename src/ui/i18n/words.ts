/**
 * What a visitor-facing component needs to speak the visitor's language: the translator, the
 * language and its direction, and the locale's clock, byte sizes and lists. `useWords()` gives
 * the words of the `VisitorLanguage` provider above (PageApp, PopupApp: the tab's language,
 * load.ts). No catalog is imported here: the in-page bundle carries none.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { say, sizeText, visitorTranslator, type Phrase, type VisitorCatalog, type VisitorKey } from '../../core/i18n/visitor';
import type { Translate } from '../../core/i18n/translate';
import { directionOf } from '../../core/i18n/direction';
import type { Language } from '../../core/profiles/languages';

/** The visitor-facing words of one language. */
export interface Words {
  lang: Language;
  dir: 'ltr' | 'rtl';
  t: Translate<VisitorKey>;
  /**
   * A phrase in this language, or words of the server's as they are; a phrase no catalog knows
   * (stored by another version) reads as `otherwise`.
   */
  say: (said: Phrase | string, otherwise?: string) => string;
  /** Clock time of a time stamp (`14:05`, `2:05 PM`), '' for one out of range. */
  clock: (at: number) => string;
  /** A byte count (`12.5 KB`, `12,5 Ko`). */
  size: (bytes: number) => string;
  /** Names as a list (`Alice, Bob`; `Alice et Bob`). */
  list: (items: readonly string[]) => string;
}

/** The words of `lang` from its catalog. One clock formatter per language: a long chat formats many lines. */
export function wordsOf(lang: Language, catalog: VisitorCatalog): Words {
  const t = visitorTranslator(catalog, lang);
  const clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });
  const list = new Intl.ListFormat(lang, { type: 'unit', style: 'short' });
  return {
    lang, dir: directionOf(lang), t,
    say: (said, otherwise) => (typeof said === 'string' ? said : say(t, said, otherwise)),
    clock: (at) => (Number.isFinite(at) && Math.abs(at) <= 8.64e15 ? clock.format(at) : ''),
    size: (bytes) => sizeText(bytes, t, lang),
    list: (items) => list.format(items),
  };
}

/** Words without a catalog: each message shows its key (a component rendered outside any provider). */
const NO_CATALOG: Words = wordsOf('en', {} as VisitorCatalog);

/** The visitor's words in effect below it. */
export const VisitorLanguage = createContext<Words>(NO_CATALOG);

/** The visitor's words: `const w = useWords(); w.t('offer.accept')`. */
export const useWords = (): Words => useContext(VisitorLanguage);
