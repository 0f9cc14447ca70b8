import { describe, expect, it } from 'vitest';
import { DEFAULT_CRM } from '../../src/core/crm/settings';
import { PageRequestSchema, parseMessage, PickReplySchema, UiToBackgroundSchema, WatcherReportSchema } from '../../src/protocol/messages';

describe('watcher reports', () => {
  const good = {
    type: 'watcher.context', url: 'https://x.test/a', title: 'A', ogTitle: '', lang: 'de-CH', selectorText: '', selector: '', referrer: '',
    activeMs: 5, visibleMs: 10, wallMs: 12, idleMs: 1, scrollDepth: 40, exitIntent: false, navigated: true,
  };
  it('accepts a well-formed report', () => expect(parseMessage(WatcherReportSchema, good)).toEqual({ ok: true, value: good }));
  it.each([
    [{ ...good, url: 'javascript:alert(1)x y' }],
    [{ ...good, visibleMs: -1 }],
    [{ ...good, visibleMs: Number.POSITIVE_INFINITY }],
    [{ ...good, title: 'x'.repeat(1001) }],
    [{ ...good, scrollDepth: 101 }],
    [{ ...good, exitIntent: 'yes' }],
    [{ ...good, navigated: undefined }],
    [{ ...good, type: 'other' }],
    ['a string'],
    [null],
  ])('rejects %j with a reason', (bad) => {
    const r = parseMessage(WatcherReportSchema, bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.length).toBeGreaterThan(0);
  });
});

describe('watcher reports: element triggers', () => {
  const good = {
    type: 'watcher.context', url: 'https://x.test/a', title: 'A', ogTitle: '', lang: '', selectorText: '', selector: '', referrer: '',
    activeMs: 5, visibleMs: 10, wallMs: 12, idleMs: 1, scrollDepth: 40, exitIntent: false, navigated: false,
    visibleSelectors: ['.plans'], clickedSelectors: ['button[data-testid="apply"]'], invalidSelectors: ['a:nope'],
  };
  it('accepts the selectors seen, clicked and refused', () => expect(parseMessage(WatcherReportSchema, good)).toEqual({ ok: true, value: good }));
  it.each([
    ['too many seen', { visibleSelectors: Array.from({ length: 21 }, (_, i) => `.s${i}`) }, 'visibleSelectors: at most 20 selectors'],
    ['too many clicked', { clickedSelectors: Array.from({ length: 21 }, (_, i) => `#c${i}`) }, 'clickedSelectors: at most 20 selectors'],
    ['too many refused', { invalidSelectors: Array.from({ length: 41 }, (_, i) => `x${i}`) }, 'invalidSelectors: at most 40 selectors'],
    ['a selector over 500 characters', { clickedSelectors: ['a'.repeat(501)] }, 'clickedSelectors.0'],
    ['an empty selector', { visibleSelectors: [''] }, 'visibleSelectors.0'],
    ['a selector that is not text', { clickedSelectors: [42] }, 'clickedSelectors.0'],
    ['a list that is not one', { visibleSelectors: '.plans' }, 'visibleSelectors'],
  ])('rejects %s', (_what, over, where) => {
    const r = parseMessage(WatcherReportSchema, { ...good, ...over });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(where);
  });
  it('accepts a report of an older watcher without them', () => {
    const { visibleSelectors: _v, clickedSelectors: _c, invalidSelectors: _i, ...old } = good;
    expect(parseMessage(WatcherReportSchema, old).ok).toBe(true);
  });
});

describe('picker replies', () => {
  it.each([[{ selector: '#apply' }], [{ error: 'no-target' }], [{ error: 'no-selector' }]])('accepts %j', (reply) => {
    expect(parseMessage(PickReplySchema, reply)).toEqual({ ok: true, value: reply });
  });
  it.each([[{ selector: '' }], [{ selector: 'a'.repeat(501) }], [{ error: 'anything else' }], [{}], [null], ['#apply']])('rejects %j', (reply) => {
    expect(parseMessage(PickReplySchema, reply).ok).toBe(false);
  });
});

describe('UI commands', () => {
  it('accepts each command', () => {
    for (const m of [
      { type: 'hello' },
      { type: 'hello', tabId: 3 },
      { type: 'offer.accept', offerId: 'o' },
      { type: 'offer.decline', offerId: 'o' },
      { type: 'chat.send', chatId: 'c', text: 'hi', clientMessageId: 'm-12345678' },
      { type: 'chat.end', chatId: 'c' },
      { type: 'chat.focus', chatId: 'c' },
      { type: 'heartbeat' },
      { type: 'debug.fastForward', seconds: 30 },
      { type: 'debug.exitIntent' },
      { type: 'debug.resetVisitor' },
    ]) {
      expect(parseMessage(UiToBackgroundSchema, m).ok).toBe(true);
    }
  });

  it('refuses empty and oversized messages with a clear reason', () => {
    const empty = parseMessage(UiToBackgroundSchema, { type: 'chat.send', chatId: 'c', text: '   ', clientMessageId: 'm-12345678' });
    expect(empty).toEqual({ ok: false, error: 'text: Message is empty' });
    const long = parseMessage(UiToBackgroundSchema, { type: 'chat.send', chatId: 'c', text: 'x'.repeat(4001), clientMessageId: 'm-12345678' });
    expect(long.ok === false && long.error).toMatch(/4000/);
  });

  it('refuses unknown commands and bad tab ids', () => {
    expect(parseMessage(UiToBackgroundSchema, { type: 'chat.delete', chatId: 'c' }).ok).toBe(false);
    expect(parseMessage(UiToBackgroundSchema, { type: 'hello', tabId: -1 }).ok).toBe(false);
    expect(parseMessage(UiToBackgroundSchema, { type: 'debug.fastForward', seconds: -5 }).ok).toBe(false);
  });
});

describe('options page requests', () => {
  it('accepts Test connection with full CRM settings, and Retry with an event id', () => {
    expect(parseMessage(PageRequestSchema, { type: 'crm.test', crm: DEFAULT_CRM })).toEqual({ ok: true, value: { type: 'crm.test', crm: DEFAULT_CRM } });
    expect(parseMessage(PageRequestSchema, { type: 'crm.retry', id: 'start:abc' }).ok).toBe(true);
    expect(parseMessage(PageRequestSchema, { type: 'crm.discard', id: 'start:abc' }).ok).toBe(true);
  });

  it('refuses incomplete CRM settings, naming the field, and anything else', () => {
    const r = parseMessage(PageRequestSchema, { type: 'crm.test', crm: { ...DEFAULT_CRM, connector: 'webhook' } });
    expect(r).toEqual({ ok: false, error: 'crm.webhook.url: Webhook URL is required' });
    expect(parseMessage(PageRequestSchema, { type: 'crm.retry', id: 'x'.repeat(201) }).ok).toBe(false);
    expect(parseMessage(PageRequestSchema, { type: 'crm.delete' }).ok).toBe(false);
    expect(parseMessage(PageRequestSchema, 'crm.test').ok).toBe(false);
  });
});
