/**
 * The presenter's controls: which rule "Offer now" fires, and the keyboard command handlers
 * and countdown over the real session store (fake storage) with the broker and runner recorded.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Presenter } from '../../src/background/presenter';
import { SessionStore } from '../../src/background/session-store';
import { newSession } from '../../src/core/chat-session';
import { isPresenterCommand, presenterRule, PRESENTER_COMMANDS } from '../../src/core/presenter';
import { DEFAULT_RULE } from '../../src/core/settings';

describe('presenterRule', () => {
  const billing = { ...DEFAULT_RULE, id: 'billing', include: ['**/bill*'], exclude: ['**/bill-archive*'] };
  const loans = { ...DEFAULT_RULE, id: 'loans', include: ['**/loans*'] };
  it('picks the first enabled rule whose URL patterns cover the page, whatever its conditions', () => {
    expect(presenterRule([billing, loans], 'https://bank.test/loans.html')).toEqual({ rule: loans });
    expect(presenterRule([{ ...billing, conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: 999 }] }], 'https://bank.test/bill-payment')).toMatchObject({ rule: { id: 'billing' } });
  });
  it('says why there is none', () => {
    expect(presenterRule([billing], 'https://bank.test/bill-archive')).toEqual({ none: 'No enabled rule covers this page: check the rules\' URL patterns.' });
    expect(presenterRule([{ ...billing, enabled: false }], 'https://bank.test/bill')).toEqual({ none: 'No rule is enabled: enable one in Settings → Rules.' });
  });
  it('names three remappable commands with default keys', () => {
    expect(Object.keys(PRESENTER_COMMANDS)).toEqual(['offer-now', 'reset-visitor', 'end-chat']);
    expect(isPresenterCommand('offer-now')).toBe(true);
    expect(isPresenterCommand('toString')).toBe(false);
  });
});

describe('Presenter', () => {
  let store: SessionStore;
  let calls: string[];
  let timers: { fn: () => void; ms: number; cleared: boolean }[];
  let presenter: Presenter;
  beforeEach(async () => {
    fakeBrowser.reset();
    store = new SessionStore(browser.storage.local);
    await store.load(0);
    calls = [];
    timers = [];
    presenter = new Presenter({
      broker: { offerNow: async (tabId) => void calls.push(`offerNow ${tabId}`), forgetTab: async (tabId) => void calls.push(`forgetTab ${tabId}`) },
      visitors: { reset: async () => (calls.push('reset'), undefined as never) },
      store, runner: { ensure: (id) => void calls.push(`ensure ${id}`) },
      now: () => 1_000, siteOf: async () => 'bank.test', publish: (tabId) => void calls.push(`publish ${tabId}`),
      setTimer: (fn, ms) => (timers.push({ fn, ms, cleared: false }), timers.length - 1),
      clearTimer: (t) => void (timers[t as number]!.cleared = true),
    });
  });

  it('offer-now asks the broker; reset-visitor resets capping and the tab\'s offer', async () => {
    await presenter.command('offer-now', 7);
    await presenter.command('reset-visitor', 7);
    expect(calls).toEqual(['offerNow 7', 'reset', 'forgetTab 7']);
  });

  it('end-chat ends the chat shown on the tab, and says so when there is none', async () => {
    expect(await presenter.command('end-chat', 7)).toBe('No chat is running on this tab.');
    await store.add({ ...newSession('c1', 7, 'Billing', { nickname: 'V', subject: '', userData: {} }, 1, 'bank.test'), chatId: 'g1', status: 'connected' });
    expect(await presenter.command('end-chat', 7)).toBeUndefined();
    expect(store.get('c1')!.endRequested).toBe(true);
    expect(calls).toContain('ensure c1');
  });

  it('counts down "Offer in N s", shows when it fires, can be cancelled, and refuses nonsense', () => {
    expect(presenter.offerIn(7, 0)).toBe('Choose 1 to 300 seconds.');
    expect(presenter.offerIn(7, 301)).toBe('Choose 1 to 300 seconds.');
    presenter.offerIn(7, 5);
    expect(presenter.countdownOf(7)).toBe(6_000);
    expect(timers[0]!.ms).toBe(5_000);
    presenter.offerIn(7, 10); // a new one replaces the old
    expect(timers[0]!.cleared).toBe(true);
    presenter.cancel(7);
    expect([timers[1]!.cleared, presenter.countdownOf(7)]).toEqual([true, undefined]);
    presenter.offerIn(7, 3);
    timers[2]!.fn();
    expect(calls.at(-1)).toBe('offerNow 7');
    expect(presenter.countdownOf(7)).toBeUndefined();
  });
});
