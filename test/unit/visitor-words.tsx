/**
 * The visitor's words for UI tests: English from its typed catalog (the UIs fetch theirs at
 * run time), a wrapper that renders components in a language, as PageApp and PopupApp do, and
 * the packed catalogs served to a UI that fetches them.
 */
import type { ComponentChildren } from 'preact';
import { vi } from 'vitest';
import { forgetCatalogs } from '../../src/ui/i18n/load';
import { visitorEn } from '../../src/core/i18n/catalogs/visitor-en';
import type { VisitorCatalog } from '../../src/core/i18n/visitor';
import type { Language } from '../../src/core/profiles/languages';
import { VisitorLanguage, wordsOf } from '../../src/ui/i18n/words';
import { catalogAssets, VISITOR_CATALOGS } from '../../scripts/catalog-assets';

/** English words. */
export const ENGLISH = wordsOf('en', visitorEn);

/** The words of any language, from its typed catalog. */
export const wordsIn = (lang: Language) => wordsOf(lang, VISITOR_CATALOGS[lang] as VisitorCatalog);

/** `children` in English (or the language given), as PageApp and PopupApp provide it. */
export function InLanguage({ lang = 'en', children }: { lang?: Language; children: ComponentChildren }) {
  return <VisitorLanguage.Provider value={lang === 'en' ? ENGLISH : wordsIn(lang)}>{children}</VisitorLanguage.Provider>;
}

/**
 * Serves the packed catalogs (`catalogAssets()`, what the build writes) at their paths to the
 * UIs' `fetch`, forgetting those already loaded; `broken`: paths that fail. Returns the list the
 * fetched paths go to, in order.
 */
export function serveCatalogs(broken: (path: string) => Response | null = () => null): string[] {
  forgetCatalogs();
  const fetched: string[] = [];
  const files = new Map(catalogAssets().map((a) => [`/${a.relativeDest}`, a.contents]));
  vi.stubGlobal('fetch', async (url: URL) => {
    fetched.push(url.pathname);
    const file = files.get(url.pathname);
    return broken(url.pathname) ?? (file ? new Response(file) : new Response('not found', { status: 404 }));
  });
  return fetched;
}
