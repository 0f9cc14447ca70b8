/**
 * The page frame's side of the in-page UI (see src/protocol/page-frame.ts): waits for its
 * host's init, proves itself to the background with the host's secret, and then keeps the
 * host told of its size, UI state and look (corner, brand) over their private channel.
 */
import { readFrameInit, readHostMessage } from '../protocol/frame-messages';
import { MAX_FRAME_TITLE, type FrameCorner, type FrameToHost, type FrameUiState, type Viewport } from '../protocol/page-frame';
import { createUiClient, type UiClient } from './client';

/** How many inits that the background refuses a frame tries before it gives up (a page flooding it). */
const MAX_REFUSED = 20;

/** What the page app gets from its host. */
export interface FrameHost {
  /** The UI state to start from (after the page removed the frame and the host put it back). */
  initialState: FrameUiState | null;
  /** Tells the host how big the UI is (0 × 0: nothing to show). */
  reportSize(width: number, height: number): void;
  reportState(state: FrameUiState): void;
  /** Tells the host which corner to sit in and what to name the frame (the brand); only changes are sent. */
  reportLook(corner: FrameCorner, title: string): void;
}

/** What the frame's document shows of the look: the language and its direction, the corner, the brand. */
export interface FrameLook {
  lang: string;
  dir: 'ltr' | 'rtl';
  corner: FrameCorner;
  title: string;
}

/**
 * Gives the frame's document the look's language and direction (a right-to-left language lays
 * the UI out mirrored), the corner its content hugs (page-frame.css), and the brand as its title.
 */
export function showLook(doc: Document, look: FrameLook): void {
  const root = doc.documentElement;
  root.lang = look.lang;
  root.dir = look.dir;
  root.dataset.corner = look.corner;
  doc.title = look.title;
}

/** Applies the page's viewport as CSS variables, so the UI fits screens from 320 px wide. */
function applyViewport(doc: Document, viewport: Viewport): void {
  doc.documentElement.style.setProperty('--bk-vw', `${viewport.width}px`);
  doc.documentElement.style.setProperty('--bk-vh', `${viewport.height}px`);
}

/**
 * Listens for the host's init and calls `onReady` once the background accepted it. Inits it
 * refuses (a page script posting to this frame) are dropped, and the next one is tried.
 */
export function connectToHost(win: Window, onReady: (client: UiClient, host: FrameHost) => void): void {
  const pending: { init: NonNullable<ReturnType<typeof readFrameInit>>; port: MessagePort }[] = [];
  let trying = false;
  let refused = 0;
  let done = false;

  const tryNext = () => {
    if (trying || done) return;
    const next = pending.shift();
    if (!next) return;
    trying = true;
    const client = createUiClient({ frameSecret: next.init.secret });
    const stop = client.$link.listen((link) => {
      if (link === 'refused') {
        stop();
        next.port.close();
        trying = false;
        if (++refused < MAX_REFUSED) tryNext();
        return;
      }
      if (link !== 'connected') return;
      stop();
      done = true;
      pending.splice(0).forEach((p) => p.port.close());
      win.removeEventListener('message', onMessage);
      accept(next.init, next.port, client);
    });
  };

  const accept = (init: NonNullable<ReturnType<typeof readFrameInit>>, port: MessagePort, client: UiClient) => {
    applyViewport(win.document, init.viewport);
    port.onmessage = (e) => {
      const msg = readHostMessage(e.data);
      if (msg) applyViewport(win.document, msg.viewport);
    };
    const send = (msg: FrameToHost) => port.postMessage(msg);
    let lastLook = '';
    onReady(client, {
      initialState: init.state,
      reportSize: (width, height) => send({ type: 'size', width: Math.ceil(width), height: Math.ceil(height) }),
      reportState: (state) => send({ type: 'state', state }),
      reportLook: (corner, title) => {
        // The host takes a short title without control characters (frame-messages.ts), or ignores the look.
        const plain = title.replace(/\p{Cc}/gu, ' ').slice(0, MAX_FRAME_TITLE);
        if (corner + plain === lastLook) return;
        lastLook = corner + plain;
        send({ type: 'look', corner, title: plain });
      },
    });
  };

  const onMessage = (e: MessageEvent) => {
    const init = readFrameInit(e.data);
    const port = e.ports[0];
    if (!init || !port || pending.length >= MAX_REFUSED) return;
    pending.push({ init, port });
    tryNext();
  };
  win.addEventListener('message', onMessage);
}

/** Reports the size of the frame's content to the host whenever it changes (0 × 0 when empty). */
export function reportSizeOf(container: HTMLElement, host: FrameHost): void {
  const report = () => {
    const rect = container.getBoundingClientRect();
    const shown = container.firstElementChild !== null;
    host.reportSize(shown ? rect.width : 0, shown ? rect.height : 0);
  };
  // Layout is fresh in a ResizeObserver callback: reading the size forces nothing.
  new ResizeObserver(report).observe(container);
  // Content that appears or goes without changing the padding box's size.
  new MutationObserver(report).observe(container, { childList: true });
}
