/**
 * Watcher ⇄ background message shapes. Types and a few string constants only: the watcher
 * content script must stay tiny, so it sends plain objects and the background validates them
 * (messages.ts).
 */

/** Sent by the watcher on load, on navigation, on a change that matters, and when its timer fires. */
export interface WatcherReport {
  type: 'watcher.context';
  url: string;
  title: string;
  /** `og:title` meta content, '' if none. */
  ogTitle: string;
  /** The page's `<html lang>`, '' if none: the widget may speak it (a demo profile's choice). */
  lang: string;
  /** Text of the configured page-name selector ('' if none or no match), read with `selector`. */
  selectorText: string;
  selector: string;
  referrer: string;
  /** Time on page three ways: visible and focused, visible, and since load (ms). */
  activeMs: number;
  visibleMs: number;
  wallMs: number;
  /** Since the last pointer, key, scroll or touch input (ms). */
  idleMs: number;
  /** Deepest scroll reached, percent of the page. */
  scrollDepth: number;
  exitIntent: boolean;
  /** True on the first report of a page or single-page-app route. */
  navigated: boolean;
  /** Of the selectors the background asked to watch (`WatcherReply.watch`): those seen on screen on this page… */
  visibleSelectors?: string[];
  /** …those clicked (a click the browser made, on a matching element or inside one) on this page… */
  clickedSelectors?: string[];
  /** …and those the browser refuses as selectors. */
  invalidSelectors?: string[];
}

/** Selectors of element conditions to watch on this page (only those of rules that can still fire here). */
export interface ElementWatch {
  visible: string[];
  clicked: string[];
}

/**
 * The background's answer: report again after this much time (null: no need), the page-name
 * selector to read, and the element selectors to watch (absent: none).
 */
export interface WatcherReply {
  wakeInMs: number | null;
  selector?: string;
  watch?: ElementWatch;
}

/** Background → watcher, from the rule debugger or when a site is disabled. */
export type WatcherCommand =
  | { type: 'watcher.debug'; fastForwardMs?: number; exitIntent?: boolean }
  | { type: 'watcher.stop' };

/**
 * The context menu's rule ("Offer a chat when this is clicked"): the watcher keeps the element
 * last right-clicked under `Symbol.for(CONTEXT_TARGET_KEY)` on its isolated world's global; the
 * picker bundle (injected by the background on the menu click, into the same world) leaves its
 * `PickReply` under `Symbol.for(PICKED_KEY)`, which the background then reads. The selector
 * generator is in the picker, not the watcher, so every page does not pay for it.
 */
export const CONTEXT_TARGET_KEY = 'beckon.contextTarget';
export const PICKED_KEY = 'beckon.picked';
/** The picker bundle (a build-hook asset: scripts/content-bundles.ts). */
export const PICKER_FILE = '/picker.js';

/** What the picker found: a stable selector for the right-clicked element, or why there is none. */
export type PickReply = { selector: string } | { error: 'no-target' | 'no-selector' };
