/**
 * CSS selectors for element triggers: escaping with `CSS.escape` semantics and a generator of
 * stable selectors for an element a demo engineer picked. Pure: it reads the element through
 * the few members below, so the watcher passes real DOM elements and tests pass happy-dom's.
 * It runs in the watcher (every page of an enabled site): keep it small, no libraries.
 */

/** The longest selector a rule condition (and the watcher's report) takes. */
export const SELECTOR_MAX = 500;

/** What the generator reads of an element (a DOM `Element` has all of it). */
export interface ElementLike {
  readonly localName: string;
  readonly id: string;
  readonly parentElement: ElementLike | null;
  readonly children: ArrayLike<ElementLike>;
  getAttribute(name: string): string | null;
  matches(selector: string): boolean;
  /** The document, or a shadow root whose `host` is the element that holds it. */
  getRootNode(): object;
}

/** What the generator reads of the document. */
export interface DocumentLike {
  querySelectorAll(selector: string): ArrayLike<unknown>;
}

/** `CSS.escape` (CSSOM): `s` as a CSS identifier. */
export function cssEscape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const c = s.charCodeAt(i);
    const leadingDigit = c >= 0x30 && c <= 0x39 && (i === 0 || (i === 1 && s[0] === '-'));
    if (c === 0) out += '\uFFFD';
    else if (c < 0x20 || c === 0x7f || leadingDigit) out += `\\${c.toString(16)} `;
    else if (ch === '-' && s.length === 1) out += '\\-';
    else out += c >= 0x80 || /[\w-]/.test(ch) ? ch : `\\${ch}`;
  }
  return out;
}

/**
 * `s` as a quoted CSS string: in single quotes when it holds a double quote and no single one
 * (readable, and what simpler selector engines parse), else in double quotes with `"` escaped.
 */
export function cssString(s: string): string {
  const q = s.includes('"') && !s.includes("'") ? "'" : '"';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  const escaped = s.replace(/[\0-\x1f\x7f\\"']/g, (c) => (c === q || c === '\\' ? `\\${c}` : c === '"' || c === "'" ? c : `\\${c.charCodeAt(0).toString(16)} `));
  return q + escaped + q;
}

/** Attributes that name an element on purpose (test hooks, form names, labels), most stable first. */
const NAMING_ATTRIBUTES = ['data-testid', 'data-test', 'data-qa', 'data-cy', 'name', 'aria-label'];
/**
 * Ids and classes that a framework generates or a state toggles (`css-1x2y3z`, `:r1:`,
 * `ember123`, `is-open`, `active`): they change between loads or as the visitor acts.
 */
const UNSTABLE = /\d{3,}|:|^(css|sc|jsx|svelte|ember)-|^(is|has)-|^(active|current|disabled|focus|focused|hidden|hover|open|selected|show|visible)$/i;

/** Selectors for `el` alone, in order of preference: id, naming attributes, then classes. */
function ownSelectors(el: ElementLike): string[] {
  const tag = cssEscape(el.localName);
  const out: string[] = [];
  if (el.id && !UNSTABLE.test(el.id)) out.push(`#${cssEscape(el.id)}`);
  for (const name of NAMING_ATTRIBUTES) {
    const value = el.getAttribute(name);
    if (value && value.length <= 80) out.push(`${tag}[${name}=${cssString(value)}]`);
  }
  const classes = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => c && !UNSTABLE.test(c)).slice(0, 3).map((c) => `.${cssEscape(c)}`);
  out.push(...classes.map((c) => tag + c));
  if (classes.length > 1) out.push(tag + classes.join(''));
  return out;
}

/** `el`'s step in a `>` path: a selector that tells it from its siblings, else its tag and position. */
function step(el: ElementLike): string {
  const siblings = el.parentElement ? Array.from(el.parentElement.children) : [el];
  const own = ownSelectors(el).find((s) => siblings.filter((x) => x.matches(s)).length === 1);
  if (own) return own;
  const sameTag = siblings.filter((x) => x.localName === el.localName);
  const tag = cssEscape(el.localName);
  return sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(el) + 1})` : tag;
}

/**
 * A short selector that matches `target` and nothing else in `doc`: its own id or naming
 * attribute or classes if one is unique, else the nearest ancestor that has one followed by
 * `>` steps, else the path from `body` with positions. An element inside a shadow root is
 * named by its host (the page's document cannot select into a shadow tree, and a click inside
 * one reaches the document as a click on the host). Null when no selector of at most
 * {@link SELECTOR_MAX} characters would do.
 */
export function stableSelector(target: ElementLike, doc: DocumentLike): string | null {
  let el = target;
  for (let host = hostOf(el); host; host = hostOf(el)) el = host;
  const unique = (s: string) => {
    const found = doc.querySelectorAll(s);
    return found.length === 1 && found[0] === el;
  };
  let path = '';
  for (let e: ElementLike | null = el; e && e.localName !== 'html'; e = e.parentElement) {
    const anchor = ownSelectors(e).find((s) => unique(s + path));
    if (anchor) return short(anchor + path);
    path = ` > ${step(e)}${path}`;
  }
  const full = path ? path.slice(3) : 'html';
  return unique(full) ? short(full) : null;
}

const hostOf = (el: ElementLike): ElementLike | undefined => (el.getRootNode() as { host?: ElementLike }).host;
const short = (s: string) => (s.length <= SELECTOR_MAX ? s : null);
