import { describe, expect, it } from 'vitest';
import { clampUserData } from '../../src/backends/user-data-limits';
import { clipText, clipUrl } from '../../src/core/clip';
import { scrubText, scrubUrl } from '../../src/core/privacy';

const ORIGIN = 'https://shop.test';
const isHttpUrl = (s: string) => /^https?:\/\/\S+$/.test(s) && new URL(s).origin === ORIGIN;

describe('clipText', () => {
  it('leaves text within the limit as it is', () => {
    expect(clipText('', 10)).toBe('');
    expect(clipText('0123456789', 10)).toBe('0123456789');
    expect(clipText('one two three', 9)).toBe('one two');
  });

  it('cuts at a word boundary, so an address or number is never cut in two', () => {
    // Character 1000 falls inside the address, then inside the number.
    for (const title of [`${'word '.repeat(197)}jane.doe@example.com about it`, `${'word '.repeat(199)}41111111111111 card`]) {
      const clipped = clipText(title, 1000);
      expect(clipped.length).toBeLessThanOrEqual(1000);
      expect(clipped.length).toBeGreaterThan(900);
      expect(title.startsWith(clipped)).toBe(true);
      // Whatever survives of an email or card number is whole, so the privacy guard still sees it.
      expect(scrubText(clipped)).not.toMatch(/@|\d{4}/);
    }
  });

  it('cuts a text without spaces at the limit, never in the middle of a surrogate pair', () => {
    expect(clipText('x'.repeat(2000), 1000)).toBe('x'.repeat(1000));
    const emoji = `${'x'.repeat(999)}😀tail`; // the emoji's high surrogate is character 1000
    expect(clipText(emoji, 1000)).toBe('x'.repeat(999));
    expect(clipText('😀😀😀', 3)).toBe('😀');
  });
});

describe('clipUrl', () => {
  it('leaves a URL within the limit as it is (credentials, port and all)', () => {
    expect(clipUrl('https://a:b@shop.test:8443/x?y#z', 4096)).toBe('https://a:b@shop.test:8443/x?y#z');
    expect(clipUrl('', 4096)).toBe('');
  });

  it('drops the fragment first, then keeps whole query parameters that fit', () => {
    const url = `${ORIGIN}/checkout?step=2&plan=gold&state=${'s'.repeat(5000)}#${'f'.repeat(100)}`;
    expect(clipUrl(`${ORIGIN}/checkout?step=2#${'f'.repeat(5000)}`, 4096)).toBe(`${ORIGIN}/checkout?step=2`);
    const clipped = clipUrl(url, 4096);
    expect(clipped).toBe(`${ORIGIN}/checkout?step=2&plan=gold`);
    expect(new URL(clipped).searchParams.get('plan')).toBe('gold'); // query conditions still read it
  });

  it('keeps a hash route when the query alone is too long, else the bare path', () => {
    expect(clipUrl(`${ORIGIN}/app?blob=${'b'.repeat(5000)}#/loans/apply`, 4096)).toBe(`${ORIGIN}/app#/loans/apply`);
    expect(clipUrl(`${ORIGIN}/app?blob=${'b'.repeat(5000)}#/${'h'.repeat(5000)}`, 4096)).toBe(`${ORIGIN}/app`);
  });

  it('cuts a long path at a segment boundary and drops credentials', () => {
    const path = `/a/${'seg/'.repeat(600)}account/12345678901234/${'z'.repeat(3000)}`;
    const clipped = clipUrl(`https://user:pw@shop.test${path}?q=1`, 4096);
    expect(clipped.length).toBeLessThanOrEqual(4096);
    expect(isHttpUrl(clipped)).toBe(true);
    expect(clipped.endsWith('/')).toBe(true);
    expect(clipped).not.toContain('user');
    expect(clipUrl(`${ORIGIN}/${'x'.repeat(5000)}`, 4096)).toBe(`${ORIGIN}/`);
    // A digit run survives whole or not at all: the privacy guard scrubs what is left.
    expect(scrubUrl(clipUrl(`${ORIGIN}/${'p/'.repeat(2040)}12345678901234/x`, 4096))).not.toMatch(/\d{3}/);
  });

  it.each([
    `${ORIGIN}/${'é'.repeat(3000)}`, // percent-encoded: 6 characters each
    `${ORIGIN}/?${'a=1&'.repeat(2000)}`,
    `${ORIGIN}/#${'x'.repeat(9000)}`,
    `http://shop.test/${'a/'.repeat(5000)}`,
  ])('always gives a valid http(s) URL of the same origin within the limit (%#)', (raw) => {
    const href = new URL(raw).href;
    const clipped = clipUrl(href, 4096);
    expect(clipped.length).toBeLessThanOrEqual(4096);
    expect(isHttpUrl(clipped.replace('http:', 'https:'))).toBe(true);
    expect(href.startsWith(clipped) || href.startsWith(clipped.split('#')[0]!)).toBe(true);
  });

  it('gives nothing for something too long that is not a URL', () => {
    expect(clipUrl('x'.repeat(5000), 4096)).toBe('');
  });
});

describe('clampUserData', () => {
  const limits = { valueMax: 10, keyMax: 5, keysMax: 3 };
  it('clips values and keys, keeps the first keys, and the first of two keys that clip alike', () => {
    expect(clampUserData({ longer1: 'a', longer2: 'b', ok: 'one two three', '': 'x', c: 'c', d: 'd' }, limits))
      .toEqual({ longe: 'a', ok: 'one two', c: 'c' });
  });
  it('keeps a key named __proto__ as data, never as a prototype', () => {
    const out = clampUserData(JSON.parse('{"__proto__":"p","a":"1"}') as Record<string, string>, { ...limits, keyMax: 20 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.entries(out)).toEqual([['__proto__', 'p'], ['a', '1']]);
  });
});
