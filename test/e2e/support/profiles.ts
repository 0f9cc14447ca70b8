/**
 * Demo profiles for the e2e specs (issue 13): a branded German one and an Arabic one, settings
 * that use them on the demo site, and the check that a UI shows no English: every literal
 * fragment of the English visitor catalog that the other language does not share is looked for
 * in the rendered text and in the text attributes a screen reader or a tooltip shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { visitorEn } from '../../../src/core/i18n/catalogs/visitor-en.ts';
import type { VisitorCatalog } from '../../../src/core/i18n/visitor.ts';
import { DEFAULT_PROFILE, type Profile } from '../../../src/core/profiles/profile.ts';
import type { Rule } from '../../../src/core/rules/rule-schema.ts';
import type { Settings } from '../../../src/core/settings.ts';
import { ROOT } from './paths.ts';

/** The demo site's pattern, enabled in a fresh install. */
export const DEMO_SITE = 'http://127.0.0.1/demo/*';

/** A real PNG for the logo (the extension's own 48 px icon), as a profile keeps it. */
export const LOGO = `data:image/png;base64,${readFileSync(join(ROOT, 'public/icon/48.png')).toString('base64')}`;

/** A German bank's look: its brand, a dark green with white text, the logo, its own eyebrow. */
export const NORDBANK: Profile = {
  id: 'nordbank', name: 'Nordbank AG', brand: 'Nordbank', accent: '#0b5d3b', accentInk: '#ffffff', logo: LOGO,
  corner: 'bottom-right', eyebrow: 'Nordbank hilft', language: 'de',
};
/** An Arabic bank's look: right to left, in the bottom-left corner, the language's own eyebrow. */
export const SAHARA: Profile = {
  id: 'sahara', name: 'Sahara Bank', brand: 'مصرف الصحراء', accent: '#8a1538', accentInk: '#ffffff',
  corner: 'bottom-left', eyebrow: '', language: 'ar',
};

/** `#rrggbb` as a computed style writes it. */
export const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/**
 * `current` pointed at the Sandbox, with both profiles, the demo site on `profileId`, and these
 * rules (the CRM goes to the same Sandbox).
 */
export function profileSettings(current: Settings, sandboxUrl: string, profileId: string, rules: Rule[]): Settings {
  return {
    ...current,
    backend: { ...current.backend, url: sandboxUrl },
    crm: { ...current.crm, sandbox: { ...current.crm.sandbox, url: sandboxUrl } },
    profiles: [DEFAULT_PROFILE, NORDBANK, SAHARA],
    siteOptions: { ...current.siteOptions, [DEMO_SITE]: { pageApi: false, offerWaitSeconds: 0, chatQueue: '', profileId } },
    rules,
  };
}

/** A template's literal runs: what is left between its `{…}` arguments (plural branches dropped). */
function literalRuns(template: string): string[] {
  let rest = template;
  // Innermost groups first, so a plural's branches go with it.
  while (/\{[^{}]*\}/.test(rest)) rest = rest.replace(/\{[^{}]*\}/g, '\u0000');
  return rest.split('\u0000').map((s) => s.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')).filter((s) => /\p{L}{3}/u.test(s));
}

/**
 * The English fragments that must not show in a UI speaking `catalog`'s language: each English
 * message's literal runs, except the messages that read the same there and runs the other
 * catalog also has (German "Chat" is English "Chat").
 */
export function englishOnlyFragments(catalog: VisitorCatalog): string[] {
  const theirs = Object.values(catalog).join('\n');
  const fragments = new Set<string>();
  for (const [key, english] of Object.entries(visitorEn)) {
    if (catalog[key as keyof VisitorCatalog] === english) continue;
    for (const run of literalRuns(english)) if (!new RegExp(`(?<!\\p{L})${escapeRegExp(run)}(?!\\p{L})`, 'u').test(theirs)) fragments.add(run);
  }
  return [...fragments];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English fragments found in `texts` (whole words only: "Send" is not in "Senden"). */
export function englishIn(texts: readonly string[], catalog: VisitorCatalog): string[] {
  const all = texts.join('\n');
  return englishOnlyFragments(catalog).filter((f) => new RegExp(`(?<!\\p{L})${escapeRegExp(f)}(?!\\p{L})`, 'u').test(all));
}

/** In a UI document: its visible text and every aria-label, title, placeholder and alt. */
export function renderedTexts(): string[] {
  const texts = [document.body.innerText];
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = el.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  return texts;
}
