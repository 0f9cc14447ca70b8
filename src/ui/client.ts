import { browser } from 'wxt/browser';
import { atom } from 'nanostores';
import { UI_PORT, type BackgroundToUi, type TabView, type UiToBackground } from '../protocol/ports';

/** Messages keep an MV3 worker alive (an open port alone does not): one every 20 s while a UI shows. */
const HEARTBEAT_MS = 20_000;
/** Pause before reconnecting after the worker stopped, so a crash loop cannot spin. */
const RECONNECT_MS = 250;

/** Connection to the background as the UI sees it. */
export type Link = 'connecting' | 'connected' | 'gone';

/** The UI's live state: the tab's view, the link, and the last refusal to show. */
export interface UiClient {
  $view: ReturnType<typeof atom<TabView | null>>;
  $link: ReturnType<typeof atom<Link>>;
  $notice: ReturnType<typeof atom<string | null>>;
  send: (msg: UiToBackground) => void;
  close: () => void;
}

/**
 * Opens the UI port to the background and keeps it open: when the worker stops the port
 * disconnects, and the client reconnects at once (which wakes the worker), so the view
 * never goes stale. `tabId` is given by the popup; page UIs are bound to their own tab.
 */
export function createUiClient(tabId?: number): UiClient {
  const $view = atom<TabView | null>(null);
  const $link = atom<Link>('connecting');
  const $notice = atom<string | null>(null);
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  let closed = false;
  const outbox: UiToBackground[] = [];

  const connect = () => {
    if (closed) return;
    try {
      port = browser.runtime.connect({ name: UI_PORT });
    } catch {
      $link.set('gone'); // The extension was reloaded or removed.
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      const msg = raw as BackgroundToUi;
      $link.set('connected');
      if (msg.type === 'view') $view.set(msg.view);
      else $notice.set(msg.message);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      $link.set('connecting');
      setTimeout(connect, RECONNECT_MS);
    });
    port.postMessage({ type: 'hello', ...(tabId === undefined ? {} : { tabId }) } satisfies UiToBackground);
    // Commands given while reconnecting go out now, in order.
    while (outbox.length > 0 && port) port.postMessage(outbox.shift());
  };

  // Only a live chat needs the worker kept awake; an offer or an ended chat must not wake the page.
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  $view.subscribe((view) => {
    const live = view?.chat !== null && view?.chat !== undefined && view.chat.status !== 'ended';
    if (live && heartbeat === undefined) {
      heartbeat = setInterval(() => port?.postMessage({ type: 'heartbeat' } satisfies UiToBackground), HEARTBEAT_MS);
    } else if (!live && heartbeat !== undefined) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  });
  connect();

  return {
    $view, $link, $notice,
    send: (msg) => {
      $notice.set(null);
      try {
        if (!port) throw new Error('not connected');
        port.postMessage(msg);
      } catch {
        outbox.push(msg); // Sent as soon as the port is back.
      }
    },
    close: () => {
      closed = true;
      clearInterval(heartbeat);
      port?.disconnect();
    },
  };
}
