import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTACT_CENTER_ID } from '../../src/core/defaults';
import { DEFAULT_GMS_SERVICE_NAME, DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { toDraft } from '../../src/ui/options/draft';
import { fieldLabel } from '../../src/ui/options/field-labels';
import { fromDraft, sortByPage } from '../../src/ui/options/from-draft';
import { parseNumber } from '../../src/ui/options/parse-text';
import { draft, errorsOf, SITES } from './options-fixtures';


describe('draft ↔ settings', () => {
  it('round-trips the defaults unchanged', () => {
    expect(fromDraft(toDraft(DEFAULT_SETTINGS), SITES)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('round-trips every condition kind, closed days, holidays and the URL map', () => {
    const rich: Settings = structuredClone(DEFAULT_SETTINGS);
    rich.rules[0]!.conditions = [
      { kind: 'pageName', pattern: '*Payment*' },
      { kind: 'referrer', pattern: '/google\\./i' },
      { kind: 'query', param: 'utm_source' },
      { kind: 'query', param: 'plan', equals: '' },
      { kind: 'signal', signal: 'scrollDepth', min: 50 },
      { kind: 'exitIntent' },
    ];
    rich.rules[0]!.exclude = ['**/checkout/**'];
    rich.businessHours = { ...rich.businessHours, enabled: true, timeZone: 'Europe/Paris', holidays: ['2025-12-25', '2026-01-01'] };
    rich.pageName = { urlMap: [{ pattern: '**/bill/**', name: 'Bill Payment' }], selector: 'h1', useOgTitle: false };
    const back = fromDraft(toDraft(rich), SITES);
    expect(back).toEqual({ ok: true, settings: rich });
  });

  it('keeps a query condition with an empty "equals" distinct from "is present"', () => {
    const d = draft((x) => { x.rules[0]!.conditions = [{ kind: 'query', param: 'a', test: 'equals', equals: '' }, { kind: 'query', param: 'b', test: 'present', equals: 'ignored' }]; });
    const r = fromDraft(d, SITES);
    expect(r.ok && r.settings.rules[0]!.conditions).toEqual([{ kind: 'query', param: 'a', equals: '' }, { kind: 'query', param: 'b' }]);
  });

  it('skips blank lines and fully empty metadata rows, trims names', () => {
    const d = draft((x) => {
      x.rules[0]!.include = '\n  **/demo/**  \n\n/x/i\n';
      x.rules[0]!.metadata = [{ key: ' Page Name ', value: '{pageName}' }, { key: '', value: '' }];
    });
    const r = fromDraft(d, SITES);
    expect(r.ok && r.settings.rules[0]!.include).toEqual(['**/demo/**', '/x/i']);
    expect(r.ok && r.settings.rules[0]!.metadata).toEqual({ 'Page Name': '{pageName}' });
  });

  it('a closed day keeps its hours in the draft but is saved as null', () => {
    const d = draft((x) => { x.businessHours.days.mon.isOpen = false; });
    const r = fromDraft(d, SITES);
    expect(r.ok && r.settings.businessHours.days.mon).toBeNull();
    expect(d.businessHours.days.mon.open).toBe('09:00');
  });
});

describe('validation errors point at the field', () => {
  it('names each bad field of the backend and the rule', () => {
    const e = errorsOf(draft((x) => {
      x.backend.url = 'localhost';
      x.rules[0]!.queue = ' ';
      x.rules[0]!.offerText = 'x'.repeat(301);
      x.rules[0]!.name = '';
    }));
    expect(e).toEqual({
      'backend.url': 'Backend URL must be an absolute http(s) URL, e.g. http://127.0.0.1:7400',
      'rules.0.name': 'Rule name is required',
      'rules.0.queue': 'Queue is required',
      'rules.0.offerText': 'At most 300 characters',
    });
  });

  it('maps a bad pattern to its textarea with the line number, blank lines counted', () => {
    const e = errorsOf(draft((x) => { x.rules[0]!.include = '**\n\n/(unclosed/'; x.rules[0]!.exclude = '/[/'; }));
    expect(e['rules.0.include']).toMatch(/^Line 3: Invalid regular expression: .*Unterminated group/);
    expect(e['rules.0.exclude']).toMatch(/^Line 1: Invalid regular expression/);
    expect(e['rules.0.include']).not.toMatch(/Invalid regular expression: Invalid regular expression/);
  });

  it('requires at least one include pattern', () => {
    expect(errorsOf(draft((x) => { x.rules[0]!.include = ' \n '; })) ['rules.0.include']).toBe('At least one URL pattern is required');
  });

  it.each([
    ['-1', 'Threshold cannot be negative'],
    ['', 'Threshold must be a number'],
    ['ten', 'Threshold must be a number'],
    ['0x10', 'Threshold must be a number'],
    ['1e3', 'Threshold must be a number'],
  ])('signal threshold %j → %s', (min, message) => {
    const e = errorsOf(draft((x) => { x.rules[0]!.conditions = [{ kind: 'signal', signal: 'visibleSeconds', min }]; }));
    expect(e).toEqual({ 'rules.0.conditions.0.min': message });
  });

  it('reports condition fields, metadata rows, capping, hours and the URL map', () => {
    const e = errorsOf(draft((x) => {
      x.rules.push({ ...structuredClone(x.rules[0]!), id: 'second', name: 'Second' });
      x.rules[1]!.conditions = [{ kind: 'pageName', pattern: '' }, { kind: 'query', param: '', test: 'present', equals: '' }];
      x.rules[1]!.metadata = [{ key: 'A', value: '1' }, { key: 'A', value: '2' }, { key: '', value: 'orphan' }, { key: 'k'.repeat(101), value: '' }, { key: 'Long', value: 'v'.repeat(1001) }];
      x.rules[1]!.autoDismissSeconds = '2.5';
      x.capping.dailyCap = '1.5';
      x.capping.visitTimeoutMinutes = '0';
      x.capping.minGapSeconds = '';
      x.businessHours.timeZone = 'Mars/Olympus';
      x.businessHours.days.tue.close = '08:00';
      x.businessHours.holidays = '2025-12-25\n25/12/2025';
      x.pageName.urlMap = [{ pattern: '', name: 'Home' }];
    }));
    expect(e).toEqual({
      'rules.1.conditions.0.pattern': 'Pattern is required',
      'rules.1.conditions.1.param': 'Query parameter name is required',
      'rules.1.autoDismissSeconds': 'Whole seconds',
      'rules.1.metadata.1.key': '"A" is already used in this rule',
      'rules.1.metadata.2.key': 'Name is required',
      'rules.1.metadata.3.key': 'Invalid name: At most 100 characters',
      'rules.1.metadata.4.value': 'At most 1000 characters',
      'capping.minGapSeconds': 'Must be a number',
      'capping.dailyCap': 'Must be a whole number',
      'capping.visitTimeoutMinutes': 'Must be at least 1',
      'businessHours.timeZone': 'Unknown time zone (use an IANA name like Europe/Paris)',
      'businessHours.days.tue.close': 'Closing time must be after opening time',
      'businessHours.holidays': 'Line 2: Holiday must be YYYY-MM-DD',
      'pageName.urlMap.0.pattern': 'Pattern is required',
    });
  });

  it('lists errors in page order and labels them as the page does', () => {
    const d = draft((x) => {
      x.capping.dailyCap = '-1';
      x.rules[0]!.metadata = [{ key: '', value: 'x' }];
      x.rules[0]!.queue = '';
      x.backend.nickname = '';
    });
    const r = fromDraft(d, SITES);
    if (r.ok) throw new Error('expected errors');
    expect(r.errors.map((e) => e.field)).toEqual(['backend.nickname', 'rules.0.queue', 'rules.0.metadata.0.key', 'capping.dailyCap']);
    expect(r.errors.map((e) => fieldLabel(e.field, d))).toEqual([
      'Chat backend › Visitor nickname',
      'Rule 1 “Billing help” › Queue',
      'Rule 1 “Billing help” › Metadata row 1 › Name',
      'Frequency capping › Daily cap (offers per day, 0 for no limit)',
    ]);
    expect(sortByPage([{ field: 'rules.1.name', message: '' }, { field: 'rules.0.metadata.0.key', message: '' }, { field: 'backend.url', message: '' }]).map((e) => e.field))
      .toEqual(['backend.url', 'rules.0.metadata.0.key', 'rules.1.name']);
  });

  it('labels conditions, days and URL-map rows', () => {
    const d = toDraft(DEFAULT_SETTINGS);
    expect(fieldLabel('rules.0.conditions.0.min', d)).toBe('Rule 1 “Billing help” › Condition 1 › At least');
    expect(fieldLabel('businessHours.days.mon.close', d)).toBe('Business hours › Monday › Closes');
    expect(fieldLabel('pageName.urlMap.2.name', d)).toBe('Page name › URL-to-name row 3 › Page name');
  });
});

describe('the chat backend: GWS or GMS', () => {
  const gmsSettings: Settings = { ...structuredClone(DEFAULT_SETTINGS), backend: { kind: 'gms', url: 'https://gms.example.com', serviceName: 'customer-support', nickname: 'Guest' } };

  it('round-trips GMS settings; the GWS-only field starts at its default, and the other way round', () => {
    expect(fromDraft(toDraft(gmsSettings), SITES)).toEqual({ ok: true, settings: gmsSettings });
    expect(toDraft(gmsSettings).backend.contactCenterId).toBe(DEFAULT_CONTACT_CENTER_ID);
    expect(toDraft(DEFAULT_SETTINGS).backend).toMatchObject({ kind: 'gws', serviceName: DEFAULT_GMS_SERVICE_NAME });
  });

  it("saves only the chosen dialect's fields, keeping what was typed for the other in the draft", () => {
    const d = draft((x) => {
      x.backend.contactCenterId = 'cc-typed';
      x.backend.kind = 'gms';
      x.backend.serviceName = ' customer-support ';
    });
    const r = fromDraft(d, SITES);
    expect(r.ok && r.settings.backend).toEqual({ kind: 'gms', url: DEFAULT_SETTINGS.backend.url, serviceName: 'customer-support', nickname: 'Visitor' });
    const back = fromDraft({ ...d, backend: { ...d.backend, kind: 'gws' } }, SITES);
    expect(back.ok && back.settings.backend).toEqual({ ...DEFAULT_SETTINGS.backend, contactCenterId: 'cc-typed' });
  });

  it('points a bad service name at its field, and ignores a blank ContactCenterId it does not use', () => {
    const d = draft((x) => {
      x.backend.kind = 'gms';
      x.backend.serviceName = 'chat/v2';
      x.backend.contactCenterId = '';
    });
    expect(errorsOf(d)).toEqual({ 'backend.serviceName': 'Service name may use only letters, digits, ".", "_" and "-", e.g. request-chat' });
    expect(fieldLabel('backend.serviceName', d)).toBe('Chat backend › Service name');
    expect(fieldLabel('backend.kind', d)).toBe('Chat backend › Chat API');
    expect(errorsOf(draft((x) => { x.backend.kind = 'gms'; x.backend.serviceName = ''; }))).toEqual({ 'backend.serviceName': 'Service name is required' });
  });
});

describe('parseNumber', () => {
  it.each([['10', 10], [' 2.5 ', 2.5], ['-1', -1], ['.5', 0.5], ['', NaN], ['1e3', NaN], ['0x1', NaN], ['1,5', NaN], ['Infinity', NaN]])('%j → %s', (text, n) => {
    expect(parseNumber(text)).toBe(n);
  });
});
