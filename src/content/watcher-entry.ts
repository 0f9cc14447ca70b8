/**
 * Entry of the watcher bundle (built by scripts/watcher-bundle.ts, not by WXT, so that no
 * polyfill or framework runtime rides along: it runs on every page of an enabled site).
 */
import { startWatcher } from './watcher';
import type { WatcherReply, WatcherReport } from '../protocol/watcher';

/** The raw extension API: one call does not justify the polyfill. */
declare const chrome: { runtime: { sendMessage(m: WatcherReport): Promise<WatcherReply | undefined> } };
declare const browser: typeof chrome | undefined;

const GUARD = Symbol.for('beckon.watcher');
const scope = globalThis as { [GUARD]?: boolean };

// The background also injects into tabs that were open when a site was enabled.
if (!scope[GUARD]) {
  scope[GUARD] = true;
  const api = typeof browser === 'undefined' ? chrome : browser;
  startWatcher({
    doc: document,
    now: () => performance.now(),
    send: (report) => api.runtime.sendMessage(report),
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (id) => window.clearTimeout(id),
  });
}
