import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEFAULT_CONTACT_CENTER_ID } from '../../src/core/defaults';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import type { OutcomeRecord } from '../../src/protocol/storage';
import { describeChanges, MAX_CHANGE_LINES } from '../../src/ui/options/changes';
import { domId, errorsByField, lineOf, ruleHasErrors } from '../../src/ui/options/field-errors';
import { friendlyMessage } from '../../src/ui/options/messages';
import { formatAt, newestFirst } from '../../src/ui/options/outcomes';
import { hostsToGiveBack, originPattern, permissionPlan } from '../../src/ui/options/permissions';

const edited = (edit: (s: Settings) => void): Settings => {
  const s = structuredClone(DEFAULT_SETTINGS);
  edit(s);
  return s;
};

describe('what an import changes', () => {
  it('is nothing for the same settings', () => {
    expect(describeChanges(DEFAULT_SETTINGS, structuredClone(DEFAULT_SETTINGS))).toEqual([]);
  });

  it('names changed fields, rules added, removed, changed and reordered, and sites', () => {
    const before = edited((s) => s.rules.push({ ...s.rules[0]!, id: 'b', name: 'B' }, { ...s.rules[0]!, id: 'gone', name: 'Gone' }));
    const after = edited((s) => {
      s.backend.nickname = 'Guest';
      s.rules = [{ ...s.rules[0]!, id: 'b', name: 'B', queue: 'Loans' }, s.rules[0]!, { ...s.rules[0]!, id: 'new', name: 'New' }];
      s.capping.dailyCap = 9;
      s.businessHours.days.sat = { open: '10:00', close: '12:00' };
      s.privacyGuard = false;
      s.enabledSites = ['http://127.0.0.1/demo/*', 'https://shop.example.com/*'];
    });
    expect(describeChanges(before, after)).toEqual([
      'Chat backend › Visitor nickname: “Visitor” → “Guest”',
      'Rule “B” changed: Queue',
      'Rule “New” added',
      'Rule “Gone” removed',
      'Rule order changed',
      'Frequency capping › Daily cap (offers per day, 0 for no limit): 5 → 9',
      'Business hours › opening hours changed',
      'Privacy guard: on → off',
      'Enabled sites added: https://shop.example.com/*',
      'Enabled sites removed: http://localhost/demo/*',
    ]);
  });

  it('names a change of chat API, and the fields only one of them has', () => {
    const after = edited((s) => {
      s.backend = { kind: 'gms', url: s.backend.url, serviceName: 'request-chat', nickname: s.backend.nickname };
    });
    expect(describeChanges(DEFAULT_SETTINGS, after)).toEqual([
      'Chat backend › Chat API: “GWS Customer Chat API v2” → “GMS Chat API v2”',
      `Chat backend › ContactCenterId: “${DEFAULT_CONTACT_CENTER_ID}” → (not set)`,
      'Chat backend › Service name: (not set) → “request-chat”',
    ]);
  });

  it('is capped in length', () => {
    const after = edited((s) => { s.rules = Array.from({ length: 60 }, (_, i) => ({ ...s.rules[0]!, id: `r${i}`, name: `R${i}` })); });
    const lines = describeChanges(DEFAULT_SETTINGS, after);
    expect(lines).toHaveLength(MAX_CHANGE_LINES);
    expect(lines.at(-1)).toMatch(/^…and \d+ more changes$/);
  });
});

