import { parse, type Selector } from 'css-what';
import { SELECTOR_MAX } from '../css-selector';

/**
 * Checks the CSS selector of an element condition without a DOM (the background and the
 * options page have none to try it on): its length, characters that have no place in a
 * selector, and its syntax (css-what). A selector that passes may still be one a browser
 * refuses (an unknown pseudo-class): the watcher tries it and reports it back as invalid.
 */

const COMBINATORS: ReadonlySet<string> = new Set(['adjacent', 'child', 'descendant', 'sibling', 'parent', 'column']);

/** Why `selector` cannot be used, or null when it can. */
export function selectorError(selector: string): string | null {
  const s = selector.trim();
  if (s === '') return 'CSS selector is required';
  if (s.length > SELECTOR_MAX) return `CSS selector is longer than ${SELECTOR_MAX} characters`;
  // Braces and semicolons would be style rules, not a selector; `<` is css-what's own extension.
  // eslint-disable-next-line no-control-regex -- control characters are among what is refused
  const stray = /[\0-\x1f\x7f{};<]/.exec(s);
  if (stray) return `CSS selector cannot contain ${JSON.stringify(stray[0])}`;
  let parsed: Selector[][];
  try {
    parsed = parse(s);
  } catch (e) {
    return `Not a valid CSS selector: ${(e as Error).message}`;
  }
  for (const tokens of parsed) {
    const ends = [tokens[0]?.type, tokens.at(-1)?.type].map(String);
    if (ends.some((t) => COMBINATORS.has(t))) return 'CSS selector cannot start or end with a combinator (>, +, ~)';
    if (tokens.some((t) => String(t.type) === 'pseudo-element')) return 'CSS selector cannot use a pseudo-element (::before…): it matches no element';
  }
  return null;
}
