/**
 * The watcher: reports page context to the background and sleeps. It holds at most one
 * timer, armed for the next moment that can change a decision (the background says when),
 * and nothing runs while the page is hidden. No Preact, no zod: it loads on every page of
 * an enabled site and must cost almost nothing.
 */
import { setVisible, startVisibleClock, visibleMs, type VisibleClock } from '../core/visible-time';
import type { WatcherReply, WatcherReport } from '../protocol/watcher';

/** What the watcher needs from its page and the extension. */
export interface WatcherEnv {
  doc: Document;
  now: () => number;
  send: (report: WatcherReport) => Promise<WatcherReply | undefined>;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
}

/** Starts watching; returns a function that stops it and removes every listener. */
export function startWatcher(env: WatcherEnv): () => void {
  const { doc, now } = env;
  const isVisible = () => doc.visibilityState === 'visible';
  let clock: VisibleClock = startVisibleClock(now(), isVisible());
  let timer: number | undefined;
  let stopped = false;

  const disarm = () => {
    if (timer !== undefined) env.clearTimer(timer);
    timer = undefined;
  };

  const report = async () => {
    disarm();
    if (stopped || !isVisible()) return;
    let reply: WatcherReply | undefined;
    try {
      reply = await env.send({
        type: 'watcher.context',
        url: doc.location.href,
        pageName: doc.title.trim() || doc.location.hostname,
        visibleMs: Math.round(visibleMs(clock, now())),
      });
    } catch {
      stop(); // The extension was reloaded or removed: this copy is orphaned.
      return;
    }
    const wake = reply?.wakeInMs;
    if (!stopped && isVisible() && typeof wake === 'number' && wake >= 0) {
      // A little slack so the next report lands just past the threshold, not just before it.
      timer = env.setTimer(() => void report(), Math.ceil(wake) + 50);
    }
  };

  const onVisibility = () => {
    clock = setVisible(clock, isVisible(), now());
    if (isVisible()) void report();
    else disarm();
  };

  function stop() {
    stopped = true;
    disarm();
    doc.removeEventListener('visibilitychange', onVisibility);
  }

  doc.addEventListener('visibilitychange', onVisibility);
  void report();
  return stop;
}
