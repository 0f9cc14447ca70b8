/**
 * Reading an exported configuration back: JSON → `migrateSettings` (version 1 and 2 files
 * upgrade; version 2 gets the CRM defaults) → full validation. Every problem is reported with the path of the field in the file, and
 * nothing is returned to save unless the whole file is valid.
 */
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import { migrateSettings } from '../../core/settings-migration';
import type { Settings } from '../../core/settings';
import { checkSettings, pathText, type Issue } from './check-settings';

/** One problem in an imported file, at a field path of that file (e.g. `rules.2.queue`). */
export interface ImportError {
  path: string;
  message: string;
}

/** The outcome of reading a file. */
export type ImportResult = { ok: true; settings: Settings; fromVersion: number } | { ok: false; errors: ImportError[] };

/** Larger than any real configuration (100 rules of 50 patterns); refuses pasted garbage early. */
export const MAX_IMPORT_CHARS = 2_000_000;

const V1_KEYS = ['version', 'backend', 'rule', 'enabledSites'];
const V1_RULE_KEYS = ['id', 'urlPattern', 'secondsOnPage', 'queue', 'topic'];

/** Version 1 fields, by where `migrateSettings` puts them, so errors name the field the file has. */
function v1Path(path: (string | number)[], t: Translate<StaffKey>): string {
  const p = pathText(path, t);
  if (p === 'rules.0.id') return 'rule.id';
  if (p.startsWith('rules.0.include.')) return 'rule.urlPattern';
  if (p.startsWith('rules.0.conditions.0')) return 'rule.secondsOnPage';
  if (p === 'rules.0.queue') return 'rule.queue';
  if (p === 'rules.0.offerText') return 'rule.topic';
  return p;
}

const fail = (...errors: ImportError[]): ImportResult => ({ ok: false, errors });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fields of a version 1 file that the migration would drop without a word. */
function v1Problems(raw: Record<string, unknown>, t: Translate<StaffKey>): ImportError[] {
  if (!isObject(raw.rule)) return [{ path: 'rule', message: t('options.file.v1Rule') }];
  const rule = raw.rule;
  const unknown = t('options.check.unknownField');
  return [
    ...Object.keys(raw).filter((k) => !V1_KEYS.includes(k)).map((k) => ({ path: k, message: unknown })),
    ...Object.keys(rule).filter((k) => !V1_RULE_KEYS.includes(k)).map((k) => ({ path: `rule.${k}`, message: unknown })),
  ];
}

/** Parses and validates an exported configuration (version 4, or an older one, which is upgraded). */
export function parseImport(text: string, t: Translate<StaffKey> = staffEnglish): ImportResult {
  const file = t('options.file.whole');
  if (text.length > MAX_IMPORT_CHARS) return fail({ path: file, message: t('options.file.tooLarge', { n: text.length, max: MAX_IMPORT_CHARS }) });
  if (text.trim() === '') return fail({ path: file, message: t('options.file.empty') });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail({ path: file, message: t('options.file.notJson', { error: (e as Error).message }) });
  }
  if (!isObject(raw)) return fail({ path: t('options.file.root'), message: t('options.file.notObject') });
  const version = raw.version;
  if (version === undefined) return fail({ path: 'version', message: t('options.file.noVersion') });
  if (version !== 1 && version !== 2 && version !== 3 && version !== 4) return fail({ path: 'version', message: t('options.file.badVersion', { version: JSON.stringify(version) }) });
  if (version === 1) {
    const problems = v1Problems(raw, t);
    if (!isObject(raw.rule)) return fail(...problems);
    const { settings, issues } = checkSettings(migrateSettings(raw), t);
    const errors = [...problems, ...issues.map((i: Issue) => ({ path: v1Path(i.path, t), message: i.message }))];
    return settings && errors.length === 0 ? { ok: true, settings, fromVersion: 1 } : fail(...errors);
  }
  // Version 2 had no CRM sync: the upgrade adds its defaults, and would replace a `crm` the file has.
  const stray = version === 2 && 'crm' in raw ? [{ path: 'crm', message: t('options.file.v2Crm') }] : [];
  const { settings, issues } = checkSettings(version === 4 ? raw : migrateSettings(raw), t);
  const errors = [...stray, ...issues.map((i) => ({ path: pathText(i.path, t), message: i.message }))];
  return settings && errors.length === 0 ? { ok: true, settings, fromVersion: version } : fail(...errors);
}
