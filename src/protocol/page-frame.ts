/**
 * The in-page UI's two halves and how they talk. Types and constants only: the host script
 * is a tiny bundle (no zod, no Preact) and the frame validates by hand what it receives.
 *
 * - The **host** (`page-ui.js`, an isolated-world content script) owns a neutral element in
 *   the page with a closed shadow root holding an iframe, and keeps it in place.
 * - The **frame** (`page-frame.html`, an extension page) renders the offer card and the chat
 *   window and talks to the background over the UI port, like the popup.
 *
 * They share a private `MessageChannel` that the host hands to the frame with `postMessage`
 * aimed at the extension's origin, so no page script can read or inject messages. The frame
 * proves to the background that it was put there by the host through a per-document secret
 * the host registered (`frame.register`): a copy of the frame embedded by a hostile page has
 * no secret and gets nothing.
 */

/** Path of the frame page (web-accessible, with a dynamic URL on Chrome). */
export const PAGE_FRAME_PATH = '/page-frame.html';
/** Path of the injected host script. */
export const PAGE_HOST_FILE = '/page-ui.js';
/** Tag of the host → frame message that carries the private channel. */
export const FRAME_INIT = 'beckon.frame.init';

/** Largest size either side may name, in CSS px: more than any viewport, less than any overflow trick. */
export const MAX_FRAME_PX = 4_000;
/** Longest accessible name the frame gives its iframe (the brand, e.g. "Acme Bank chat"). */
export const MAX_FRAME_TITLE = 100;

/** The viewport corner the widget sits in (the demo profile's choice). */
export type FrameCorner = 'bottom-right' | 'bottom-left';

/** The visible size of the page's layout viewport, in CSS px. */
export interface Viewport {
  width: number;
  height: number;
}

/** What the frame remembers across a reload of the frame (the page removed and we restored it). */
export interface FrameUiState {
  minimised: boolean;
  /** The ended chat the visitor closed: it stays closed. */
  closedChatId: string | null;
  /** Unsent text in the composer. */
  draft: string;
}

/** Host → frame, once per frame load: the channel travels as the transferred port. */
export interface FrameInit {
  type: typeof FRAME_INIT;
  secret: string;
  viewport: Viewport;
  state: FrameUiState | null;
}

/** Host → frame over the channel. */
export type HostToFrame = { type: 'viewport'; viewport: Viewport };

/**
 * Frame → host over the channel. `width`/`height` 0: nothing to show. `look`: the corner to sit
 * in and the iframe's accessible name (the brand), whenever they change.
 */
export type FrameToHost =
  | { type: 'size'; width: number; height: number }
  | { type: 'state'; state: FrameUiState }
  | { type: 'look'; corner: FrameCorner; title: string };

/** Host → background (`runtime.sendMessage`). */
export type HostToBackground =
  /** This document's host exists: frames presenting `secret` in this tab are its own. */
  | { type: 'frame.register'; secret: string }
  /** The page kept removing or hiding the host: the chat continues in the popup. */
  | { type: 'frame.evicted'; reason: string };
