/**
 * Entry of the watcher bundle (built by scripts/content-bundles.ts, not by WXT, so that no
 * polyfill or framework runtime rides along: it runs on every page of an enabled site).
 */
import type { WatcherCommand, WatcherReply, WatcherReport } from '../protocol/watcher';
import { startWatcher } from './watcher';

type Listener = (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => void;
/** The raw extension API: two calls do not justify the polyfill. */
declare const chrome: {
  runtime: {
    sendMessage(m: WatcherReport): Promise<WatcherReply | undefined>;
    onMessage: { addListener(l: Listener): void; removeListener(l: Listener): void };
  };
};
declare const browser: typeof chrome | undefined;

const GUARD = Symbol.for('beckon.watcher');
const scope = globalThis as { [GUARD]?: boolean };

// The background also injects into tabs that were open when a site was enabled.
if (!scope[GUARD]) {
  scope[GUARD] = true;
  const api = typeof browser === 'undefined' ? chrome : browser;
  startWatcher({
    win: window,
    now: () => performance.now(),
    send: (report) => api.runtime.sendMessage(report),
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (id) => window.clearTimeout(id),
    onCommand: (listener) => {
      const onMessage: Listener = (m, _sender, sendResponse) => {
        const type = (m as { type?: unknown } | null)?.type;
        if (type !== 'watcher.debug' && type !== 'watcher.stop') return;
        listener(m as WatcherCommand);
        sendResponse(true); // so the sender's promise settles instead of reporting a closed port
      };
      api.runtime.onMessage.addListener(onMessage);
      return () => {
        api.runtime.onMessage.removeListener(onMessage);
        scope[GUARD] = false; // a stopped watcher may be started again when the site is re-enabled
      };
    },
  });
}
