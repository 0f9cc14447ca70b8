// @vitest-environment happy-dom
/**
 * The in-page host against a page that fights it, in happy-dom (no Popover API there: the
 * top layer is covered by the e2e tests in real browsers). The closed shadow root is reached
 * by wrapping attachShadow in the test, the way only a test (same realm) can.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageHost, RESTORE_LIMIT, type PageHost } from '../../src/content/page-host';
import { FRAME_INIT } from '../../src/protocol/page-frame';

const SECRET = '0123456789abcdef0123456789abcdef';
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

let shadow: ShadowRoot | null;
let evicted: string[];
let host: PageHost;
let posted: { data: unknown; origin: string; port?: MessagePort }[];
let clock: number;

function start(): PageHost {
  const h = createPageHost({
    win: window,
    frameUrl: 'about:blank',
    frameOrigin: 'chrome-extension://ours',
    secret: SECRET,
    registered: Promise.resolve(),
    randomTag: () => 'qzkfwb-mtrplx',
    evict: (reason) => evicted.push(reason),
    now: () => clock,
    setTimer: (fn, ms) => window.setTimeout(fn, ms) as unknown as number,
    clearTimer: (id) => window.clearTimeout(id),
  });
  h.ensure();
  return h;
}
const hostEl = () => document.querySelector('qzkfwb-mtrplx') as HTMLElement | null;
const frameEl = () => shadow!.querySelector('iframe')!;

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body><p>page</p></body>';
  shadow = null;
  evicted = [];
  posted = [];
  clock = 0;
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    shadow = attach.call(this, init);
    return shadow;
  });
  // The frame's window as the host sees it: record what it is sent, and the transferred channel.
  const frameWindow = {
    postMessage: (data: unknown, origin: string, transfer?: Transferable[]) => posted.push({ data, origin, port: transfer?.[0] as MessagePort | undefined }),
  };
  vi.spyOn(HTMLIFrameElement.prototype, 'contentWindow', 'get').mockReturnValue(frameWindow as unknown as Window);
  host = start();
});
/**
 * What happy-dom does on its own: an attached iframe loads (the load the host expects). Waits
 * for that load event, not a guess of its time: under load a late one would land after the
 * next removal and count as the page navigating the frame.
 */
const loaded = async () => {
  await new Promise<void>((resolve) => {
    frameEl().addEventListener('load', () => resolve(), { once: true });
    setTimeout(resolve, 1_000); // it may have landed already
  });
  await tick(20);
};
afterEach(() => {
  host.stop();
  vi.restoreAllMocks();
});

