/**
 * The boundary of the in-page UI: what the host and the frame accept from each other, which
 * frames the background serves, and where a chat may show.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { newSession, endSession, type ChatSession } from '../../src/core/chat-session';
import { FrameRegistry } from '../../src/background/frame-registry';
import { chatForTab } from '../../src/background/tab-views';
import { UiHub } from '../../src/background/ui-hub';
import { readFrameInit, readFrameMessage, readHostMessage } from '../../src/protocol/frame-messages';
import { FRAME_INIT } from '../../src/protocol/page-frame';
import type { BackgroundToUi, TabView } from '../../src/protocol/ports';

const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('frame ⇄ host messages', () => {
  it('takes well-formed sizes and states, and nothing else', () => {
    expect(readFrameMessage({ type: 'size', width: 332, height: 183 })).toEqual({ type: 'size', width: 332, height: 183 });
    expect(readFrameMessage({ type: 'state', state: { minimised: true, closedChatId: null, draft: 'hi' } })).toMatchObject({ type: 'state' });
    for (const bad of [
      null, 'size', { type: 'size', width: -1, height: 1 }, { type: 'size', width: Number.NaN, height: 1 },
      { type: 'size', width: 5_000, height: 1 }, { type: 'size', width: '1', height: 1 },
      { type: 'state', state: { minimised: 'yes', closedChatId: null, draft: '' } },
      { type: 'state', state: { minimised: false, closedChatId: 7, draft: '' } },
      { type: 'state', state: { minimised: false, closedChatId: null, draft: 'x'.repeat(4_001) } },
      { type: 'eval', code: 'alert(1)' },
    ]) expect(readFrameMessage(bad)).toBeNull();
  });

  it('takes a look with a known corner and a short, plain title, and nothing else', () => {
    expect(readFrameMessage({ type: 'look', corner: 'bottom-left', title: 'Acme Bank' })).toEqual({ type: 'look', corner: 'bottom-left', title: 'Acme Bank' });
    expect(readFrameMessage({ type: 'look', corner: 'bottom-right', title: 'بنك' })).toEqual({ type: 'look', corner: 'bottom-right', title: 'بنك' });
    for (const bad of [
      { type: 'look', corner: 'top-left', title: 'x' }, { type: 'look', corner: 'bottom-left' }, { type: 'look', title: 'x' },
      { type: 'look', corner: 'bottom-left', title: 'x'.repeat(101) }, { type: 'look', corner: 'bottom-left', title: 'a\nb' },
      { type: 'look', corner: 'bottom-left', title: 7 }, { type: 'look', corner: ['bottom-left'], title: 'x' },
    ]) expect(readFrameMessage(bad)).toBeNull();
  });

  it('takes an init only with a 32-hex secret and a viewport', () => {
    const init = { type: FRAME_INIT, secret: SECRET, viewport: { width: 320, height: 640 }, state: null };
    expect(readFrameInit(init)).toEqual(init);
    expect(readFrameInit({ ...init, secret: 'guess' })).toBeNull();
    expect(readFrameInit({ ...init, viewport: { width: 320 } })).toBeNull();
    expect(readFrameInit({ ...init, state: { minimised: 1 } })).toBeNull();
    expect(readFrameInit({ ...init, type: 'other' })).toBeNull();
    expect(readHostMessage({ type: 'viewport', viewport: { width: 320, height: 480 } })).toEqual({ type: 'viewport', viewport: { width: 320, height: 480 } });
    expect(readHostMessage({ type: 'viewport', viewport: null })).toBeNull();
  });
});

describe('FrameRegistry', () => {
  beforeEach(() => fakeBrowser.reset());

  it('knows the secrets a tab registered, survives a worker restart, and forgets a closed tab', async () => {
    const frames = new FrameRegistry();
    await frames.register(7, SECRET);
    expect(await frames.isOwn(7, SECRET)).toBe(true);
    expect(await frames.isOwn(8, SECRET)).toBe(false); // another tab's frame cannot use it
    const restarted = new FrameRegistry();
    expect(await restarted.isOwn(7, SECRET)).toBe(true);
    await restarted.forget(7);
    expect(await new FrameRegistry().isOwn(7, SECRET)).toBe(false);
  });

  it('keeps a few recent secrets per tab, and a new document clears an eviction', async () => {
    const frames = new FrameRegistry();
    const secrets = ['1', '2', '3', '4', '5'].map((d) => d.repeat(32));
    for (const s of secrets) await frames.register(1, s);
    expect(await frames.isOwn(1, secrets[0]!)).toBe(false);
    expect(await frames.isOwn(1, secrets[4]!)).toBe(true);
    await frames.evict(1, 'the page kept removing or hiding the chat window');
    expect(await frames.evictedIn(1)).toMatch(/kept removing/);
    await frames.register(1, 'f'.repeat(32));
    expect(await frames.evictedIn(1)).toBeUndefined();
  });
});

/** A runtime port as the background sees it, from a page at `url` in tab `tabId`. */
function fakePort(url: string, tabId?: number, frameId = 0) {
  const sent: BackgroundToUi[] = [];
  const listeners: ((m: unknown) => void)[] = [];
  let disconnected = false;
  const port = {
    name: 'beckon-ui',
    sender: { id: 'ours', url, ...(tabId === undefined ? {} : { tab: { id: tabId } }), frameId },
    onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
    onDisconnect: { addListener: () => undefined },
    postMessage: (m: BackgroundToUi) => sent.push(m),
    disconnect: () => { disconnected = true; },
  };
  return { port, sent, say: async (m: unknown) => { for (const l of listeners) l(m); await new Promise((r) => setTimeout(r, 5)); }, get disconnected() { return disconnected; } };
}

