/**
 * Each tab's current page (when it was entered, its language): kept in memory, stored in the
 * session area so a restarted worker reads it back, and forgotten per tab. WXT's fake browser.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TabPages } from '../../src/background/tab-pages';

beforeEach(() => fakeBrowser.reset());

describe('TabPages', () => {
  it('notes each tab\'s page and language, reads them back after a restart, and forgets a tab', async () => {
    const pages = new TabPages();
    expect(await pages.since(1)).toBeUndefined();
    expect(await pages.lang(1)).toBe('');
    await pages.entered(1, 'de', 1_000);
    await pages.entered(2, '', 2_000);
    await pages.entered(1, 'de', 3_000); // a new route of the same page
    const restarted = new TabPages();
    expect([await restarted.since(1), await restarted.lang(1), await restarted.since(2), await restarted.lang(2)]).toEqual([3_000, 'de', 2_000, '']);
    await restarted.forget(1);
    expect([await restarted.since(1), await restarted.lang(1), await restarted.since(2)]).toEqual([undefined, '', 2_000]);
    expect(await new TabPages().since(1)).toBeUndefined();
  });
});
