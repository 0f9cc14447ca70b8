/**
 * What a widget shows of a demo profile on one tab: the profile of the enabled site the tab is
 * on, with its language resolved (the page's own `<html lang>` when the profile says so). Pure.
 */
import type { Profile } from './profile';
import { directionOf, resolveLanguage, type Language } from './languages';

/** The look and language a UI renders (the page frame and the popup's chat view). */
export interface Look {
  brand: string;
  accent: string;
  accentInk: string;
  logo?: string;
  corner: Profile['corner'];
  /** The profile's eyebrow; empty: the language's own. */
  eyebrow: string;
  language: Language;
  dir: 'ltr' | 'rtl';
}

/** The look of `profile` on a page whose `<html lang>` is `pageLang`. */
export function lookOf(profile: Profile, pageLang: string | undefined): Look {
  const language = resolveLanguage(profile.language, pageLang);
  return {
    brand: profile.brand, accent: profile.accent, accentInk: profile.accentInk, ...(profile.logo ? { logo: profile.logo } : {}),
    corner: profile.corner, eyebrow: profile.eyebrow, language, dir: directionOf(language),
  };
}
