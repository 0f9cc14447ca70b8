import { describe, expect, it } from 'vitest';
import { isValidMatchPattern, matchesPattern, sitePatternFor } from '../../src/core/match-pattern';
import { chatUserData, formatDuration } from '../../src/core/page-context';
import { DEFAULT_SETTINGS, settingsOrDefault, SettingsSchema } from '../../src/core/settings';

describe('settings', () => {
  it('defaults are valid and point at the local Sandbox and its demo site', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.backend.url).toBe('http://127.0.0.1:7400');
    expect(DEFAULT_SETTINGS.enabledSites).toEqual(['http://127.0.0.1/demo/*', 'http://localhost/demo/*']);
  });

  it('migrates version 1 settings (one rule) to version 2 (a list of rules)', () => {
    const v1 = {
      version: 1,
      backend: DEFAULT_SETTINGS.backend,
      rule: { id: 'default', urlPattern: '**/demo/**', secondsOnPage: 7, queue: 'Loans', topic: 'Loans?' },
      enabledSites: ['https://shop.example.com/*'],
    };
    const s = settingsOrDefault(v1);
    expect(s).not.toBe(DEFAULT_SETTINGS);
    expect(s.rules).toHaveLength(1);
    expect(s.rules[0]).toMatchObject({
      include: ['**/demo/**'], queue: 'Loans', offerText: 'Loans?',
      conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: 7 }],
    });
    expect(s.enabledSites).toEqual(['https://shop.example.com/*']);
    expect(s.capping).toEqual(DEFAULT_SETTINGS.capping);
  });

  it('migrates version 3 to 4: the old out-of-the-box sites (every loopback page) become the demo site only', () => {
    const v3 = { ...structuredClone(DEFAULT_SETTINGS), version: 3, enabledSites: ['http://127.0.0.1/*', 'http://localhost/*', 'https://shop.example.com/*'] };
    const s = settingsOrDefault(v3);
    expect(s.version).toBe(4);
    expect(s.enabledSites).toEqual(['http://127.0.0.1/demo/*', 'http://localhost/demo/*', 'https://shop.example.com/*']);
    // The agent console is a loopback page too: it is not enabled any more.
    expect(s.enabledSites.some((p) => matchesPattern(p, 'http://127.0.0.1:7400/console/'))).toBe(false);
    expect(s.enabledSites.some((p) => matchesPattern(p, 'http://127.0.0.1:7400/demo/loans.html'))).toBe(true);
  });

  it('keeps the sites a user chose when migrating to version 4, and does not duplicate the demo site', () => {
    const mine = { ...structuredClone(DEFAULT_SETTINGS), version: 3, enabledSites: ['https://shop.example.com/*'] };
    expect(settingsOrDefault(mine).enabledSites).toEqual(['https://shop.example.com/*']);
    const both = { ...structuredClone(DEFAULT_SETTINGS), version: 3, enabledSites: ['http://127.0.0.1/demo/*', 'http://127.0.0.1/*'] };
    expect(settingsOrDefault(both).enabledSites).toEqual(['http://127.0.0.1/demo/*', 'http://localhost/demo/*']);
  });

  it('falls back to defaults for unreadable stored values', () => {
    expect(settingsOrDefault(undefined)).toBe(DEFAULT_SETTINGS);
    expect(settingsOrDefault({ version: 1, backend: 'nope' })).toBe(DEFAULT_SETTINGS);
  });
});

describe('match patterns', () => {
  it.each([
    ['https://shop.example.com/*', true],
    ['https://*.example.com/*', true],
    ['*://example.com/*', true],
    ['http://127.0.0.1/*', true],
    ['http://127.0.0.1:7400/*', false],
    ['shop.example.com', false],
    ['ftp://example.com/*', false],
  ])('%s valid → %s', (p, ok) => expect(isValidMatchPattern(p)).toBe(ok));

  it('matches URLs', () => {
    expect(matchesPattern('http://127.0.0.1/*', 'http://127.0.0.1:7400/demo/')).toBe(true);
    expect(matchesPattern('https://*.example.com/*', 'https://a.b.example.com/x')).toBe(true);
    expect(matchesPattern('https://*.example.com/*', 'https://example.com.evil.test/')).toBe(false);
    expect(matchesPattern('https://example.com/shop/*', 'https://example.com/blog/')).toBe(false);
  });

  it('derives a site pattern from a URL', () => {
    expect(sitePatternFor('https://shop.example.com/cart?x=1')).toBe('https://shop.example.com/*');
    expect(sitePatternFor('chrome://settings')).toBeNull();
    expect(sitePatternFor('not a url')).toBeNull();
  });
});

describe('page context', () => {
  it.each([
    [0, '0 s'],
    [8_400, '8 s'],
    [125_000, '2 min 5 s'],
    [120_000, '2 min'],
    [3_780_000, '1 h 3 min'],
  ])('formats %i ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('builds the user data an agent sees', () => {
    expect(chatUserData({ url: 'http://x.test/bill', pageName: 'Bill Payment', visibleMs: 12_000 })).toEqual({
      'Page Name': 'Bill Payment',
      'Time spent on page': '12 s',
      URL: 'http://x.test/bill',
    });
  });
});
