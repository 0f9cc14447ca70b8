import { describe, expect, it } from 'vitest';
import { DEFAULT_CRM } from '../../src/core/crm/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { unknownFields } from '../../src/ui/options/check-settings';
import { SettingsSchema } from '../../src/core/settings';
import { EXPORT_FILE_NAME, exportJson } from '../../src/ui/options/export-settings';
import { MAX_IMPORT_CHARS, parseImport } from '../../src/ui/options/import-settings';

const withEdits = (edit: (s: any) => void): string => {
  const s: any = structuredClone(DEFAULT_SETTINGS);
  edit(s);
  return JSON.stringify(s);
};
/** "path: message" lines of a file that must be refused. */
const problems = (text: string): string[] => {
  const r = parseImport(text);
  if (r.ok) throw new Error('expected the import to be refused');
  return r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('export', () => {
  it('is pretty-printed JSON with version first and a final newline', () => {
    const text = exportJson(DEFAULT_SETTINGS);
    expect(text.startsWith('{\n  "version": 4,\n  "backend": {')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(DEFAULT_SETTINGS);
    expect(EXPORT_FILE_NAME).toBe('beckon-settings.json');
  });

  it('reads back what it wrote', () => {
    const s: Settings = structuredClone(DEFAULT_SETTINGS);
    s.rules.push({ ...s.rules[0]!, id: 'two', name: 'Two', conditions: [{ kind: 'query', param: 'q', equals: 'x' }, { kind: 'exitIntent' }] });
    expect(parseImport(exportJson(s))).toEqual({ ok: true, settings: s, fromVersion: 4 });
  });
});

describe('import refuses bad files, naming the field', () => {
  it.each([
    ['', '(file): The file is empty'],
    ['{"version": 2,', '(file): Not valid JSON'],
    ['not json', '(file): Not valid JSON'],
    ['[1, 2]', '(root): Expected an object'],
    ['"settings"', '(root): Expected an object'],
    ['null', '(root): Expected an object'],
    ['{"backend": {}}', 'version: Missing'],
    ['{"version": 5}', 'version: Unsupported version 5 (expected 1, 2, 3 or 4)'],
    ['{"version": "2"}', 'version: Unsupported version "2"'],
  ])('%j', (text, start) => {
    const p = problems(text);
    expect(p).toHaveLength(1);
    expect(p[0]!.startsWith(start)).toBe(true);
  });

  it('refuses files over the size limit before parsing', () => {
    expect(problems(' '.repeat(MAX_IMPORT_CHARS + 1))[0]).toMatch(/^\(file\): Too large/);
  });

  it('lists every wrong type, bad regex and too-long string at its path', () => {
    const p = problems(withEdits((s) => {
      s.backend.url = 42;
      s.rules[0].enabled = 'yes';
      s.rules[0].include = ['/(/'];
      s.rules[0].conditions = [{ kind: 'signal', signal: 'bogus', min: '10' }, { kind: 'teleport' }];
      s.rules[0].name = 'n'.repeat(201);
      s.rules[0].metadata = { ['k'.repeat(101)]: 'v' };
      s.capping = 'often';
      s.privacyGuard = 1;
    }));
    expect(p).toEqual([
      'backend.url: Expected string, received number',
      'rules.0.name: At most 200 characters',
      'rules.0.enabled: Expected boolean, received string',
      'rules.0.include.0: Invalid regular expression: /(/: Unterminated group',
      'rules.0.conditions.0.signal: Signal must be one of activeSeconds, visibleSeconds, wallSeconds, idleSeconds, scrollDepth, pagesViewed, visits',
      'rules.0.conditions.0.min: Threshold must be a number',
      expect.stringMatching(/^rules\.0\.conditions\.1\.kind: Invalid discriminator value/),
      'rules.0.metadata.' + 'k'.repeat(101) + ': Invalid name: At most 100 characters',
      'capping: Expected object, received string',
      'privacyGuard: Expected boolean, received number',
    ]);
  });

  it('reports unknown fields at every depth instead of dropping them silently', () => {
    const p = problems(withEdits((s) => {
      s.theme = 'dark';
      s.backend.apiKey = 'secret';
      s.rules[0].colour = 'red';
      s.rules[0].conditions[0].max = 20;
      s.businessHours.days.funday = null;
      s.pageName.urlMap = [{ pattern: '**', name: 'Home', weight: 1 }];
    }));
    expect(p.sort()).toEqual([
      'backend.apiKey: Unknown field',
      'businessHours.days.funday: Unknown field',
      'pageName.urlMap.0.weight: Unknown field',
      'rules.0.colour: Unknown field',
      'rules.0.conditions.0.max: Unknown field',
      'theme: Unknown field',
    ]);
  });

  it('points at the second rule that reuses an id, even alongside other errors', () => {
    const p = problems(withEdits((s) => {
      s.rules.push({ ...s.rules[0], name: 'Copy' }, { ...s.rules[0], id: 'other', queue: '' });
    }));
    expect(p).toEqual(['rules.2.queue: Queue is required', 'rules.1.id: Duplicate rule id "default" (rules.0.id has it too)']);
    // Without other errors, the schema's own general refine is not repeated.
    expect(problems(withEdits((s) => s.rules.push({ ...s.rules[0] })))).toEqual(['rules.1.id: Duplicate rule id "default" (rules.0.id has it too)']);
  });

  it('points at the day whose hours are reversed', () => {
    expect(problems(withEdits((s) => { s.businessHours.days.fri = { open: '18:00', close: '09:00' }; })))
      .toEqual(['businessHours.days.fri.close: Closing time must be after opening time']);
  });

  it('names missing sections', () => {
    expect(problems(JSON.stringify({ version: 2 }))).toContain('rules: Missing');
  });
});

describe('version 1 files', () => {
  const v1 = {
    version: 1,
    backend: DEFAULT_SETTINGS.backend,
    rule: { id: 'default', urlPattern: '**/demo/**', secondsOnPage: 7, queue: 'Loans', topic: 'Loans?' },
    enabledSites: ['https://shop.example.com/*'],
  };

  it('are migrated to version 4, with the CRM defaults', () => {
    const r = parseImport(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fromVersion).toBe(1);
    expect(r.settings.version).toBe(4);
    expect(r.settings.crm).toEqual(DEFAULT_CRM);
    expect(r.settings.rules[0]).toMatchObject({ include: ['**/demo/**'], queue: 'Loans', offerText: 'Loans?', conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: 7 }] });
    expect(r.settings.enabledSites).toEqual(['https://shop.example.com/*']);
  });

  it('report errors at the version 1 field names', () => {
    const bad = { ...v1, rule: { ...v1.rule, urlPattern: '/(/', secondsOnPage: -3, queue: '', topic: '', extra: 1 }, enabledSites: ['nope'], more: true };
    expect(problems(JSON.stringify(bad)).sort()).toEqual([
      'enabledSites.0: Site must be a match pattern like https://shop.example.com/*',
      'more: Unknown field',
      'rule.extra: Unknown field',
      'rule.queue: Queue is required',
      'rule.secondsOnPage: Threshold cannot be negative',
      'rule.topic: Offer text is required',
      'rule.urlPattern: Invalid regular expression: /(/: Unterminated group',
    ]);
  });

  it('without a rule object are refused', () => {
    expect(problems(JSON.stringify({ version: 1, backend: DEFAULT_SETTINGS.backend, rule: 'x', enabledSites: [] }))).toEqual(['rule: Expected an object (the version 1 rule)']);
  });
});

describe('unknownFields', () => {
  it('finds nothing in valid settings and walks arrays, records and unions', () => {
    expect(unknownFields(SettingsSchema, DEFAULT_SETTINGS)).toEqual([]);
    const s: any = structuredClone(DEFAULT_SETTINGS);
    s.rules[0].metadata = { any: 'key is fine' };
    s.rules[0].conditions = [{ kind: 'exitIntent', when: 'now' }, { kind: 'unknown', x: 1 }];
    expect(unknownFields(SettingsSchema, s)).toEqual([['rules', 0, 'conditions', 0, 'when']]);
  });
});
