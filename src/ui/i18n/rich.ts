/**
 * Messages with markup in them (`Sent as <code>Authorization: Bearer …</code>.`): the catalog
 * keeps the whole sentence, `{header}` where the element goes, so a language can move it.
 */
import { Fragment, h, type ComponentChildren } from 'preact';
import type { Params } from '../../core/i18n/format';
import type { Translate } from '../../core/i18n/translate';

/** Stands for an element in the translated text: no catalog or parameter has it. */
const MARK = '\u0001';

/**
 * The message of `key` with `parts` (elements, or text) where its `{name}` arguments are:
 * `rich(t, 'options.crm.sandbox.tokenHint', { header: <code>…</code> })`. Plain `params`
 * fill in as usual.
 */
export function rich<K extends string>(t: Translate<K>, key: K, parts: Record<string, ComponentChildren>, params: Params = {}): ComponentChildren {
  const marks = Object.fromEntries(Object.keys(parts).map((name) => [name, `${MARK}${name}${MARK}`]));
  return t(key, { ...params, ...marks })
    .split(MARK)
    .map((piece, i) => (i % 2 === 0 ? piece : h(Fragment, { key: i }, parts[piece])))
    .filter((piece) => piece !== '');
}
