/**
 * Which way a language is written. Its own small module: the in-page UI needs it without the
 * list of languages and their names (src/core/profiles/languages.ts, which re-exports it). Pure.
 */

/** Languages written right to left (BCP 47 primary tags). */
const RTL = new Set<string>(['ar', 'he', 'fa', 'ur']);

/** The writing direction of a language. */
export const directionOf = (language: string): 'ltr' | 'rtl' => (RTL.has(language) ? 'rtl' : 'ltr');