describe('UiHub: which UIs get a tab\'s chat', () => {
  const view = (tabId: number): TabView => ({ tabId, offer: null, chat: null });
  const hub = () => new UiHub({ view: async (tabId) => view(tabId), handle: async () => undefined, isOwnFrame: async (tabId, secret) => tabId === 5 && secret === SECRET });

  it('serves a page frame that presents its host\'s secret, bound to its own tab', async () => {
    const p = fakePort('chrome-extension://dyn/page-frame.html', 5, 3);
    hub().attach(p.port as never);
    await p.say({ type: 'hello', frame: SECRET, tabId: 99 }); // a frame cannot pick another tab
    expect(p.sent).toEqual([{ type: 'view', seq: 1, view: view(5) }]);
  });

  it('refuses a frame without the secret (a copy a page embedded) and closes its port', async () => {
    const h = hub();
    for (const hello of [{ type: 'hello' }, { type: 'hello', frame: 'f'.repeat(32) }]) {
      const p = fakePort('chrome-extension://dyn/page-frame.html', 5, 3);
      h.attach(p.port as never);
      await p.say(hello);
      expect(p.sent).toEqual([{ type: 'refused' }]);
      expect(p.disconnected).toBe(true);
    }
    const wrongTab = fakePort('chrome-extension://dyn/page-frame.html', 6, 3);
    h.attach(wrongTab.port as never);
    await wrongTab.say({ type: 'hello', frame: SECRET });
    expect(wrongTab.sent).toEqual([{ type: 'refused' }]);
  });

  it('handles what a frame sends right after its hello once the hello is proven, not dropping it', async () => {
    const handled: unknown[] = [];
    let prove!: (ok: boolean) => void;
    const h = new UiHub({ view: async (t) => view(t), handle: async (_tab, msg) => void handled.push(msg), isOwnFrame: () => new Promise((r) => (prove = r)) });
    const p = fakePort('chrome-extension://dyn/page-frame.html', 5, 3);
    h.attach(p.port as never);
    void p.say({ type: 'hello', frame: SECRET });
    await p.say({ type: 'chat.send', chatId: 'c1', text: 'typed while the worker woke', clientMessageId: 'm-12345678' });
    expect(handled).toEqual([]); // still checking the secret
    prove(true);
    await new Promise((r) => setTimeout(r, 10));
    expect(handled).toEqual([{ type: 'chat.send', chatId: 'c1', text: 'typed while the worker woke', clientMessageId: 'm-12345678' }]);
  });

  it('ignores commands from a frame before it is proven', async () => {
    let handled = 0;
    const h = new UiHub({ view: async (t) => view(t), handle: async () => void handled++, isOwnFrame: async () => false });
    const p = fakePort('chrome-extension://dyn/page-frame.html', 5, 3);
    h.attach(p.port as never);
    await p.say({ type: 'chat.end', chatId: 'c1' });
    expect(handled).toBe(0);
  });

  it('disconnects ports from anything but the popup and the page frame', async () => {
    for (const url of ['https://shop.example.com/', 'chrome-extension://id/options.html', 'chrome-extension://id/page-frame.html', 'nonsense']) {
      const p = fakePort(url, url.includes('page-frame') ? 5 : undefined, 0); // a frame must be a subframe of a tab
      hub().attach(p.port as never);
      expect(p.disconnected).toBe(true);
    }
    const popup = fakePort('chrome-extension://id/popup.html');
    hub().attach(popup.port as never);
    await popup.say({ type: 'hello', tabId: 12 });
    expect(popup.sent).toEqual([{ type: 'view', seq: 1, view: view(12) }]);
  });
});

describe('where a chat shows in the page', () => {
  const chat = (id: string, tabId: number, site: string, ended = false): ChatSession => {
    const s = newSession(id, tabId, 'Billing', { nickname: 'V', subject: 's', userData: {} }, Number(id.slice(1)), site);
    return ended ? endSession(s, 'The chat has ended.', 10) : s;
  };

  it('shows a live chat in its own tab on any site, and in every tab of its site', () => {
    const live = chat('c1', 1, 'bank.example');
    expect(chatForTab([live], 1, 'other.example')?.id).toBe('c1');
    expect(chatForTab([live], 2, 'bank.example')?.id).toBe('c1');
    expect(chatForTab([live], 2, 'other.example')).toBeUndefined();
  });

  it('never brings an ended chat back on another site, even in its own tab', () => {
    const ended = chat('c1', 1, 'bank.example', true); // ended at 10
    expect(chatForTab([ended], 1, 'bank.example', 50)?.id).toBe('c1');
    expect(chatForTab([ended], 1, 'other.example', 50)).toBeUndefined(); // entered after it ended
    expect(chatForTab([ended], 1, undefined, 50)).toBeUndefined();
    expect(chatForTab([ended], 2, 'bank.example', 50)).toBeUndefined(); // only its own tab shows the end
  });

  it('lets the visitor read the end on the page they were on when it ended, whatever the site', () => {
    const ended = chat('c1', 1, 'bank.example', true); // ended at 10
    expect(chatForTab([ended], 1, 'other.example', 5)?.id).toBe('c1');
  });
});
