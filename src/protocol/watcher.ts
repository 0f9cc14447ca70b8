/**
 * Watcher ⇄ background message shapes. Types only: the watcher content script must stay
 * tiny, so it sends plain objects and the background validates them (messages.ts).
 */

/** Sent by the watcher on load, on becoming visible, and when its timer fires. */
export interface WatcherReport {
  type: 'watcher.context';
  url: string;
  pageName: string;
  visibleMs: number;
}

/** The background's answer: report again after this much more visible time (null: no need). */
export interface WatcherReply {
  wakeInMs: number | null;
}
