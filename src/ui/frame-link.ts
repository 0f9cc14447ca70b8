/**
 * The page frame's side of the in-page UI (see src/protocol/page-frame.ts): waits for its
 * host's init, proves itself to the background with the host's secret, and then keeps the
 * host told of its size and UI state over their private channel.
 */
import { readFrameInit, readHostMessage } from '../protocol/frame-messages';
import type { FrameToHost, FrameUiState, Viewport } from '../protocol/page-frame';
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
    onReady(client, {
      initialState: init.state,
      reportSize: (width, height) => send({ type: 'size', width: Math.ceil(width), height: Math.ceil(height) }),
      reportState: (state) => send({ type: 'state', state }),
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
