/**
 * The visitor's words for UI tests: English from its typed catalog (the UIs fetch theirs at
 * run time), and a wrapper that renders components in a language, as PageApp and PopupApp do.
 */
import type { ComponentChildren } from 'preact';
import { visitorEn } from '../../src/core/i18n/catalogs/visitor-en';
import type { VisitorCatalog } from '../../src/core/i18n/visitor';
import type { Language } from '../../src/core/profiles/languages';
import { VisitorLanguage, wordsOf } from '../../src/ui/i18n/words';
import { VISITOR_CATALOGS } from '../../scripts/catalog-assets';

/** English words. */
export const ENGLISH = wordsOf('en', visitorEn);

/** The words of any language, from its typed catalog. */
export const wordsIn = (lang: Language) => wordsOf(lang, VISITOR_CATALOGS[lang] as VisitorCatalog);

/** `children` in English (or the language given), as PageApp and PopupApp provide it. */
export function InLanguage({ lang = 'en', children }: { lang?: Language; children: ComponentChildren }) {
  return <VisitorLanguage.Provider value={lang === 'en' ? ENGLISH : wordsIn(lang)}>{children}</VisitorLanguage.Provider>;
}