describe('the in-page host', () => {
  it('puts a randomly named element with a closed shadow root and an iframe at the end of <html>', () => {
    const el = hostEl()!;
    expect(el.parentElement).toBe(document.documentElement);
    expect(el.shadowRoot).toBeNull(); // closed: the page cannot reach in
    expect(frameEl().getAttribute('src')).toBe('about:blank');
    expect(el.getAttribute('style')).toContain('position: fixed !important');
    expect(el.getAttribute('style')).toContain('visibility: hidden !important'); // nothing to show yet
  });

  it('hands the frame a private channel aimed at the extension origin once loaded', async () => {
    await loaded();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.origin).toBe('chrome-extension://ours');
    expect(posted[0]!.data).toMatchObject({ type: FRAME_INIT, secret: SECRET, state: null });
    expect(typeof posted[0]!.port?.postMessage).toBe('function');
  });

  it('takes the size the frame asks for over the channel, and ignores malformed messages', async () => {
    await loaded();
    const port = posted[0]!.port!;
    port.postMessage({ type: 'size', width: 'huge', height: 10 });
    port.postMessage({ type: 'size', width: 1e9, height: 10 });
    await tick(10);
    expect(hostEl()!.getAttribute('style')).toContain('width: 0px !important');
    port.postMessage({ type: 'size', width: 332, height: 183 });
    await tick(10);
    const style = hostEl()!.getAttribute('style')!;
    expect(style).toContain('width: 332px !important');
    expect(style).toContain('height: 183px !important');
    expect(style).toContain('visibility: visible !important');
    expect(evicted).toEqual([]); // our own size changes are not fights
  });

  it('moves to the corner the frame names, keeps its defences there, and names its frame after the brand', async () => {
    await loaded();
    const port = posted[0]!.port!;
    port.postMessage({ type: 'size', width: 300, height: 200 });
    port.postMessage({ type: 'look', corner: 'bottom-left', title: 'Acme Bank' });
    await tick(10);
    const el = hostEl()!;
    expect(el.getAttribute('style')).toContain('inset: auto auto 4px 4px !important');
    expect(el.getAttribute('style')).toContain('direction: ltr !important');
    expect(frameEl().title).toBe('Acme Bank');
    el.style.setProperty('left', 'auto', 'important'); // the page pushes it back right: undone
    await tick();
    expect(el.getAttribute('style')).toContain('inset: auto auto 4px 4px !important');
    expect(el.getAttribute('style')).not.toContain('left: auto');
    port.postMessage({ type: 'look', corner: 'top-left', title: 'x' }); // no such corner: ignored
    port.postMessage({ type: 'look', corner: 'bottom-right', title: 'a\u0000b' }); // control characters: ignored
    await tick(10);
    expect(el.getAttribute('style')).toContain('inset: auto auto 4px 4px !important');
    port.postMessage({ type: 'look', corner: 'bottom-right', title: 'Beckon chat' });
    await tick(10);
    expect(el.getAttribute('style')).toContain('inset: auto 4px 4px auto !important');
    expect(evicted).toEqual([]); // our own moves are not fights
  });

  it('puts itself back when the page removes it or rewrites <html>', async () => {
    hostEl()!.remove();
    await tick();
    expect(hostEl()?.parentElement).toBe(document.documentElement);
    document.documentElement.innerHTML = '<head></head><body>rewritten by an SPA</body>';
    await tick();
    expect(hostEl()?.parentElement).toBe(document.documentElement);
    expect(evicted).toEqual([]);
  });

  it('undoes the page restyling or hiding it, and strips attributes that are not its own', async () => {
    const el = hostEl()!;
    const mine = el.getAttribute('style');
    el.style.setProperty('display', 'none', 'important');
    await tick();
    expect(el.getAttribute('style')).toBe(mine);
    el.setAttribute('hidden', '');
    el.setAttribute('inert', '');
    el.setAttribute('class', 'hide-me');
    await tick();
    expect(el.getAttributeNames().sort()).toEqual(['style']);
  });

  it('brings a remembered UI state back to a frame that was reloaded', async () => {
    await loaded();
    const state = { minimised: true, closedChatId: null, draft: 'half a sentence' };
    posted[0]!.port!.postMessage({ type: 'state', state });
    await tick(10);
    hostEl()!.remove(); // the page takes it; the frame reloads when it is put back
    await loaded();
    expect(posted).toHaveLength(2);
    expect(posted[1]!.data).toMatchObject({ type: FRAME_INIT, state });
  });

  it('reloads our frame when someone else navigates it, and gives the stranger nothing', async () => {
    await loaded();
    const src = vi.spyOn(HTMLIFrameElement.prototype, 'src', 'set');
    frameEl().dispatchEvent(new Event('load')); // not ours: nobody expected this load
    await tick();
    expect(src).toHaveBeenCalledWith('about:blank');
    expect(posted).toHaveLength(1); // no secret went out for the stranger's load
  });

  it('gives up after a bounded number of restores against a page that fights in a loop', async () => {
    for (let i = 0; i < RESTORE_LIMIT + 5; i++) {
      hostEl()?.remove();
      await tick();
    }
    expect(evicted).toEqual(['the page kept removing or hiding the chat window']);
    expect(hostEl()).toBeNull();
    host.ensure(); // a later injection into the same document changes nothing
    expect(hostEl()).toBeNull();
    expect(host.evicted).toBe(true);
  });

  it('allows the restores again once the window has passed', async () => {
    await loaded();
    for (let i = 0; i < RESTORE_LIMIT; i++) {
      hostEl()?.remove();
      await loaded(); // a browser cancels the load of a removed frame; happy-dom does not: let it land
    }
    clock += 60_000;
    hostEl()?.remove();
    await loaded();
    expect(evicted).toEqual([]);
    expect(hostEl()).not.toBeNull();
  });
});
