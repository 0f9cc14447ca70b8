/**
 * The English staff catalog (issue 13): its parts by area repeat no key, its messages are well
 * formed, the names it copies from core stay core's, and every call of a message in the staff
 * UIs' source passes each argument the message names. Each check is itself checked on a broken
 * input, so a check that cannot fail does not pass for one. (That the pages show nothing but
 * catalog text: staff-catalog.test.tsx.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { staffEn, staffEnParts } from '../../src/core/i18n/catalogs/staff-en';
import { argumentsOf, pluralSelectorsOf } from '../../src/core/i18n/format';
import { CRM_CONNECTOR_INFO, CRM_CONNECTORS } from '../../src/core/crm/settings';
import { NUMERIC_SIGNALS, SIGNAL_LABELS } from '../../src/core/rules/signals';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const english: Readonly<Record<string, string>> = staffEn;

/** Keys that more than one part has, with the parts. */
function duplicateKeys(parts: Readonly<Record<string, Readonly<Record<string, string>>>>): string[] {
  const owners = new Map<string, string[]>();
  for (const [part, catalog] of Object.entries(parts)) for (const key of Object.keys(catalog)) owners.set(key, [...(owners.get(key) ?? []), part]);
  return [...owners].filter(([, in_]) => in_.length > 1).map(([key, in_]) => `${key} in ${in_.join(', ')}`);
}

/** A message's argument names (`n` for `{n, plural, …}` and `{n}` alike). */
const names = (template: string) => [...new Set(argumentsOf(template).map((a) => a.split(':')[0]!))].sort();

// ---- Calls in the source: `t('key', { a, b: … })`, `t(cond ? 'k1' : 'k2', …)`, `rich(t, 'key', { parts }, { params })`.

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Index after the string literal starting at `i`. */
function afterString(src: string, i: number): number {
  const quote = src[i];
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === quote) return j + 1;
  }
  return src.length;
}

/** Index of what closes the bracket or backtick at `open` (strings, template literals and comments skipped). */
function closeOf(src: string, open: number): number {
  const stack = [src[open] === '`' ? '`' : OPENERS[src[open]!]!];
  let i = open + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (stack.at(-1) === '`') {
      if (c === '\\') i += 2;
      else if (c === '$' && src[i + 1] === '{') {
        stack.push('}');
        i += 2;
      } else if (c !== '`') i++;
      else {
        stack.pop();
        if (stack.length === 0) return i;
        i++;
      }
      continue;
    }
    if (c === "'" || c === '"') i = afterString(src, i);
    else if (c === '/' && src[i + 1] === '*') i = src.indexOf('*/', i + 2) + 2;
    else {
      if (c === '`' || OPENERS[c]) stack.push(OPENERS[c] ?? '`');
      else if (c === stack.at(-1)) {
        stack.pop();
        if (stack.length === 0) return i;
      }
      i++;
    }
  }
  return -1;
}

