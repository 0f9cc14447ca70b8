/** Helpers shared by the options tests that work on drafts without a DOM. */
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { toDraft, type Draft } from '../../src/ui/options/draft';
import { fromDraft } from '../../src/ui/options/from-draft';

/** The enabled sites a save keeps (they are saved on their own). */
export const SITES = DEFAULT_SETTINGS.enabledSites;

/** A draft of `base` (default settings) after `edit`. */
export const draft = (edit: (d: Draft) => void = () => {}, base: Settings = DEFAULT_SETTINGS): Draft => {
  const d = structuredClone(toDraft(base));
  edit(d);
  return d;
};

/** field → message of a draft that must be refused. */
export const errorsOf = (d: Draft): Record<string, string> => {
  const r = fromDraft(d, SITES);
  if (r.ok) throw new Error('expected the draft to be refused');
  return Object.fromEntries(r.errors.map((e) => [e.field, e.message]));
};
