/**
 * Pure edits of the rule list: new rules and conditions with sensible defaults, and moves
 * (rules are in priority order: the first rule that can offer does).
 */
import { DEFAULT_QUEUE, DEFAULT_SECONDS_ON_PAGE } from '../../core/defaults';
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import { DEFAULT_METADATA, type Condition } from '../../core/rules/rule-schema';
import type { ConditionDraft, RuleDraft } from './draft';

/** The first `rule-N` id not taken, so a new rule never collides (ids must be unique). */
export function uniqueRuleId(taken: readonly string[]): string {
  const used = new Set(taken);
  let n = taken.length + 1;
  while (used.has(`rule-${n}`)) n++;
  return `rule-${n}`;
}

/**
 * A new rule: enabled, on every URL, after 10 visible seconds, with the Pega example's
 * metadata. It is numbered after the rules already there (its name in `t`'s language; its offer
 * text is the visitor's, which the staff catalog does not speak: the default's English).
 */
export function newRuleDraft(existing: readonly RuleDraft[], t: Translate<StaffKey> = staffEnglish): RuleDraft {
  const id = uniqueRuleId(existing.map((r) => r.id));
  return {
    id,
    name: t('options.rules.newName', { n: existing.length + 1 }),
    enabled: true,
    include: '**',
    exclude: '',
    match: 'all',
    conditions: [newConditionDraft('signal')],
    queue: DEFAULT_QUEUE,
    offerText: 'Questions? Chat with us.',
    metadata: Object.entries(DEFAULT_METADATA).map(([key, value]) => ({ key, value })),
    ui: 'default',
    autoDismissSeconds: '0',
    unknownAvailability: 'allow',
  };
}

/** A new condition of `kind`, with empty text fields and the default time threshold. */
export function newConditionDraft(kind: Condition['kind']): ConditionDraft {
  switch (kind) {
    case 'pageName':
    case 'referrer':
      return { kind, pattern: '' };
    case 'query':
      return { kind, param: '', test: 'present', equals: '' };
    case 'signal':
      return { kind, signal: 'visibleSeconds', min: String(DEFAULT_SECONDS_ON_PAGE) };
    case 'exitIntent':
      return { kind };
    case 'elementVisible':
    case 'elementClicked':
      return { kind, selector: '' };
  }
}

/** `list` with the item at `from` moved by `delta` places; unchanged when the move would leave the list. */
export function moveItem<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** `list` with `index` replaced by `item` (other entries keep their identity). */
export const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] => list.map((x, i) => (i === index ? item : x));

/** `list` without the entry at `index`. */
export const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);
