/**
 * Full validation of a settings candidate (from the form or an imported file): the
 * `SettingsSchema`, plus checks the schema cannot point at a field for, plus unknown
 * fields (the schema silently drops them; an import must not lose data silently).
 */
import { z } from 'zod';
import { crmRequiredField } from '../../core/crm/settings';
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import { SettingsSchema, type Settings } from '../../core/settings';
import { friendlyMessage } from './messages';

/** One problem, at a path into the candidate (e.g. `['rules', 2, 'conditions', 0, 'pattern']`). */
export interface Issue {
  path: (string | number)[];
  code: string;
  message: string;
}

const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;


/**
 * Problems the schema reports only as a whole (a refine on the array or object), and only
 * once everything inside is valid: duplicate rule ids, days that close before they open,
 * and the chosen CRM connector's missing address.
 */
export function crossFieldIssues(candidate: unknown, t: Translate<StaffKey> = staffEnglish): Issue[] {
  const issues: Issue[] = [];
  const root = record(candidate);
  const firstIndexOfId = new Map<string, number>();
  (Array.isArray(root?.rules) ? root.rules : []).forEach((rule, i) => {
    const id = record(rule)?.id;
    if (typeof id !== 'string') return;
    const first = firstIndexOfId.get(id);
    if (first === undefined) firstIndexOfId.set(id, i);
    else issues.push({ path: ['rules', i, 'id'], code: 'duplicate', message: t('options.check.duplicateId', { id, first }) });
  });
  const days = record(record(root?.businessHours)?.days);
  for (const [day, value] of Object.entries(days ?? {})) {
    const h = record(value);
    if (typeof h?.open === 'string' && typeof h.close === 'string' && h.open >= h.close) {
      issues.push({ path: ['businessHours', 'days', day, 'close'], code: 'order', message: t('options.check.closeAfterOpen') });
    }
  }
  const crm = record(root?.crm);
  const required = crmRequiredField(crm?.connector);
  if (crm && required) {
    // Core's message (English: see src/core/i18n/catalogs/staff-en.ts).
    const { group, key, message } = required;
    const value = record(crm[group])?.[key];
    if (typeof value === 'string' && value.trim() === '') issues.push({ path: ['crm', group, key], code: 'required', message });
  }
  return issues;
}

/** Paths of fields in `value` that `schema` does not know, walking objects, arrays, records and unions. */
export function unknownFields(schema: z.ZodType, value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return unknownFields(schema.unwrap() as z.ZodType, value, path);
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownFields(schema.element as z.ZodType, item, [...path, i]));
  }
  const obj = record(value);
  if (!obj) return [];
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.keys(obj).flatMap((k) => (k in shape ? unknownFields(shape[k]!, obj[k], [...path, k]) : [[...path, k]]));
  }
  if (schema instanceof z.ZodRecord) {
    return Object.keys(obj).flatMap((k) => unknownFields(schema.valueType as z.ZodType, obj[k], [...path, k]));
  }
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const key = schema.def.discriminator;
    // Only the option the discriminator selects says which fields belong; none: the schema reports it.
    const option = (schema.options as z.ZodType[]).find((o) => o instanceof z.ZodObject && o.shape[key]?.safeParse(obj[key]).success);
    return option ? unknownFields(option, value, path) : [];
  }
  return [];
}

/** A zod error as issues with plain messages, their paths under `prefix`. */
export function schemaIssues(error: z.ZodError | undefined, prefix: (string | number)[] = [], t: Translate<StaffKey> = staffEnglish): Issue[] {
  return (error?.issues ?? []).flatMap((i): Issue[] => {
    const path = [...prefix, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')];
    // One issue per unknown key, at the key itself (zod reports them together at the parent).
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [...path, k], code: 'unknown', message: t('options.check.unknownField') }));
    return [{ path, code: i.code, message: friendlyMessage(i, t) }];
  });
}

/** Validates a candidate completely; `settings` only when there is no issue at all. */
export function checkSettings(candidate: unknown, t: Translate<StaffKey> = staffEnglish): { settings?: Settings; issues: Issue[] } {
  const parsed = SettingsSchema.safeParse(candidate);
  const issues = schemaIssues(parsed.error, [], t);
  const cross = crossFieldIssues(candidate, t);
  // The schema's own refines say the same in general terms, at the array or object (or at the
  // same field, when both saw it): keep the precise ones.
  const within = (i: Issue, section: string) => i.path.join('.') === section && cross.some((c) => c.path[0] === section);
  const superseded = (i: Issue) =>
    i.code === 'custom' && (within(i, 'rules') || within(i, 'businessHours') || cross.some((c) => c.path.join('.') === i.path.join('.')));
  const unknown = unknownFields(SettingsSchema, candidate).map((path): Issue => ({ path, code: 'unknown', message: t('options.check.unknownField') }));
  const seen = new Set<string>();
  const all = [...issues.filter((i) => !superseded(i)), ...cross, ...unknown].filter((i) => {
    const key = `${i.path.join('.')}\u0000${i.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return all.length === 0 && parsed.success ? { settings: parsed.data, issues: [] } : { issues: all };
}

/** `rules.2.conditions.0.pattern`, or `(root)` for the whole file. */
export const pathText = (path: readonly (string | number)[], t: Translate<StaffKey> = staffEnglish): string => path.join('.') || t('options.file.root');
