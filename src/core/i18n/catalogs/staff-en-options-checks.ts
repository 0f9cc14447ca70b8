/**
 * What the options page says about an invalid value in English, beyond the messages core's
 * zod schemas carry (those stay English: see staff-en.ts): zod's own messages rewritten
 * (src/ui/options/messages.ts), checks the schemas cannot place, and an imported file's
 * problems. Part of `staffEn`.
 */
export const staffEnOptionsChecks = {
  'options.zod.atLeast': 'Must be at least {n}',
  'options.zod.atMost': 'Must be at most {n}',
  'options.zod.required': 'Required',
  'options.zod.minChars': 'At least {n, plural, one {{n} character} other {{n} characters}}',
  'options.zod.maxChars': 'At most {n, plural, one {{n} character} other {{n} characters}}',
  'options.zod.minEntries': 'At least {n, plural, one {{n} entry} other {{n} entries}}',
  'options.zod.maxEntries': 'At most {n, plural, one {{n} entry} other {{n} entries}}',
  'options.zod.missing': 'Missing',
  'options.zod.number': 'Must be a number',
  'options.zod.integer': 'Must be a whole number',
  'options.zod.type': 'Expected {expected}, received {received}',
  'options.zod.oneOf': 'Must be one of: {values}',
  'options.zod.invalidName': 'Invalid name: {problem}',
  'options.zod.empty': 'empty',
  'options.zod.format': 'Invalid format: {detail}',
  'options.zod.regex': 'Invalid regular expression: {detail}',

  'options.check.unknownField': 'Unknown field',
  'options.check.duplicateId': 'Duplicate rule id "{id}" (rules.{first}.id has it too)',
  'options.check.closeAfterOpen': 'Closing time must be after opening time',
  'options.check.line': 'Line {line}: {message}',
  'options.check.ruleId': 'Rule id: {message}',
  'options.check.metadataName': 'Name is required',
  'options.check.metadataTwice': '"{name}" is already used in this rule',
  'options.check.headerName': 'Header name is required',
  'options.check.headerTwice': '"{name}" is already set above',

  'options.file.whole': '(file)',
  'options.file.root': '(root)',
  'options.file.tooLarge': 'Too large ({n} characters; at most {max})',
  'options.file.empty': 'The file is empty',
  'options.file.notJson': 'Not valid JSON: {error}',
  'options.file.notObject': 'Expected an object: a settings file exported from this page',
  'options.file.noVersion': 'Missing: an exported settings file has "version": 4',
  'options.file.badVersion': 'Unsupported version {version} (expected 1, 2, 3 or 4)',
  'options.file.v1Rule': 'Expected an object (the version 1 rule)',
  'options.file.v2Crm': 'Unknown field in a version 2 file (CRM settings came with version 3)',
} as const;
