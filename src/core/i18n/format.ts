/**
 * The message format of Beckon's catalogs: a small subset of ICU MessageFormat, so translators
 * (and tools) read it as they know it. Pure; the locale's rules come from `Intl`.
 *
 * - `{name}`: a parameter, as text.
 * - `{n, number}`: a number in the locale's digits and separators.
 * - `{n, plural, =0 {none} one {# file} other {# files}}`: an exact `=n` branch first, then the
 *   locale's CLDR category (`Intl.PluralRules`: Arabic has zero, one, two, few, many, other),
 *   else `other`; `#` is n as a number. Branches may hold parameters.
 * - `{n, <type>}`: a type the caller formats (the visitor catalog's `size`: bytes as KB/MB).
 *
 * A parameter the caller did not pass stays as `{name}`: a bug shows, nothing throws.
 */

/** Values a message's parameters take. */
export type Params = Readonly<Record<string, string | number>>;
/** Formatters of custom argument types (`{n, size}`), by type name. */
export type Formats = Readonly<Record<string, (value: string | number) => string>>;

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();
const cached = <T>(map: Map<string, T>, locale: string, make: () => T): T => {
  let value = map.get(locale);
  if (!value) map.set(locale, (value = make()));
  return value;
};
/**
 * A number in `locale`'s digits and separators (one formatter per locale). Thousands are
 * grouped from five digits on (`1024`, `12,345`), as CLDR's `min2`: counts and byte sizes in a
 * chat stay short and read the same as before.
 */
export const formatNumber = (n: number, locale: string): string =>
  cached(numbers, locale, () => new Intl.NumberFormat(locale, { useGrouping: 'min2' })).format(n);

/** Index of the `}` closing the `{` at `open`, or -1. */
function closing(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The branches of a plural argument: `one {…} other {…}` → [['one', '…'], ['other', '…']]. */
function branches(src: string): [string, string][] {
  const out: [string, string][] = [];
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{', i);
    if (open < 0) break;
    const end = closing(src, open);
    if (end < 0) break;
    out.push([src.slice(i, open).trim(), src.slice(open + 1, end)]);
    i = end + 1;
  }
  return out;
}

function argument(body: string, params: Params, locale: string, formats: Formats): string {
  const [name = '', type = '', ...rest] = body.split(',');
  const key = name.trim();
  const value = params[key];
  if (value === undefined) return `{${body}}`;
  const kind = type.trim();
  if (kind === '') return String(value);
  if (kind === 'number') return typeof value === 'number' ? formatNumber(value, locale) : String(value);
  if (kind === 'plural') {
    const n = Number(value);
    const options = branches(rest.join(','));
    const category = cached(plurals, locale, () => new Intl.PluralRules(locale)).select(n);
    const text = (options.find(([sel]) => sel === `=${n}`) ?? options.find(([sel]) => sel === category) ?? options.find(([sel]) => sel === 'other'))?.[1] ?? '';
    return render(text, params, locale, formats, formatNumber(n, locale));
  }
  const format = formats[kind];
  return format ? format(value) : String(value);
}

/** `src` with its arguments filled in; `hash`: what `#` stands for (inside a plural branch). */
function render(src: string, params: Params, locale: string, formats: Formats, hash?: string): string {
  const text = (s: string) => (hash === undefined ? s : s.replaceAll('#', hash));
  let out = '';
  let i = 0;
  for (let open = src.indexOf('{'); open >= 0; open = src.indexOf('{', i)) {
    const end = closing(src, open);
    if (end < 0) break;
    out += text(src.slice(i, open)) + argument(src.slice(open + 1, end), params, locale, formats);
    i = end + 1;
  }
  return out + text(src.slice(i));
}

/** `template` with `params` filled in for `locale`. */
export const formatMessage = (template: string, params: Params = {}, locale = 'en', formats: Formats = {}): string => render(template, params, locale, formats);

/**
 * The arguments a template names, as `name` or `name:type` (sorted, each once), nested ones
 * included: two catalogs agree on a message when these are equal.
 */
export function argumentsOf(template: string): string[] {
  const found = new Set<string>();
  const walk = (src: string) => {
    for (let i = src.indexOf('{'); i >= 0; i = src.indexOf('{', i + 1)) {
      const end = closing(src, i);
      if (end < 0) return;
      const [name = '', type = '', ...rest] = src.slice(i + 1, end).split(',');
      found.add(type.trim() ? `${name.trim()}:${type.trim()}` : name.trim());
      if (type.trim() === 'plural') for (const [, text] of branches(rest.join(','))) walk(text);
      i = end;
    }
  };
  walk(template);
  return [...found].sort();
}

/** The plural selectors a template uses (`one`, `=0`, …), for checking them against a locale. */
export function pluralSelectorsOf(template: string): string[] {
  const found: string[] = [];
  for (const m of template.matchAll(/\{\s*\w+\s*,\s*plural\s*,/g)) {
    const open = m.index;
    const end = closing(template, open);
    if (end < 0) continue;
    const rest = template.slice(open + 1, end).split(',').slice(2).join(',');
    found.push(...branches(rest).map(([sel]) => sel));
  }
  return found;
}
