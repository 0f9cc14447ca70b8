/**
 * The in-page host of the offer card and chat window (Bitwarden's inline menu is the model):
 * a randomly named element with a closed shadow root holding an extension-origin iframe, in
 * the top layer where the browser has the Popover API, styled inline with `!important`, and
 * put back at once when the page removes, restyles, hides or navigates it. The UI itself is
 * in the frame, out of the page's reach; this file only keeps the frame in place and sized.
 * A page that keeps fighting gets a bounded number of restores, then the chat moves to the
 * popup (`evict`).
 */
import { windowBudget } from '../core/rate-limit';
import { FRAME_INIT, type FrameCorner, type FrameInit, type FrameUiState, type HostToFrame, type Viewport } from '../protocol/page-frame';
import { readFrameMessage } from '../protocol/frame-messages';
import { FRAME_STYLE, hostStyle } from './host-style';

/** Restores allowed per window before the page is considered to be fighting. */
export const RESTORE_LIMIT = 10;
export const RESTORE_WINDOW_MS = 30_000;
/** A frame that has not said how big it is this long after loading is reloaded (once). */
export const FRAME_READY_MS = 10_000;
/** The host's distance from the viewport's corner; the frame adds room for the card's shadow. */
const HOST_INSET = 4;

/** What the host needs from its page and the extension. */
export interface PageHostEnv {
  win: Window;
  /** `runtime.getURL('/page-frame.html')` (on Chrome a dynamic URL, with a per-session host). */
  frameUrl: string;
  /** The origin the loaded frame has: the extension's own (on Chrome not the dynamic URL's host). */
  frameOrigin: string;
  /** This document's secret, registered with the background before the frame gets it. */
  secret: string;
  /** Resolves once the background knows the secret. */
  registered: Promise<unknown>;
  /** A fresh custom-element-style name, e.g. `qzkfwb-mtrplx`. */
  randomTag: () => string;
  /** The page won: the chat continues in the popup. */
  evict: (reason: string) => void;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
}

/** The host's controls: make sure it is shown (every injection calls this), or take it down. */
export interface PageHost {
  ensure(): void;
  stop(): void;
  /** True once the page won and the chat moved to the popup. */
  readonly evicted: boolean;
}

