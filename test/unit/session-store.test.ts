/**
 * The session store's storage: per chat, written behind memory, a write proportional to
 * what changed. Extension storage is WXT's fake browser, wrapped to record every write.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SessionStore, type ChatStorage } from '../../src/background/session-store';
import { endSession, newSession, queueMessage, type ChatSession, type TranscriptEntry } from '../../src/core/chat-session';
import { mergeEvents } from '../../src/core/transcript-merge';
import { legacySessionsItem } from '../../src/protocol/storage';

/** browser.storage.local, with the JSON size of every `set` recorded. */
function recordingStorage() {
  const writes: number[] = [];
  const local = browser.storage.local;
  const storage: ChatStorage = {
    get: (keys) => local.get(keys),
    set: async (items) => {
      writes.push(JSON.stringify(items).length);
      await local.set(items);
    },
    remove: (keys) => local.remove(keys),
  };
  return { storage, writes };
}

const chat = (id = 'c1', at = 1_000): ChatSession => newSession(id, 7, 'Billing', { nickname: 'Visitor', subject: 'Bills', userData: { 'Page Name': 'Home' } }, at, 'bank.example');
const agentSays = (s: ChatSession, index: number) => mergeEvents(s, [{ index, type: 'message', party: 'agent', nickname: 'Alex', text: `Agent line ${index} `.padEnd(120, '.') }], 2_000 + index);

beforeEach(() => fakeBrowser.reset());

