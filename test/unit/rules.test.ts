import { describe, expect, it } from 'vitest';
import { evaluateRule, urlMatches } from '../../src/core/rules';
import { DEFAULT_SETTINGS, type Rule } from '../../src/core/settings';

const rule = (over: Partial<Rule> = {}): Rule => ({ ...DEFAULT_SETTINGS.rule, ...over });
const ctx = (url: string, visibleMs: number) => ({ url, pageName: 'Bill Payment', visibleMs });

describe('URL patterns', () => {
  it.each([
    ['**', 'https://shop.example.com/a/b?c=1', true],
    ['**/demo/**', 'http://127.0.0.1:7400/demo/bill-payment.html', true],
    ['**/demo/**', 'http://127.0.0.1:7400/other/page.html', false],
    ['https://*.example.com/**', 'https://shop.example.com/cart', true],
    ['https://*.example.com/**', 'https://example.org/cart', false],
    ['https://shop.example.com/*', 'https://shop.example.com/cart/items', false],
    ['https://shop.example.com/**', 'https://SHOP.example.com/Cart', true],
  ])('%s against %s → %s', (pattern, url, expected) => {
    expect(urlMatches(pattern, url)).toBe(expected);
  });
});

describe('evaluateRule', () => {
  it('waits for the remaining visible time', () => {
    expect(evaluateRule(rule({ secondsOnPage: 10 }), ctx('https://x.test/', 4000))).toEqual({ kind: 'wait', remainingMs: 6000 });
  });

  it('is due once the time on page is reached', () => {
    expect(evaluateRule(rule({ secondsOnPage: 10 }), ctx('https://x.test/', 10_000))).toEqual({ kind: 'due' });
    expect(evaluateRule(rule({ secondsOnPage: 0 }), ctx('https://x.test/', 0))).toEqual({ kind: 'due' });
  });

  it('does not match other URLs, and says why', () => {
    const d = evaluateRule(rule({ urlPattern: '**/checkout/**' }), ctx('https://x.test/home', 99_000));
    expect(d.kind).toBe('no-match');
    expect(d.kind === 'no-match' && d.reason).toContain('**/checkout/**');
  });
});
