/**
 * Demo profiles, the pure parts: WCAG contrast (the figures are the standard's own examples),
 * the language a widget speaks, and the profile schema's refusals with the field and the reason.
 */
import { describe, expect, it } from 'vitest';
import { contrastProblem, contrastRatio } from '../../src/core/profiles/contrast';
import { directionOf, resolveLanguage, supportedLanguage } from '../../src/core/profiles/languages';
import { lookOf } from '../../src/core/profiles/look';
import { DEFAULT_PROFILE, ProfileSchema, profileById } from '../../src/core/profiles/profile';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../src/core/settings';

describe('contrast', () => {
  it('computes WCAG ratios: black on white 21:1, equal colours 1:1, #777 on white just under 4.5', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#FFFFFF')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('red', '#fff')).toBeNull();
  });

  it('names the pair and how far short it falls', () => {
    expect(contrastProblem('Text on accent', '#ffffff', '#ffcc00')).toBe('Text on accent contrast is 1.51:1, below the 4.5:1 that WCAG AA asks for text (2.99 short)');
    expect(contrastProblem('Text on accent', '#ffffff', '#004b87')).toBeNull();
  });
});

describe('languages', () => {
  it('speaks the profile\'s language, or the page\'s when it has a catalog for it, else English', () => {
    expect(resolveLanguage('de', 'fr')).toBe('de');
    expect(resolveLanguage('page', 'fr-CA')).toBe('fr');
    expect(resolveLanguage('page', 'ja')).toBe('en');
    expect(resolveLanguage('page', '')).toBe('en');
    expect(supportedLanguage('AR_eg')).toBe('ar');
    expect([directionOf('ar'), directionOf('de')]).toEqual(['rtl', 'ltr']);
    expect(lookOf({ ...DEFAULT_PROFILE, language: 'page' }, 'ar')).toMatchObject({ language: 'ar', dir: 'rtl', brand: 'Beckon chat' });
  });
});

describe('ProfileSchema', () => {
  const good = { ...DEFAULT_PROFILE, id: 'acme-bank', name: 'ACME Bank', brand: 'ACME Hilfe', accent: '#004b87', accentInk: '#ffffff', language: 'de' as const };

  it('takes a good profile, and the default one is Beckon\'s own look', () => {
    expect(ProfileSchema.safeParse(good).success).toBe(true);
    expect(ProfileSchema.safeParse(DEFAULT_PROFILE).success).toBe(true);
  });

  it.each([
    [{ accent: '#ffcc00', accentInk: '#ffffff' }, 'accentInk', /Text on accent contrast is 1\.51:1/],
    [{ accent: '#9db8ff', accentInk: '#000000' }, 'accent', /Accent on the white widget contrast is/],
    [{ accent: 'blue' }, 'accent', /must be a colour like #1a2b3c/],
    [{ logo: 'data:image/svg+xml;base64,PHN2Zz4=' }, 'logo', /PNG, JPEG, WebP or GIF/],
    [{ logo: `data:image/png;base64,${'A'.repeat(70_000)}` }, 'logo', /at most 48 KB/],
    [{ language: 'ja' }, 'language', /./],
    [{ id: 'Has Spaces' }, 'id', /lower-case/],
  ])('refuses %j at %s with a clear message', (patch, field, message) => {
    const r = ProfileSchema.safeParse({ ...good, ...patch });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === field);
    expect(issue?.message).toMatch(message);
  });

  it('settings keep the default profile and unique ids; an unknown profile id falls back to the default', () => {
    expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, profiles: [good] }).error?.issues[0]?.message).toBe('The default profile cannot be removed');
    expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, profiles: [DEFAULT_PROFILE, good, good] }).error?.issues[0]?.message).toBe('Two profiles have the same id');
    const { profiles: _p, ...older } = DEFAULT_SETTINGS;
    expect(SettingsSchema.parse(older).profiles).toEqual([DEFAULT_PROFILE]);
    expect(profileById([DEFAULT_PROFILE, good], 'gone').id).toBe('default');
  });
});