/** The top-level comma-separated pieces of `src` (arguments of a call, entries of an object). */
function topLevel(src: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === "'" || c === '"') i = afterString(src, i) - 1;
    else if (c === '`' || OPENERS[c]) i = closeOf(src, i);
    else if (c === ',') {
      pieces.push(src.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(src.slice(start));
  return pieces.map((p) => p.trim()).filter(Boolean);
}

/** The names an object literal gives, or null when that cannot be told (a spread, a variable). */
function objectNames(arg: string | undefined): string[] | null {
  if (arg === undefined) return [];
  if (!arg.startsWith('{')) return null;
  const entries = topLevel(arg.slice(1, closeOf(arg, 0)));
  if (entries.some((e) => e.startsWith('...'))) return null;
  return entries.map((e) => /^(['"]?)([\w.-]+)\1/.exec(e)?.[2] ?? '?');
}

interface Call { keys: string[]; passed: string[] | null; where: string }

/** Every `t(…)` and `rich(…)` call of a staff message in `src`. */
function callsIn(src: string, file: string): Call[] {
  const calls: Call[] = [];
  for (const m of src.matchAll(/(?<![.\w])(t|rich)\(/g)) {
    const open = m.index + m[0].length - 1;
    const args = topLevel(src.slice(open + 1, closeOf(src, open)));
    const [keyArg, ...rest] = m[1] === 'rich' ? args.slice(1) : args;
    const keys = [...(keyArg ?? '').matchAll(/'([\w.-]+)'/g)].map((k) => k[1]!).filter((k) => Object.hasOwn(english, k));
    if (keys.length === 0) continue;
    const given = rest.map(objectNames);
    const passed = given.includes(null) ? null : given.flat() as string[];
    calls.push({ keys, passed, where: `${file}:${src.slice(0, m.index).split('\n').length}` });
  }
  return calls;
}

/** What the calls get wrong: an argument a message names that a call does not pass. */
const callProblems = (calls: Call[]): string[] =>
  calls.flatMap((c) => (c.passed === null ? [] : c.keys.flatMap((k) => names(english[k]!).filter((n) => !c.passed!.includes(n)).map((n) => `${c.where}: ${k} lacks {${n}}`))));

/** The staff UIs' source files. */
function staffSources(): string[] {
  const options = fs.readdirSync(path.join(ROOT, 'src/ui/options')).map((f) => `src/ui/options/${f}`);
  const popup = ['PresenterControls', 'ReportDownload', 'RuleDebugger', 'CrmStatusLine'].map((c) => `src/ui/components/${c}.tsx`);
  return [...options, ...popup, 'src/ui/PopupApp.tsx'].filter((f) => /\.tsx?$/.test(f));
}
const ALL_CALLS = staffSources().flatMap((file) => callsIn(fs.readFileSync(path.join(ROOT, file), 'utf8'), file));

describe('the English staff catalog', () => {
  it('is the union of its parts, no key in two', () => {
    expect(duplicateKeys(staffEnParts)).toEqual([]);
    expect(Object.keys(staffEn).length).toBe(Object.values(staffEnParts).reduce((n, part) => n + Object.keys(part).length, 0));
  });

  it('the duplicate check finds a key in two parts', () => {
    expect(duplicateKeys({ a: { 'options.save': 'Save' }, b: { 'options.save': 'Save', x: 'X' } })).toEqual(['options.save in a, b']);
  });

  it('has no empty message, no spaces at an end, and plurals with other', () => {
    const problems = Object.entries(english).flatMap(([key, text]) => [
      ...(text.trim() === '' || text !== text.trim() ? [`${key}: empty, or spaces at an end`] : []),
      ...(pluralSelectorsOf(text).length > 0 && !pluralSelectorsOf(text).includes('other') ? [`${key}: a plural without other`] : []),
    ]);
    expect(problems).toEqual([]);
  });

  it("names the connectors and signals as core does (the catalog's copies stay in step)", () => {
    for (const k of CRM_CONNECTORS) {
      expect(english[`options.crm.connector.${k}`]).toBe(CRM_CONNECTOR_INFO[k].label);
      expect(english[`crm.where.${k}`]).toBe(CRM_CONNECTOR_INFO[k].shortLabel);
    }
    for (const s of NUMERIC_SIGNALS) expect(english[`options.signal.${s}`]).toBe(SIGNAL_LABELS[s]);
  });
});

/**
 * Words written into a component's markup instead of taken from the catalog: JSX text with a
 * letter (outside `<code>`, which holds header and API names) and text attributes people read.
 */
function markupWords(src: string, file: string): string[] {
  const line = (i: number) => src.slice(0, i).split('\n').length;
  const code = src.replace(/<code>[^<]*<\/code>/g, (m) => ' '.repeat(m.length)).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, (m) => ' '.repeat(m.length));
  // A tag's `>` follows a name, a quote, a brace or a slash (`=> Promise<…>` and `a > b ? <p` do not); `<T>(…)` is a type.
  const text = [...code.matchAll(/(?<=[\w"'}/])>([^<>{}=;(]*\p{L}[^<>{}=;]*)[<{]/gu)]
    // The options page's logo letter (aria-hidden) is a picture rather than a word; `Translate<K>): string {` is a type.
    .filter((m) => m[1]!.trim() !== 'B' && !/^\s*[):]/.test(m[1]!))
    .map((m) => `${file}:${line(m.index)}: ${m[1]!.trim()}`);
  const attrs = [...code.matchAll(/\b(aria-label|title|placeholder|alt|label|legend|hint)="([^"]*\p{L}[^"]*)"/gu)].map((m) => `${file}:${line(m.index)}: ${m[1]}="${m[2]}"`);
  return [...text, ...attrs];
}

describe('the staff components', () => {
  it('write no words into their markup', () => {
    const tsx = staffSources().filter((f) => f.endsWith('.tsx'));
    expect(tsx.length).toBeGreaterThan(25);
    expect(tsx.flatMap((f) => markupWords(fs.readFileSync(path.join(ROOT, f), 'utf8'), f))).toEqual([]);
  });

  it('the check finds a word in text and in an attribute, not in code or a comment', () => {
    const src = '<p>{t(\'x\')} <code>X-Api-Key</code></p>\n{/* Don\'t */}\n<b aria-label="Close">Save</b>';
    expect(markupWords(src, 'x.tsx')).toEqual(['x.tsx:3: Save', 'x.tsx:3: aria-label="Close"']);
  });
});

describe('calls of staff messages', () => {
  it('are found in the source, each with its arguments known', () => {
    expect(ALL_CALLS.length).toBeGreaterThan(300);
    expect(ALL_CALLS.filter((c) => c.passed === null).map((c) => c.where)).toEqual([]);
  });

  it('pass every argument their message names', () => expect(callProblems(ALL_CALLS)).toEqual([]));

  it('reach every message that has arguments', () => {
    const reached = new Set(ALL_CALLS.flatMap((c) => c.keys));
    expect(Object.keys(english).filter((k) => names(english[k]!).length > 0 && !reached.has(k))).toEqual([]);
  });

  it('the check finds a missing argument, in t() and in rich()', () => {
    const src = [
      "t('options.summary.title', { m: 2 });",
      "t(ok ? 'options.status.saved' : 'options.status.failed', {});",
      "rich(t, 'options.summary.item', { field: <b>{`${x}`}</b> }, {});",
      "t('options.summary.item', { ...all });",
    ].join('\n');
    const calls = callsIn(src, 'x.tsx');
    expect(calls.map((c) => c.passed)).toEqual([['m'], [], ['field'], null]);
    expect(callProblems(calls)).toEqual([
      'x.tsx:1: options.summary.title lacks {n}', 'x.tsx:2: options.status.failed lacks {error}', 'x.tsx:3: options.summary.item lacks {message}',
    ]);
  });
});