describe('permissions', () => {
  it('derives the backend origin pattern', () => {
    expect(originPattern('http://127.0.0.1:7400/api')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://gws.example.com')).toBe('https://gws.example.com/*');
    expect(originPattern('nope')).toBeNull();
  });

  it('requests the backend and newly enabled sites, and gives back removed sites but never the backend', () => {
    const next = edited((s) => {
      s.backend.url = 'https://gws.example.com';
      s.enabledSites = ['https://gws.example.com/*', 'http://127.0.0.1/*'];
    });
    const current = edited((s) => { s.enabledSites = ['http://127.0.0.1/*', 'http://localhost/*', 'https://gws.example.com/*']; });
    // The default CRM, the Sandbox's, is on 127.0.0.1: requested (already granted at install) and kept.
    expect(permissionPlan(current, next)).toEqual({ request: ['https://gws.example.com/*', 'http://127.0.0.1/*'], remove: ['http://localhost/*'] });
    expect(permissionPlan(DEFAULT_SETTINGS, next)).toEqual({ request: ['https://gws.example.com/*', 'http://127.0.0.1/*'], remove: ['http://localhost/*'] });
  });

  it('works on hosts: a site path is asked for as its host, and a host still used by another site is kept', () => {
    const current = edited((s) => { s.enabledSites = ['https://shop.example.com/a/*', 'https://shop.example.com/b/*', 'https://old.example.com/x/*']; });
    const next = edited((s) => { s.enabledSites = ['https://shop.example.com/b/*', 'https://new.example.com/y/*']; });
    expect(permissionPlan(current, next)).toEqual({ request: ['http://127.0.0.1/*', 'https://new.example.com/*'], remove: ['https://old.example.com/*'] });
    expect(hostsToGiveBack(['https://a.example.com/p/*'], [], ['https://a.example.com/*'])).toEqual([]);
    expect(hostsToGiveBack(['https://a.example.com/p/*', 'https://a.example.com/q/*'], [])).toEqual(['https://a.example.com/*']);
  });
});

describe('outcome log', () => {
  const rec = (at: number, outcome: OutcomeRecord['outcome']): OutcomeRecord => ({ at, outcome, ruleId: 'r', ruleName: 'R', url: 'u' });
  it('shows the newest first, ties in reverse write order, up to the limit', () => {
    const log = [rec(1, 'offered'), rec(3, 'declined'), rec(2, 'accepted'), rec(3, 'suppressed')];
    expect(newestFirst(log).map((r) => r.outcome)).toEqual(['suppressed', 'declined', 'accepted', 'offered']);
    expect(newestFirst(log, 2)).toHaveLength(2);
    expect(log[0]!.outcome).toBe('offered');
  });

  it('formats times as local YYYY-MM-DD HH:MM:SS', () => {
    expect(formatAt(new Date(2025, 2, 4, 5, 6, 7).getTime())).toBe('2025-03-04 05:06:07');
  });
});

describe('field helpers', () => {
  it('makes DOM ids from field paths', () => {
    expect(domId('rules.0.conditions.1.min')).toBe('f-rules-0-conditions-1-min');
  });
  it('counts only non-blank lines when finding a line', () => {
    expect(lineOf('a\n\n  \nb\nc', 1)).toBe(4);
    expect(lineOf('a', 5)).toBe(6);
  });
  it('groups errors by field and finds rules with errors', () => {
    const errors = [{ field: 'rules.1.queue', message: 'a' }, { field: 'rules.1.queue', message: 'b' }, { field: 'rules.10.name', message: 'c' }];
    expect(errorsByField(errors).get('rules.1.queue')).toEqual(['a', 'b']);
    expect([0, 1, 10].map((i) => ruleHasErrors(errors, i))).toEqual([false, true, true]);
  });
});

describe('friendlyMessage', () => {
  const first = (schema: z.ZodType, value: unknown) => friendlyMessage(schema.safeParse(value).error!.issues[0]!);
  it('rewrites zod built-ins and keeps schema messages', () => {
    expect(first(z.number().min(1), 0)).toBe('Must be at least 1');
    expect(first(z.number().max(9), 10)).toBe('Must be at most 9');
    expect(first(z.number().int(), 1.5)).toBe('Must be a whole number');
    expect(first(z.number(), 'x')).toBe('Must be a number');
    expect(first(z.string().min(1), '')).toBe('Required');
    expect(first(z.string().max(3), 'abcd')).toBe('At most 3 characters');
    expect(first(z.array(z.string()).max(1), ['a', 'b'])).toBe('At most 1 entry');
    expect(first(z.enum(['all', 'any']), 'some')).toBe('Must be one of: all, any');
    expect(first(z.object({ a: z.string() }), {})).toBe('Missing');
    expect(first(z.boolean(), 'yes')).toBe('Expected boolean, received string');
    expect(first(z.string().min(1, 'Queue is required'), '')).toBe('Queue is required');
  });
});
