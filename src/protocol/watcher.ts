/**
 * Watcher ⇄ background message shapes. Types only: the watcher content script must stay
 * tiny, so it sends plain objects and the background validates them (messages.ts).
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
}

/** The background's answer: report again after this much time (null: no need), and the page-name selector to read. */
export interface WatcherReply {
  wakeInMs: number | null;
  selector?: string;
}

/** Background → watcher, from the rule debugger or when a site is disabled. */
export type WatcherCommand =
  | { type: 'watcher.debug'; fastForwardMs?: number; exitIntent?: boolean }
  | { type: 'watcher.stop' };
