/**
 * The catalogs' message format (src/core/i18n/format.ts) and the visitor family's sizes and
 * phrases: parameters, numbers, plurals by each language's CLDR rules (Arabic's six), exact
 * matches, custom types, and what happens to a parameter nobody passed.
 */
import { describe, expect, it } from 'vitest';
import { visitorAr } from '../../src/core/i18n/catalogs/visitor-ar';
import { visitorDe } from '../../src/core/i18n/catalogs/visitor-de';
import { visitorFr } from '../../src/core/i18n/catalogs/visitor-fr';
import { argumentsOf, formatMessage, pluralSelectorsOf } from '../../src/core/i18n/format';
import { translator } from '../../src/core/i18n/translate';
import { inEnglish, phrase, say, sizeText, visitorEnglish, visitorTranslator } from '../../src/core/i18n/visitor';

const FILES = '{n, plural, =0 {no files} one {# file} other {# files}}';

describe('formatMessage', () => {
  it('fills parameters and leaves text alone', () => {
    expect(formatMessage('{name} joined the chat', { name: 'Alice' })).toBe('Alice joined the chat');
    expect(formatMessage('No arguments, # and all')).toBe('No arguments, # and all');
  });

  it('keeps a parameter nobody passed visible instead of throwing', () => {
    expect(formatMessage('Hello {name}, {other}', { name: 'Jo' })).toBe('Hello Jo, {other}');
    expect(formatMessage('Broken {name')).toBe('Broken {name');
  });

  it('chooses plural branches: exact first, then the CLDR category, then other', () => {
    expect([0, 1, 2, 1234].map((n) => formatMessage(FILES, { n }))).toEqual(['no files', '1 file', '2 files', '1234 files']);
    expect(formatMessage(FILES, { n: 12345 }, 'de')).toBe('12.345 files');
    const ar = '{n, plural, zero {صفر} one {واحد} two {اثنان} few {# قليلة} many {# كثيرة} other {# أخرى}}';
    expect([0, 1, 2, 3, 11, 100].map((n) => formatMessage(ar, { n }, 'ar'))).toEqual(['صفر', 'واحد', 'اثنان', `${formatMessage('{n, number}', { n: 3 }, 'ar')} قليلة`, `${formatMessage('{n, number}', { n: 11 }, 'ar')} كثيرة`, `${formatMessage('{n, number}', { n: 100 }, 'ar')} أخرى`]);
  });

  it('fills parameters inside plural branches, and numbers in the locale', () => {
    expect(formatMessage('{n, plural, one {{name} sent # file} other {{name} sent # files}}', { n: 2, name: 'Jo' })).toBe('Jo sent 2 files');
    expect(formatMessage('{x, number}', { x: 12.5 }, 'fr')).toBe('12,5');
  });

  it('formats custom types the caller supplies', () => {
    expect(formatMessage('up to {max, size}', { max: 2048 }, 'en', { size: (v) => `${Number(v) / 1024} KB` })).toBe('up to 2 KB');
  });

  it('names the arguments and plural selectors a template uses', () => {
    expect(argumentsOf('{a} {b, size} {n, plural, one {{c}} other {#}}')).toEqual(['a', 'b:size', 'c', 'n:plural']);
    expect(pluralSelectorsOf(FILES)).toEqual(['=0', 'one', 'other']);
  });
});

describe('visitor translators', () => {
  it('say sizes in each language', () => {
    expect([1, 438, 1536, 10_485_760].map((b) => sizeText(b, visitorEnglish, 'en'))).toEqual(['1 byte', '438 bytes', '1.5 KB', '10 MB']);
    expect(sizeText(1536, visitorTranslator(visitorDe, 'de'), 'de')).toBe('1,5 KB');
    expect(sizeText(1536, visitorTranslator(visitorFr, 'fr'), 'fr')).toBe('1,5 Ko');
    expect(visitorTranslator(visitorDe, 'de')('upload.tooBig', { name: 'a.pdf', size: 12 * 1024 * 1024, max: 10 * 1024 * 1024 })).toBe(
      'a.pdf ist 12 MB groß; gesendet werden können Dateien bis 10 MB.',
    );
  });

  it('use the language’s plural forms (Arabic: two is its own form)', () => {
    const ar = visitorTranslator(visitorAr, 'ar');
    expect(ar('upload.tooMany', { max: 2 })).toBe('أرسلت ملفين، وهو الحد الأقصى لهذه المحادثة.');
    expect(ar('upload.tooMany', { max: 1 })).toContain('ملفًا واحدًا');
  });

  it('fall back to English for a key a (stale) catalog lacks, then to the key', () => {
    const partial = translator({ a: 'A' } as Record<'a' | 'b', string>, 'de', { a: 'a', b: 'English b' });
    expect([partial('a'), partial('b')]).toEqual(['A', 'English b']);
  });

  it('read phrases: a known key in the reader’s language, an unknown one as its stored text', () => {
    const joined = phrase('notice.joined', { name: 'Alice' });
    expect(inEnglish(joined)).toBe('Alice joined the chat');
    expect(say(visitorTranslator(visitorDe, 'de'), joined)).toBe('Alice ist dem Chat beigetreten');
    expect(say(visitorTranslator(visitorDe, 'de'), { key: 'notice.fromTheFuture' }, 'Stored text')).toBe('Stored text');
  });
});
