/**
 * One prospect's demo as one file: exported with the sites that use its profile and the rules,
 * refused on import with every problem at its field, and added to another browser's settings
 * without overwriting anything there.
 */
import { describe, expect, it } from 'vitest';
import { applyDemo, exportDemo, parseDemo } from '../../src/core/profiles/demo-bundle';
import { DEFAULT_PROFILE } from '../../src/core/profiles/profile';
import { DEFAULT_RULE, DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../src/core/settings';
import { describeChanges } from '../../src/ui/options/changes';

const bank = { ...DEFAULT_PROFILE, id: 'bank', name: 'Bank AG', brand: 'Bank AG Hilfe', accent: '#004b87', language: 'de' as const };
const site = 'https://bank.example/*';
const mine: Settings = {
  ...DEFAULT_SETTINGS,
  profiles: [DEFAULT_PROFILE, bank],
  enabledSites: [...DEFAULT_SETTINGS.enabledSites, site],
  siteOptions: { [site]: { pageApi: false, offerWaitSeconds: 0, chatQueue: '', profileId: 'bank' } },
  rules: [DEFAULT_RULE, { ...DEFAULT_RULE, id: 'loans', name: 'Loans help', queue: 'Loans' }],
};

describe('demo files', () => {
  it('export the profile, the sites that use it and the rules; a round trip is valid', () => {
    const demo = exportDemo(mine, 'bank')!;
    expect(demo).toMatchObject({ kind: 'beckon-demo', version: 1, profile: bank, sites: [{ pattern: site, options: { profileId: 'bank' } }] });
    expect(demo.rules.map((r) => r.id)).toEqual(['default', 'loans']);
    expect(parseDemo(JSON.stringify(demo))).toEqual({ ok: true, demo });
    expect(exportDemo(mine, 'nope')).toBeNull();
  });

  it('refuses a bad file with every problem at its field', () => {
    const demo = exportDemo(mine, 'bank')!;
    const bad = { ...demo, profile: { ...demo.profile, accent: '#ffff00' }, sites: [{ pattern: 'not a pattern', options: {} }] };
    const result = parseDemo(JSON.stringify(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual(expect.arrayContaining([
        { path: 'profile.accent', message: expect.stringMatching(/Accent on the white widget contrast is 1\.07:1/) },
        { path: 'sites.0.pattern', message: 'Site must be a match pattern like https://shop.example.com/*' },
      ]));
    }
    expect(parseDemo('{"kind":"beckon-settings"}')).toMatchObject({ ok: false, errors: expect.arrayContaining([{ path: 'kind', message: 'Not a Beckon demo file (kind must be "beckon-demo")' }]) });
    expect(parseDemo('{oops')).toMatchObject({ ok: false, errors: [{ path: '(file)', message: expect.stringMatching(/^Not valid JSON/) }] });
  });

  it('imports into a fresh browser: the profile, its site enabled and using it, the rules it lacks', () => {
    const plan = applyDemo(DEFAULT_SETTINGS, exportDemo(mine, 'bank')!);
    expect(plan.profile).toEqual(bank);
    expect(plan.newSites).toEqual([site]);
    expect(plan.newRules.map((r) => r.id)).toEqual(['loans']); // the default rule is the same: not doubled
    expect(plan.settings.siteOptions[site]?.profileId).toBe('bank');
    expect(SettingsSchema.safeParse(plan.settings).success).toBe(true);
    expect(describeChanges(DEFAULT_SETTINGS, plan.settings)).toEqual(expect.arrayContaining(['Profile “Bank AG” added', `Enabled sites added: ${site}`, 'Rule “Loans help” added']));
  });

  it('never overwrites: a profile or rule of the same id but other content comes in under a new id', () => {
    const theirs = { ...exportDemo(mine, 'bank')!, profile: { ...bank, brand: 'Bank AG Service' }, rules: [{ ...DEFAULT_RULE, queue: 'Loans' }] };
    const plan = applyDemo(mine, theirs);
    expect(plan.profile).toMatchObject({ id: 'bank-2', name: 'Bank AG (imported)', brand: 'Bank AG Service' });
    expect(plan.settings.profiles.find((p) => p.id === 'bank')).toEqual(bank);
    expect(plan.newRules.map((r) => [r.id, r.queue])).toEqual([['default-2', 'Loans']]);
    expect(plan.settings.siteOptions[site]?.profileId).toBe('bank-2');
    expect(SettingsSchema.safeParse(plan.settings).success).toBe(true);
  });
});