/** Creates the host; nothing is put in the page before the first `ensure()`. */
export function createPageHost(env: PageHostEnv): PageHost {
  const { win } = env;
  const doc = win.document;
  const { frameOrigin } = env;
  const restores = windowBudget(RESTORE_LIMIT, RESTORE_WINDOW_MS);
  const topLayer = typeof (HTMLElement.prototype as { showPopover?: unknown }).showPopover === 'function';
  let host: HTMLElement | null = null;
  let frame: HTMLIFrameElement | null = null;
  let channel: MessagePort | null = null;
  let observer: MutationObserver | null = null;
  let observedRoot: Element | null = null;
  let size = { width: 0, height: 0 };
  let corner: FrameCorner = 'bottom-right';
  /** The iframe's accessible name: the brand the frame says, until then a neutral word. */
  let title = 'Chat';
  let zoom = 1;
  let written = '';
  let uiState: FrameUiState | null = null;
  let expectingLoad = false;
  let reloadedOnce = false;
  let watchdog: number | undefined;
  let stopped = false;
  let evicted = false;

  const pageZoom = () => {
    const root = doc.documentElement;
    const z = root ? Number.parseFloat(win.getComputedStyle(root).zoom) : 1;
    return Number.isFinite(z) && z > 0 ? z : 1;
  };
  const viewport = (): Viewport => ({ width: win.innerWidth, height: win.innerHeight });
  const post = (msg: HostToFrame) => channel?.postMessage(msg);

  /** Writes our own style (a new size, a new page zoom): not a fight. */
  const applyStyle = () => {
    if (!host) return;
    written = hostStyle({ ...size, zoom: 1 / zoom, inset: HOST_INSET, corner });
    host.setAttribute('style', written);
    observer?.takeRecords();
  };

  const attach = (root: Element) => {
    expectingLoad = true; // inserting the host (re)loads its frame
    root.append(host!);
    applyStyle();
    if (topLayer) {
      host!.setAttribute('popover', 'manual');
      showOnTop();
    }
  };
  const showOnTop = () => {
    try {
      if (host!.isConnected && !host!.matches(':popover-open')) host!.showPopover();
    } catch {
      // Not connected, or a browser quirk: the inline fixed position still shows it.
    }
  };

  /** Puts back whatever the page changed; each repair counts against the restore budget. */
  const check = () => {
    if (stopped || !host) return;
    const root = doc.documentElement;
    if (!root) return; // a document without a root for a moment: its replacement is observed
    if (host.matches(':defined')) {
      // The page defined our element's name as its own custom element (its code now runs on
      // our host): start over under a new name.
      if (!restores.take(env.now())) return evict('the page kept taking over the chat window');
      remount();
      return;
    }
    if (root !== observedRoot) observe(root);
    let repaired = false;
    if (host.parentNode !== root) {
      attach(root);
      repaired = true;
    }
    for (const name of host.getAttributeNames()) {
      if (name !== 'style' && name !== 'popover') {
        host.removeAttribute(name); // hidden, inert, dir, class…: none of them is the page's to set
        repaired = true;
      }
    }
    if (host.getAttribute('style') !== written) {
      applyStyle();
      repaired = true;
    }
    if (topLayer && (host.getAttribute('popover') !== 'manual' || !host.matches(':popover-open'))) {
      host.setAttribute('popover', 'manual');
      showOnTop();
      repaired = true;
    }
    observer?.takeRecords();
    if (repaired && !restores.take(env.now())) evict('the page kept removing or hiding the chat window');
  };

  const observe = (root: Element) => {
    observer?.disconnect();
    const next = new MutationObserver(onMutations);
    next.observe(doc, { childList: true });
    next.observe(root, { childList: true, attributes: true, attributeFilter: ['style', 'class'] });
    if (host) next.observe(host, { attributes: true });
    observer = next;
    observedRoot = root;
  };
  const onMutations = (records: MutationRecord[]) => {
    if (records.some((r) => r.type === 'attributes' && r.target === observedRoot)) {
      const z = pageZoom();
      if (z !== zoom) {
        zoom = z;
        applyStyle();
      }
    }
    check();
  };

  const onFrameLoad = () => {
    if (stopped || !frame) return;
    if (!expectingLoad) {
      // Someone navigated our frame (a parent may navigate any child frame): load ours again.
      frame.src = env.frameUrl;
      expectingLoad = true;
      if (!restores.take(env.now())) evict('the page kept replacing the chat window');
      return;
    }
    expectingLoad = false;
    channel?.close();
    const { port1, port2 } = new MessageChannel();
    channel = port1;
    port1.onmessage = (e: MessageEvent) => onFrameMessage(e.data);
    const target = frame.contentWindow;
    const init: FrameInit = { type: FRAME_INIT, secret: env.secret, viewport: viewport(), state: uiState };
    // Aimed at the extension's origin: a frame the page navigated elsewhere never gets it.
    void env.registered.then(() => target?.postMessage(init, frameOrigin, [port2]));
    armWatchdog();
  };
  const armWatchdog = () => {
    if (watchdog !== undefined) env.clearTimer(watchdog);
    watchdog = env.setTimer(() => {
      watchdog = undefined;
      if (stopped || !frame) return;
      if (reloadedOnce) return evict('the chat window could not load in this page');
      reloadedOnce = true;
      expectingLoad = true;
      frame.src = env.frameUrl;
    }, FRAME_READY_MS);
  };
  const onFrameMessage = (data: unknown) => {
    const msg = readFrameMessage(data);
    if (!msg || stopped) return;
    if (msg.type === 'state') {
      uiState = msg.state;
      return;
    }
    if (msg.type === 'look') {
      corner = msg.corner;
      title = msg.title || 'Chat';
      if (frame) frame.title = title;
      applyStyle();
      return;
    }
    if (watchdog !== undefined) env.clearTimer(watchdog);
    watchdog = undefined;
    size = { width: msg.width, height: msg.height };
    applyStyle();
  };

  const onResize = () => {
    zoom = pageZoom();
    applyStyle();
    post({ type: 'viewport', viewport: viewport() });
  };
  const onToggle = (e: Event) => {
    // The page hid our popover, or put one of its own on top of it: come back on top.
    if (e.target === host) check();
    else if ((e as ToggleEvent).newState === 'open' && host && restores.used(env.now()) < RESTORE_LIMIT) {
      try {
        host.hidePopover();
      } catch {
        /* not open: showOnTop opens it */
      }
      showOnTop();
      observer?.takeRecords();
    }
  };

  const mount = () => {
    const root = doc.documentElement;
    if (!root) return;
    stopped = false;
    reloadedOnce = false;
    host = doc.createElement(env.randomTag());
    const shadow = host.attachShadow({ mode: 'closed' });
    frame = doc.createElement('iframe');
    frame.setAttribute('style', FRAME_STYLE);
    frame.title = title;
    // A cross-origin isolated page (COEP) loads only frames that send CORP, which an extension
    // page cannot: a credentialless frame is exempt, and changes nothing for an extension page.
    frame.setAttribute('credentialless', '');
    frame.addEventListener('load', onFrameLoad);
    frame.src = env.frameUrl;
    shadow.append(frame);
    zoom = pageZoom();
    attach(root);
    observe(root);
    win.addEventListener('resize', onResize, { passive: true });
    doc.addEventListener('toggle', onToggle, true);
  };

  /** A new host under a new name, with a fresh frame (the UI state comes back through the init). */
  const remount = () => {
    stop();
    mount();
  };

  const stop = () => {
    stopped = true;
    observer?.disconnect();
    if (watchdog !== undefined) env.clearTimer(watchdog);
    win.removeEventListener('resize', onResize);
    doc.removeEventListener('toggle', onToggle, true);
    channel?.close();
    channel = null;
    host?.remove();
    host = null;
    frame = null;
  };
  const evict = (reason: string) => {
    evicted = true;
    stop();
    env.evict(reason);
  };

  return {
    ensure() {
      if (evicted) return; // this page won; the popup has the chat until the next page load
      if (!host) mount();
      else check();
    },
    stop,
    get evicted() {
      return evicted;
    },
  };
}
