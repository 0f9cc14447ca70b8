/**
 * The background's end of the page API: which ports it takes, what it refuses (bad input,
 * floods, chats the page did not start), and the events it tells the page, over in-memory
 * ports. The session store is the real one on WXT's fake storage; the chat runner is a
 * recorder (the chat loop has its own tests).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { PageApiHub } from '../../src/background/page-api-hub';
import type { PageCallDeps } from '../../src/background/page-api-calls';
import { SessionStore } from '../../src/background/session-store';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { mergeEvents } from '../../src/core/transcript-merge';
import type { PageApiPush } from '../../src/protocol/page-api';

const SITE = 'https://shop.example/*';
const settingsWith = (pageApi: boolean): Settings => ({ ...DEFAULT_SETTINGS, enabledSites: [SITE], siteOptions: { [SITE]: { pageApi, offerWaitSeconds: 0, chatQueue: 'Sales', profileId: 'default' } } });

/** A runtime port as the relay's would arrive: `sent` is what the hub posted. */
function relayPort(sender: { tabId?: number; frameId?: number; url?: string }) {
  const sent: PageApiPush[] = [];
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  let disconnected = false;
  const port = {
    name: 'beckon-page-api',
    sender: { ...(sender.tabId === undefined ? {} : { tab: { id: sender.tabId } }), frameId: sender.frameId ?? 0, url: sender.url ?? 'https://shop.example/cart' },
    postMessage: (m: PageApiPush) => void sent.push(m),
    disconnect: () => void (disconnected = true),
    onMessage: { addListener: (l: (m: unknown) => void) => void onMessage.push(l) },
    onDisconnect: { addListener: (l: () => void) => void onDisconnect.push(l) },
  } as unknown as Browser.runtime.Port;
  const replies = () => sent.filter((p): p is Extract<PageApiPush, { type: 'reply' }> => p.type === 'reply').map((p) => p.reply);
  return { port, sent, replies, send: (m: unknown) => onMessage.forEach((l) => l(m)), get disconnected() { return disconnected; } };
}

let store: SessionStore;
let settings: Settings;
let ensured: string[];
let clock: number;
let hub: PageApiHub;
const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(async () => {
  fakeBrowser.reset();
  store = new SessionStore(browser.storage.local);
  await store.load(0);
  settings = settingsWith(true);
  ensured = [];
  clock = 1_000;
  let ids = 0;
  const deps = {
    store, settings: async () => settings, now: () => clock, newId: () => `chat-${++ids}`,
    runner: { ensure: (id: string) => void ensured.push(id), setTyping: () => undefined },
    backend: async () => ({ getUserData: async () => ({ Plan: 'Gold' }), deleteUserData: async () => undefined }),
    broker: {}, visitors: {}, suppressed: () => undefined,
  } as unknown as PageCallDeps;
  hub = new PageApiHub(deps);
});

