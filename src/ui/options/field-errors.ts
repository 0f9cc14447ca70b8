/**
 * Where an error shows: a validation issue's path into the settings (e.g.
 * `rules.2.include.3` or `rules.0.metadata.Page Name`) becomes the form field that holds it
 * (`rules.2.include`, line 4; `rules.0.metadata.0.value`). Field names double as DOM ids.
 * Webhook header rows the schema cannot place are checked here directly (`headerIssues`).
 */
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import type { Issue } from './check-settings';
import { headerRowOf, type CrmDraft } from './crm-draft';
import type { Draft } from './draft';

/** One problem at one form field (a dotted path like `rules.0.queue`). */
export interface FieldError {
  field: string;
  message: string;
}

/** The DOM id of a field's control: `rules.0.queue` → `f-rules-0-queue`. */
export const domId = (field: string): string => `f-${field.replace(/[^\w-]/g, '-')}`;

/** The 1-based textarea line of the `index`-th non-blank line (blank lines are skipped on save). */
export function lineOf(text: string, index: number): number {
  let seen = -1;
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    if (all[i]!.trim() !== '' && ++seen === index) return i + 1;
  }
  return index + 1;
}

/** The form field an issue belongs to, with a line number when the field is a one-per-line list. */
export function fieldOfIssue(issue: Issue, draft: Draft, t: Translate<StaffKey> = staffEnglish): FieldError {
  const [section, a, b, c] = issue.path;
  const at = (field: string, message = issue.message) => ({ field, message });
  if (section === 'rules' && typeof a === 'number') {
    const rule = draft.rules[a];
    if ((b === 'include' || b === 'exclude') && typeof c === 'number' && rule) {
      return at(`rules.${a}.${b}`, t('options.check.line', { line: lineOf(rule[b], c), message: issue.message }));
    }
    if (b === 'metadata' && typeof c === 'string' && rule) {
      // Records are keyed by name: find the row that holds it (the name itself, or its value).
      const row = rule.metadata.findIndex((m) => m.key.trim() === c);
      if (row >= 0) return at(`rules.${a}.metadata.${row}.${issue.code === 'invalid_key' ? 'key' : 'value'}`);
      return at(`rules.${a}.metadata`);
    }
    // The id is not a form field: the rule's name is what identifies it on the page.
    if (b === 'id') return at(`rules.${a}.name`, t('options.check.ruleId', { message: issue.message }));
  }
  if (section === 'businessHours' && a === 'holidays' && typeof c === 'undefined' && typeof b === 'number') {
    return at('businessHours.holidays', t('options.check.line', { line: lineOf(draft.businessHours.holidays, b), message: issue.message }));
  }
  if (section === 'businessHours' && a === 'days' && typeof b === 'string' && c === undefined) return at(`businessHours.days.${b}.open`);
  if (section === 'enabledSites') return at('enabledSites');
  if (section === 'crm' && a === 'webhook' && b === 'headers') {
    // Blank header rows are not saved: the settings' n-th header is the n-th filled row.
    const [, , , row, leaf] = issue.path;
    return typeof row === 'number' && leaf !== undefined
      ? at(`crm.webhook.headers.${headerRowOf(draft.crm.webhook.headers, row)}.${leaf}`)
      : at('crm.webhook.headers');
  }
  return at(issue.path.join('.'));
}

/**
 * Header rows the schema cannot point at precisely: a value without a name, and a name
 * used twice (HTTP names ignore case; the second would silently replace the first).
 */
export function headerIssues(c: CrmDraft, t: Translate<StaffKey> = staffEnglish): FieldError[] {
  const seen = new Set<string>();
  return c.webhook.headers.flatMap((h, k): FieldError[] => {
    const name = h.name.trim();
    const field = `crm.webhook.headers.${k}.name`;
    if (name === '') return h.value === '' ? [] : [{ field, message: t('options.check.headerName') }];
    if (seen.has(name.toLowerCase())) return [{ field, message: t('options.check.headerTwice', { name }) }];
    seen.add(name.toLowerCase());
    return [];
  });
}

/** Errors grouped by field, for looking up the message(s) shown next to each field. */
export function errorsByField(errors: readonly FieldError[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of errors) map.set(e.field, [...(map.get(e.field) ?? []), e.message]);
  return map;
}

/** True when any error concerns rule `index` (its editor is then expanded). */
export const ruleHasErrors = (errors: readonly FieldError[], index: number): boolean =>
  errors.some((e) => e.field === `rules.${index}` || e.field.startsWith(`rules.${index}.`));
