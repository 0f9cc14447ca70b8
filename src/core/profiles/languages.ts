/**
 * The visitor-facing languages Beckon has catalogs for, and how a profile's language choice
 * becomes the locale a widget speaks. Pure.
 */

/** Languages with a catalog (BCP 47 primary tags), English first: the fallback. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl', 'pt', 'it', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name, for the options page's list. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', nl: 'Nederlands', pt: 'Português', it: 'Italiano', ar: 'العربية',
};

/** A profile's choice: one language, or the page's own (`<html lang>`). */
export type LanguageChoice = Language | 'page';

/** The language of a BCP 47 tag (`de-CH` → `de`) if Beckon has it, else null. */
export function supportedLanguage(tag: string | undefined): Language | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : null;
}

/** The language a widget speaks: the profile's, or the page's when it says so and Beckon has it, else English. */
export function resolveLanguage(choice: LanguageChoice, pageLang: string | undefined): Language {
  return choice === 'page' ? (supportedLanguage(pageLang) ?? 'en') : choice;
}

/** The writing direction of a language (kept in src/core/i18n/direction.ts, light enough for the in-page UI). */
export { directionOf } from '../i18n/direction';