describe('PageApiHub', () => {
  it('closes a port from a site without the page API, or from a subframe, and answers nothing', async () => {
    settings = settingsWith(false);
    const off = relayPort({ tabId: 1 });
    hub.attach(off.port, Promise.resolve());
    off.send({ id: 1, request: { call: 'startChat' } });
    await settle();
    settings = settingsWith(true);
    const sub = relayPort({ tabId: 1, frameId: 3 });
    hub.attach(sub.port, Promise.resolve());
    await settle();
    expect([off.disconnected, sub.disconnected]).toEqual([true, true]);
    expect([...off.replies(), ...sub.replies()]).toEqual([]);
    expect(store.all()).toEqual([]);
  });

  it('starts a page chat on the site\'s queue, refuses a second one here (200) and on another page (201)', async () => {
    const a = relayPort({ tabId: 1 });
    const b = relayPort({ tabId: 2, url: 'https://shop.example/help' });
    hub.attach(a.port, Promise.resolve());
    hub.attach(b.port, Promise.resolve());
    a.send({ id: 1, request: { call: 'startChat', nickname: 'Jane', userData: { Plan: 'Gold' } } });
    a.send({ id: 2, request: { call: 'startChat' } });
    await settle();
    b.send({ id: 1, request: { call: 'startChat' } });
    await settle();
    expect(a.replies()).toEqual([{ id: 1, ok: true, value: 'chat-1' }, { id: 2, ok: false, error: { code: 200, description: expect.stringMatching(/already running on this page/) } }]);
    expect(b.replies()).toEqual([{ id: 1, ok: false, error: { code: 201, description: expect.stringMatching(/another page/) } }]);
    expect(store.get('chat-1')).toMatchObject({ origin: 'page-chat', tabId: 1, queue: 'Sales', request: { nickname: 'Jane', userData: { Plan: 'Gold' } } });
    expect(ensured).toEqual(['chat-1']);
  });

  it('scrubs what a page sets as user data with the privacy guard, at the start and later, as offers are', async () => {
    const a = relayPort({ tabId: 1 });
    hub.attach(a.port, Promise.resolve());
    a.send({ id: 1, request: { call: 'startChat', userData: { Email: 'jane@shop.example', Plan: 'Gold' } } });
    await settle();
    a.send({ id: 2, request: { call: 'setUserData', chatId: 'chat-1', userData: { Card: '4111 1111 1111 1111' } } });
    await settle();
    expect(a.replies()).toEqual([{ id: 1, ok: true, value: 'chat-1' }, { id: 2, ok: true }]);
    expect(store.get('chat-1')).toMatchObject({ request: { userData: { Email: '[email]', Plan: 'Gold' } }, pendingUserData: { Card: '[number]' } });
    settings = { ...settings, privacyGuard: false };
    a.send({ id: 3, request: { call: 'setUserData', chatId: 'chat-1', userData: { Card: '4111 1111 1111 1111' } } });
    await settle();
    expect(store.get('chat-1')!.pendingUserData).toEqual({ Card: '4111 1111 1111 1111' });
  });

  it('refuses malformed calls (400), other chats (403) and floods (429), changing nothing', async () => {
    const a = relayPort({ tabId: 1 });
    const other = relayPort({ tabId: 2, url: 'https://shop.example/other' });
    hub.attach(a.port, Promise.resolve());
    hub.attach(other.port, Promise.resolve());
    a.send({ id: 1, request: { call: 'startChat' } });
    await settle();
    other.send({ id: 1, request: { call: 'send', chatId: 'chat-1', text: 'I am not the page that started it', clientMessageId: 'm-000001' } });
    other.send({ id: 2, request: { call: 'getUserData', chatId: 'chat-1', key: 'Plan' } });
    a.send({ id: 2, request: { call: 'send', chatId: 'chat-1', text: '', clientMessageId: 'm-000002' } });
    a.send({ id: 3, request: { call: 'settings' } });
    a.send('not even an object');
    for (let i = 0; i < 31; i++) a.send({ id: 10 + i, request: { call: 'send', chatId: 'chat-1', text: `flood ${i}`, clientMessageId: `m-flood-${i}` } });
    await vi.waitFor(() => expect(a.replies()).toHaveLength(35));
    expect(other.replies().map((r) => !r.ok && r.error.code)).toEqual([403, 403]);
    const codes = a.replies().slice(1).map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.slice(0, 3)).toEqual([400, 400, 400]);
    expect(codes.slice(3, 33)).toEqual(Array(30).fill('ok'));
    expect(codes[33]).toBe(429);
    const lines = store.get('chat-1')!.transcript.map((e) => e.text);
    expect(lines).toHaveLength(30);
    expect(lines).not.toContain('I am not the page that started it');
  });

  it('tells the page its chat\'s events once, in order, and replays them after a reload', async () => {
    const a = relayPort({ tabId: 1 });
    hub.attach(a.port, Promise.resolve());
    a.send({ id: 1, request: { call: 'startChat' } });
    await settle();
    const agentJoinsAndSays = () => store.update('chat-1', (s) => mergeEvents({ ...s, chatId: 'g-1', status: 'connected' }, [
      { index: 1, type: 'joined', party: 'agent', nickname: 'Alice' },
      { index: 2, type: 'message', party: 'agent', nickname: 'Alice', text: 'Hello' },
    ], 2_000));
    await agentJoinsAndSays();
    hub.chatChanged(store.get('chat-1')!);
    hub.chatChanged(store.get('chat-1')!); // nothing new: nothing told
    const chats = a.sent.filter((p) => p.type === 'chat');
    expect(chats).toEqual([{ type: 'chat', chatId: 'chat-1', restored: false, events: [
      expect.objectContaining({ kind: 'agentConnected', index: 1, party: expect.objectContaining({ name: 'Alice', type: { agent: true } }) }),
      expect.objectContaining({ kind: 'messageReceived', index: 2, content: { text: 'Hello', type: 'text' } }),
    ] }]);

    const reloaded = relayPort({ tabId: 1 });
    hub.attach(reloaded.port, Promise.resolve());
    reloaded.send({ id: 0, request: { call: 'resume', seen: {}, ended: [] } });
    reloaded.send({ id: 1, request: { call: 'restore' } });
    await settle();
    expect(reloaded.replies()).toEqual([{ id: 0, ok: true }, { id: 1, ok: true, value: 'chat-1' }]);
    expect(reloaded.sent.filter((p) => p.type === 'chat')).toEqual([expect.objectContaining({ restored: true, events: [expect.objectContaining({ index: 1 }), expect.objectContaining({ index: 2 })] })]);
  });

  it('refuses every call once the user switched the page API off, and reads user data of its own chat', async () => {
    const a = relayPort({ tabId: 1 });
    hub.attach(a.port, Promise.resolve());
    a.send({ id: 1, request: { call: 'startChat' } });
    await settle();
    await store.update('chat-1', (s) => ({ ...s, chatId: 'g-1', status: 'connected' }));
    a.send({ id: 2, request: { call: 'getUserData', chatId: 'chat-1', key: 'Plan' } });
    await settle();
    settings = settingsWith(false);
    a.send({ id: 3, request: { call: 'leave', chatId: 'chat-1' } });
    await settle();
    expect(a.replies().slice(1)).toEqual([
      { id: 2, ok: true, value: { userData: { Plan: 'Gold' } } },
      { id: 3, ok: false, error: { code: 403, description: expect.stringMatching(/page API is off/) } },
    ]);
    expect(store.get('chat-1')!.endRequested).toBeFalsy();
  });
});
