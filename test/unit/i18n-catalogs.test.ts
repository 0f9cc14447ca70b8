/**
 * The catalog completeness check (issue 13): every visitor catalog has exactly English's keys,
 * each message names the same arguments as English's (the same byte sizes), and its plurals use
 * only its language's CLDR categories, with `other`. The checker is itself checked on broken
 * catalogs, so a test that cannot fail does not pass for one.
 */
import { describe, expect, it } from 'vitest';
import { visitorAr } from '../../src/core/i18n/catalogs/visitor-ar';
import { visitorDe } from '../../src/core/i18n/catalogs/visitor-de';
import { visitorEn } from '../../src/core/i18n/catalogs/visitor-en';
import { visitorEs } from '../../src/core/i18n/catalogs/visitor-es';
import { visitorFr } from '../../src/core/i18n/catalogs/visitor-fr';
import { visitorIt } from '../../src/core/i18n/catalogs/visitor-it';
import { visitorNl } from '../../src/core/i18n/catalogs/visitor-nl';
import { visitorPt } from '../../src/core/i18n/catalogs/visitor-pt';
import { argumentsOf, pluralSelectorsOf } from '../../src/core/i18n/format';
import { LANGUAGES, type Language } from '../../src/core/profiles/languages';

const CATALOGS: Record<Language, Readonly<Record<string, string>>> = {
  en: visitorEn, de: visitorDe, fr: visitorFr, es: visitorEs, nl: visitorNl, pt: visitorPt, it: visitorIt, ar: visitorAr,
};

/** A message's argument names, and which of them are byte sizes (those must stay sizes). */
const names = (template: string) => [...new Set(argumentsOf(template).map((a) => a.split(':')[0]!))].sort();
const sizes = (template: string) => argumentsOf(template).filter((a) => a.endsWith(':size')).sort();

/** What is wrong with `catalog` (in `locale`) against English, one line per problem. */
function catalogProblems(english: Readonly<Record<string, string>>, catalog: Readonly<Record<string, unknown>>, locale: string): string[] {
  const problems: string[] = [];
  const categories = new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
  for (const key of Object.keys(english)) if (!Object.hasOwn(catalog, key)) problems.push(`missing ${key}`);
  for (const [key, value] of Object.entries(catalog)) {
    const source = english[key];
    if (source === undefined) {
      problems.push(`unknown key ${key}`);
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '' || value !== value.trim()) {
      problems.push(`${key}: empty, or spaces at an end`);
      continue;
    }
    if (names(value).join() !== names(source).join()) problems.push(`${key}: arguments {${names(value).join(', ')}}, English has {${names(source).join(', ')}}`);
    if (sizes(value).join() !== sizes(source).join()) problems.push(`${key}: byte sizes ${sizes(value).join(', ')}, English has ${sizes(source).join(', ')}`);
    const selectors = pluralSelectorsOf(value);
    for (const s of selectors) if (!/^=\d+$/.test(s) && !categories.has(s)) problems.push(`${key}: plural category ${s} does not exist in ${locale}`);
    if (selectors.length > 0 && !selectors.includes('other')) problems.push(`${key}: a plural without other`);
  }
  return problems;
}

describe('visitor catalogs', () => {
  it('cover every language a profile can choose', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every key English has, no other, with the same arguments', (language) => {
    expect(catalogProblems(visitorEn, CATALOGS[language], language)).toEqual([]);
  });

  it('English itself is well formed', () => expect(catalogProblems(visitorEn, visitorEn, 'en')).toEqual([]));

  it('is really translated: no catalog repeats most of English', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      const same = Object.entries(CATALOGS[language]).filter(([key, text]) => text === visitorEn[key as keyof typeof visitorEn]);
      // Some strings are the same in any language ("{brand} · {queue}", "Chat", "{n} MB").
      expect(same.length, `${language} repeats ${same.map(([k]) => k).join(', ')}`).toBeLessThan(12);
    }
  });

  it('the check fails a catalog that lacks a key, has one English lacks, or names other arguments', () => {
    const { 'offer.accept': _dropped, ...lacking } = visitorDe;
    expect(catalogProblems(visitorEn, lacking, 'de')).toEqual(['missing offer.accept']);
    expect(catalogProblems(visitorEn, { ...visitorDe, 'offer.later': 'Später' }, 'de')).toEqual(['unknown key offer.later']);
    expect(catalogProblems(visitorEn, { ...visitorDe, 'notice.joined': '{nickname} ist da' }, 'de')).toEqual([
      'notice.joined: arguments {nickname}, English has {name}',
    ]);
    expect(catalogProblems(visitorEn, { ...visitorDe, 'upload.tooBig': '{name} ist {size} groß, erlaubt sind {max, size}.' }, 'de')).toEqual([
      'upload.tooBig: byte sizes max:size, English has max:size, size:size',
    ]);
    expect(catalogProblems(visitorEn, { ...visitorDe, 'upload.tooMany': '{max, plural, one {# Datei} few {# Dateien}} gesendet.' }, 'de')).toEqual([
      'upload.tooMany: plural category few does not exist in de', 'upload.tooMany: a plural without other',
    ]);
    expect(catalogProblems(visitorEn, { ...visitorDe, 'chat.end': ' ' }, 'de')).toEqual(['chat.end: empty, or spaces at an end']);
  });
});