describe('SessionStore', () => {
  it('stores each chat under its own keys and reads it back whole after a restart', async () => {
    const { storage } = recordingStorage();
    const store = new SessionStore(storage);
    await store.load(5_000);
    await store.add(chat());
    await store.update('c1', (s) => queueMessage(agentSays({ ...s, chatId: 'gws-1', status: 'connected' }, 1), 'Hi', 'm-1', 'Visitor', 3_000));
    const keys = Object.keys(await browser.storage.local.get(null)).sort();
    expect(keys).toEqual(['chat:c1', 'chat:c1:0', 'chat:c1:1', 'chats']);
    const again = new SessionStore(storage);
    await again.load(5_000);
    expect(again.get('c1')).toEqual({ ...store.get('c1'), needsResync: true }); // a reply may have been lost
  });

  it('writes only what changed: the cost of a message does not grow with the transcript', async () => {
    const { storage, writes } = recordingStorage();
    const store = new SessionStore(storage);
    await store.load(0);
    await store.add({ ...chat(), chatId: 'gws-1', status: 'connected' });
    const sizes: number[] = [];
    for (let i = 1; i <= 600; i++) {
      const before = writes.length;
      await store.update('c1', (s) => agentSays(s, i));
      sizes.push(writes.slice(before).reduce((a, b) => a + b, 0));
    }
    expect(store.get('c1')!.transcript).toHaveLength(600);
    const [first, last] = [sizes[9]!, sizes[599]!];
    expect(last).toBeLessThan(2_048);
    expect(last).toBeLessThanOrEqual(first + 16); // only the digits of the counters grow
  });

  it('keeps the journey under its own key, written once: a message does not carry it', async () => {
    const { storage, writes } = recordingStorage();
    const journey = Array.from({ length: 200 }, (_, i) => ({ at: i, kind: 'decision' as const, text: `Billing help: waiting ${i} `.padEnd(300, '.') }));
    const store = new SessionStore(storage);
    await store.load(0);
    await store.add({ ...chat(), chatId: 'gws-1', status: 'connected', journey });
    expect((await browser.storage.local.get('chat:c1:journey'))['chat:c1:journey']).toEqual(journey);
    expect((await browser.storage.local.get('chat:c1'))['chat:c1']).not.toHaveProperty('journey');
    const before = writes.length;
    await store.update('c1', (s) => agentSays(s, 1));
    expect(writes.slice(before).reduce((a, b) => a + b, 0)).toBeLessThan(2_048);
    const again = new SessionStore(storage);
    await again.load(0);
    expect(again.get('c1')!.journey).toEqual(journey);
    await again.update('c1', (s) => ({ ...s, status: 'ended', endedAt: 5 }));
    expect(writes.slice(-1)[0]).toBeLessThan(2_048); // read back, it is not written again
  });

  it('moves a journey an earlier version kept in the record to its own key', async () => {
    const { storage } = recordingStorage();
    const journey = [{ at: 1, kind: 'page' as const, text: 'Viewed “Home”' }];
    const { transcript: _t, ...record } = { ...chat(), journey };
    await browser.storage.local.set({ chats: ['c1'], 'chat:c1': { ...record, entries: 0 } });
    const store = new SessionStore(storage);
    await store.load(0);
    expect(store.get('c1')!.journey).toEqual(journey);
    await store.update('c1', (s) => agentSays(s, 1));
    const stored = await browser.storage.local.get(['chat:c1', 'chat:c1:journey']);
    expect(stored['chat:c1']).not.toHaveProperty('journey');
    expect(stored['chat:c1:journey']).toEqual(journey);
  });

  it('coalesces changes made in one turn into one write', async () => {
    const { storage, writes } = recordingStorage();
    const store = new SessionStore(storage);
    await store.load(0);
    await store.add(chat());
    const before = writes.length;
    await Promise.all([1, 2, 3].map((i) => store.update('c1', (s) => agentSays(s, i))));
    expect(writes.length - before).toBe(1);
    expect(store.get('c1')!.transcript.map((e) => e.index)).toEqual([1, 2, 3]);
  });

  it('tells listeners at once, and resolves an update (and stored()) only once it is on disk', async () => {
    const { storage } = recordingStorage();
    const store = new SessionStore(storage);
    await store.load(0);
    await store.add(chat());
    const heard: number[] = [];
    store.onChange((s) => heard.push(s.transcript.length));
    const updated = store.update('c1', (s) => agentSays(s, 1));
    expect(heard).toEqual([1]); // memory first: a UI shows it now
    const onDisk = () => browser.storage.local.get('chat:c1:0').then((r) => 'chat:c1:0' in r);
    await store.stored();
    expect(await onDisk()).toBe(true);
    await updated;
  });

  it('moves chats stored the old way (one map) to their own keys, then drops the map', async () => {
    const old = queueMessage(chat('old'), 'Typed before the upgrade', 'm-7', 'Visitor', 1_500);
    await legacySessionsItem.setValue({ old, broken: { id: 'broken' } });
    const store = new SessionStore(recordingStorage().storage);
    await store.load(5_000);
    expect(store.get('old')?.transcript.map((e: TranscriptEntry) => e.text)).toEqual(['Typed before the upgrade']);
    expect(store.get('broken')).toBeUndefined();
    expect(await legacySessionsItem.getValue()).toEqual({});
    const again = new SessionStore(recordingStorage().storage);
    await again.load(5_000);
    expect(again.get('old')?.transcript).toHaveLength(1);
  });

  it('drops an unreadable chat or line with a warning, and prunes chats ended over a day ago', async () => {
    const { storage } = recordingStorage();
    const store = new SessionStore(storage);
    await store.load(0);
    await store.add(chat('keep'));
    await store.update('keep', (s) => agentSays(agentSays(s, 1), 2));
    await store.add(chat('old'));
    await store.update('old', (s) => endSession(agentSays(s, 1), 'The chat has ended.', 10_000));
    await browser.storage.local.set({ 'chat:keep:0': { nonsense: true }, 'chat:bad': 'not a chat', chats: ['keep', 'old', 'bad'] });
    const later = new SessionStore(storage);
    await later.load(10_000 + 25 * 3600 * 1000);
    expect(later.all().map((s) => s.id)).toEqual(['keep']);
    expect(later.get('keep')!.transcript.map((e) => e.index)).toEqual([2]);
    expect(Object.keys(await browser.storage.local.get(null)).filter((k) => k.startsWith('chat:old'))).toEqual([]);
  });
});
