/**
 * Loads a language's visitor catalog when a UI first needs it: the build packs each language
 * as a JSON file of its own (scripts/catalog-assets.ts), so a widget fetches the one language it
 * speaks, never all eight, and its bundle carries none (English included). A catalog that
 * cannot be had falls back to English, then to the keys themselves.
 */
import { useEffect, useState } from 'preact/hooks';
import { catalogAsset, type VisitorCatalog } from '../../core/i18n/visitor';
import type { Language } from '../../core/profiles/languages';
import { wordsOf, type Words } from './words';

const loaded = new Map<Language, Words>();
const loading = new Map<Language, Promise<Words>>();

/**
 * A language's words from its packed catalog, fetched from the extension's own files (next to
 * the UI's scripts). A catalog that is missing or no object of strings gives English's (the
 * packed files are complete: tsc checks their sources).
 */
async function fetchWords(lang: Language): Promise<Words> {
  const raw: unknown = await fetch(new URL(catalogAsset(lang), import.meta.url)).then((r) => r.json()).catch(() => null);
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && Object.values(raw).every((v) => typeof v === 'string')) return wordsOf(lang, raw as VisitorCatalog);
  return lang === 'en' ? wordsOf('en', {} as VisitorCatalog) : loadWords('en');
}

/** The words of `lang`, loading its catalog the first time. */
export function loadWords(lang: Language): Promise<Words> {
  const ready = loaded.get(lang);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(lang);
  if (!pending) {
    pending = fetchWords(lang).then((words) => {
      loaded.set(lang, words);
      return words;
    });
    loading.set(lang, pending);
  }
  return pending;
}

/** Forgets every loaded catalog (tests). */
export function forgetCatalogs(): void {
  loaded.clear();
  loading.clear();
}

/**
 * The words of `lang` for a UI (PageApp, PopupApp, which provide them to their components):
 * at once when loaded, else null until they are (the UI shows nothing rather than a flash of
 * another language). No language: English.
 */
export function useWordsFor(lang: Language | undefined): Words | null {
  const want = lang ?? 'en';
  const [, setLoads] = useState(0);
  const words = loaded.get(want) ?? null;
  useEffect(() => {
    if (words) return;
    let live = true;
    void loadWords(want).then(() => live && setLoads((n) => n + 1));
    return () => {
      live = false;
    };
  }, [want, words]);
  return words;
}
