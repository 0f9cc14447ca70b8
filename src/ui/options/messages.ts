/**
 * Zod's built-in messages ("Too small: expected number to be >=0") rewritten as a person
 * would say them. Messages written in the schemas themselves are kept as they are.
 */
import type { z } from 'zod';

type ZodIssue = z.core.$ZodIssue;

// Zod's defaults all start like this; a schema's own message never does.
const BUILT_IN = /^(Invalid input|Too small|Too big|Invalid key|Invalid option|Invalid string|Invalid element|Invalid value|Unrecognized key)/;

const items = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

function sizeMessage(issue: Extract<ZodIssue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'number':
    case 'int':
      return small ? `Must be at least ${bound}` : `Must be at most ${bound}`;
    case 'string':
      if (small && bound === 1) return 'Required';
      return small ? `At least ${items(bound, 'character')}` : `At most ${items(bound, 'character')}`;
    case 'array':
      return small ? `At least ${items(bound, 'entry')}` : `At most ${items(bound, 'entry')}`;
    default:
      return issue.message;
  }
}

/** A short, plain message for one zod issue. */
export function friendlyMessage(issue: ZodIssue): string {
  const m = issue.message;
  // A regex error repeats its own prefix ("Invalid regular expression: Invalid regular expression: /(/…").
  if (!BUILT_IN.test(m)) return m.replace(/^(Invalid regular expression: )+/, 'Invalid regular expression: ');
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/.test(m)) return 'Missing';
      if (issue.expected === 'number') return 'Must be a number';
      if (issue.expected === 'int') return 'Must be a whole number';
      return m.replace(/^Invalid input: e/, 'E');
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    case 'invalid_value':
      return `Must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_key': {
      const inner = issue.issues[0];
      return inner ? `Invalid name: ${friendlyMessage(inner).replace(/^Required$/, 'empty')}` : m;
    }
    case 'invalid_format':
      return m.replace(/^Invalid string: /, 'Invalid format: ');
    default:
      return m;
  }
}
