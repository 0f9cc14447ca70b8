/**
 * Reading an exported configuration back: JSON → `migrateSettings` (version 1 and 2 files
 * upgrade; version 2 gets the CRM defaults) → full validation. Every problem is reported with the path of the field in the file, and
 * nothing is returned to save unless the whole file is valid.
 */
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
function v1Path(path: (string | number)[]): string {
  const p = pathText(path);
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
function v1Problems(raw: Record<string, unknown>): ImportError[] {
  if (!isObject(raw.rule)) return [{ path: 'rule', message: 'Expected an object (the version 1 rule)' }];
  const rule = raw.rule;
  return [
    ...Object.keys(raw).filter((k) => !V1_KEYS.includes(k)).map((k) => ({ path: k, message: 'Unknown field' })),
    ...Object.keys(rule).filter((k) => !V1_RULE_KEYS.includes(k)).map((k) => ({ path: `rule.${k}`, message: 'Unknown field' })),
  ];
}

/** Parses and validates an exported configuration (version 4, or an older one, which is upgraded). */
export function parseImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) return fail({ path: '(file)', message: `Too large (${text.length} characters; at most ${MAX_IMPORT_CHARS})` });
  if (text.trim() === '') return fail({ path: '(file)', message: 'The file is empty' });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail({ path: '(file)', message: `Not valid JSON: ${(e as Error).message}` });
  }
  if (!isObject(raw)) return fail({ path: '(root)', message: 'Expected an object: a settings file exported from this page' });
  const version = raw.version;
  if (version === undefined) return fail({ path: 'version', message: 'Missing: an exported settings file has "version": 4' });
  if (version !== 1 && version !== 2 && version !== 3 && version !== 4) return fail({ path: 'version', message: `Unsupported version ${JSON.stringify(version)} (expected 1, 2, 3 or 4)` });
  if (version === 1) {
    const problems = v1Problems(raw);
    if (!isObject(raw.rule)) return fail(...problems);
    const { settings, issues } = checkSettings(migrateSettings(raw));
    const errors = [...problems, ...issues.map((i: Issue) => ({ path: v1Path(i.path), message: i.message }))];
    return settings && errors.length === 0 ? { ok: true, settings, fromVersion: 1 } : fail(...errors);
  }
  // Version 2 had no CRM sync: the upgrade adds its defaults, and would replace a `crm` the file has.
  const stray = version === 2 && 'crm' in raw ? [{ path: 'crm', message: 'Unknown field in a version 2 file (CRM settings came with version 3)' }] : [];
  const { settings, issues } = checkSettings(version === 4 ? raw : migrateSettings(raw));
  const errors = [...stray, ...issues.map((i) => ({ path: pathText(i.path), message: i.message }))];
  return settings && errors.length === 0 ? { ok: true, settings, fromVersion: version } : fail(...errors);
}
