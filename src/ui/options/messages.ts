/**
 * Zod's built-in messages ("Too small: expected number to be >=0") rewritten as a person
 * would say them, from the staff catalog. Messages written in the schemas themselves are
 * kept as they are (English: they are core's data, see src/core/i18n/catalogs/staff-en.ts).
 */
import type { z } from 'zod';
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';

type ZodIssue = z.core.$ZodIssue;

// Zod's defaults all start like this; a schema's own message never does.
const BUILT_IN = /^(Invalid input|Too small|Too big|Invalid key|Invalid option|Invalid string|Invalid element|Invalid value|Unrecognized key)/;
const REGEX = 'Invalid regular expression: ';

function sizeMessage(issue: Extract<ZodIssue, { code: 'too_small' | 'too_big' }>, t: Translate<StaffKey>): string {
  const small = issue.code === 'too_small';
  const n = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'number':
    case 'int':
      return t(small ? 'options.zod.atLeast' : 'options.zod.atMost', { n });
    case 'string':
      if (small && n === 1) return t('options.zod.required');
      return t(small ? 'options.zod.minChars' : 'options.zod.maxChars', { n });
    case 'array':
      return t(small ? 'options.zod.minEntries' : 'options.zod.maxEntries', { n });
    default:
      return issue.message;
  }
}

/** A short, plain message for one zod issue. */
export function friendlyMessage(issue: ZodIssue, t: Translate<StaffKey> = staffEnglish): string {
  const m = issue.message;
  if (!BUILT_IN.test(m)) {
    // A regex error repeats its own prefix ("Invalid regular expression: Invalid regular expression: /(/…").
    const detail = m.replace(/^(Invalid regular expression: )+/, '');
    return m.startsWith(REGEX) ? t('options.zod.regex', { detail }) : m;
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined$/.test(m)) return t('options.zod.missing');
      if (issue.expected === 'number') return t('options.zod.number');
      if (issue.expected === 'int') return t('options.zod.integer');
      const types = /^Invalid input: expected (.+), received (.+)$/.exec(m);
      return types ? t('options.zod.type', { expected: types[1]!, received: types[2]! }) : m.replace(/^Invalid input: e/, 'E');
    }
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue, t);
    case 'invalid_value':
      return t('options.zod.oneOf', { values: issue.values.map(String).join(', ') });
    case 'invalid_key': {
      const inner = issue.issues[0];
      if (!inner) return m;
      const problem = friendlyMessage(inner, t);
      return t('options.zod.invalidName', { problem: problem === t('options.zod.required') ? t('options.zod.empty') : problem });
    }
    case 'invalid_format':
      return m.startsWith('Invalid string: ') ? t('options.zod.format', { detail: m.slice('Invalid string: '.length) }) : m;
    default:
      return m;
  }
}
