/**
 * The watcher: reports page context to the background and sleeps. It holds at most one
 * timer, armed for the next moment that can change a decision (the background says when);
 * input listeners only note a time or a number; nothing runs while the page is hidden. No
 * Preact, no zod: it loads on every page of an enabled site and must cost almost nothing.
 */
import { clipText, clipUrl } from '../core/clip';
import type { WatcherCommand, WatcherReply, WatcherReport } from '../protocol/watcher';
import { readClocks, startClocks, updateClocks, type PageClocks } from './watcher-clock';
import { watchElements } from './watcher-elements';
import { navigationWait } from './watcher-pace';

/** What the watcher needs from its page and the extension. */
export interface WatcherEnv {
  win: Window & typeof globalThis;
  now: () => number;
  send: (report: WatcherReport) => Promise<WatcherReply | undefined>;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
  /** Subscribes to commands from the background; returns the unsubscribe function. */
  onCommand: (listener: (c: WatcherCommand) => void) => () => void;
}

/** What WatcherReportSchema (protocol/messages.ts) allows: a report over it would be refused whole. */
const TEXT_MAX = 1000;
const URL_MAX = 4096;
/** A BCP 47 tag is short; anything longer is not one. */
const LANG_MAX = 35;

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'scroll', 'wheel', 'touchstart'] as const;

/** Starts watching; returns a function that stops it and removes every listener. */
export function startWatcher(env: WatcherEnv): () => void {
  const { win, now } = env;
  const doc = win.document;
  const visible = () => doc.visibilityState === 'visible';
  const focused = () => doc.hasFocus();
  let clocks: PageClocks = startClocks(now(), visible(), focused());
  let url = win.location.href;
  let lastInput = now();
  /** Deepest scroll so far, measured only in scroll events: reading the page height in a report could force a layout. */
  let depth = 0;
  let exitIntent = false;
  let navigated = true;
  let depthBucket = 0;
  let selector = '';
  let timer: number | undefined;
  let stopped = false;
  /** When the navigation reports of the last minute went (see watcher-pace.ts). */
  const navReports: number[] = [];
  const off: (() => void)[] = [];

  /**
   * Listens to events the browser makes: a page script can dispatch any event, and a fake
   * `mouseout` must not fire exit intent nor a fake `keydown` reset idle time. Navigation
   * events are the exception (`anyOrigin`): they only prompt a look at the real location.
   */
  const listen = (target: EventTarget, type: string, fn: (e: Event) => void, anyOrigin = false) => {
    const handler = (e: Event) => (anyOrigin || e.isTrusted) && fn(e);
    target.addEventListener(type, handler, { passive: true, capture: true });
    off.push(() => target.removeEventListener(type, handler, { capture: true }));
  };
  const elements = watchElements(win, now, listen, () => void report());
  const disarm = () => {
    if (timer !== undefined) env.clearTimer(timer);
    timer = undefined;
  };
  const measureDepth = () => {
    const height = doc.documentElement.scrollHeight;
    return height > 0 ? Math.min(100, Math.round(((win.scrollY + win.innerHeight) / height) * 100)) : 100;
  };
  const meta = (name: string) => clipText(doc.querySelector<HTMLMetaElement>(`meta[property="${name}"]`)?.content.trim() ?? '', TEXT_MAX);
  const selected = () => {
    try {
      return selector ? clipText((doc.querySelector(selector)?.textContent ?? '').trim(), 300) : '';
    } catch {
      return ''; // an invalid selector names nothing
    }
  };

  const report = async (): Promise<void> => {
    disarm();
    if (stopped || !visible()) return;
    if (win.location.href !== url) resetPage(); // a pushState the page made since the last look
    const t = now();
    if (navigated) {
      const wait = navigationWait(navReports, t);
      if (wait > 0) {
        timer = env.setTimer(() => void report(), wait); // the one timer; the report then is about the newest URL
        return;
      }
      navReports.push(t);
    }
    const message: WatcherReport = {
      type: 'watcher.context', url: clipUrl(url, URL_MAX), title: clipText(doc.title.trim(), TEXT_MAX), ogTitle: meta('og:title'),
      lang: clipText(doc.documentElement.lang.trim(), LANG_MAX), selectorText: selected(), selector, referrer: clipUrl(doc.referrer, URL_MAX), ...readClocks(clocks, t), idleMs: Math.max(0, t - lastInput), scrollDepth: depth, exitIntent, navigated,
      ...elements.report(),
    };
    navigated = false;
    let reply: WatcherReply | undefined;
    try {
      reply = await env.send(message);
    } catch {
      stop(); // The extension was reloaded or removed: this copy is orphaned.
      return;
    }
    if (stopped) return;
    // Only the selectors of rules that can still fire here: none once the page had its offer.
    const refused = elements.watch(reply?.watch);
    if (reply?.selector !== undefined && reply.selector !== selector) {
      selector = reply.selector; // the first report learns the page-name selector; say it again with its text
      return report();
    }
    if (refused) return report(); // the rule debugger says at once which selector this browser refuses
    const wake = reply?.wakeInMs;
    if (visible() && typeof wake === 'number' && wake >= 0) timer = env.setTimer(() => void report(), Math.ceil(wake) + 50);
  };

  function resetPage() {
    url = win.location.href;
    clocks = startClocks(now(), visible(), focused());
    depth = 0;
    depthBucket = 0;
    exitIntent = false;
    navigated = true;
    elements.reset();
  }
  const onNavigate = () => {
    if (win.location.href === url) return;
    resetPage();
    void report();
  };
  const onVisibility = () => {
    clocks = updateClocks(clocks, now(), visible(), focused());
    if (visible()) void report();
    else disarm();
  };

  function stop() {
    stopped = true;
    disarm();
    elements.stop();
    off.forEach((f) => f());
  }

  listen(doc, 'visibilitychange', onVisibility);
  listen(win, 'focus', onVisibility);
  listen(win, 'blur', onVisibility);
  for (const type of INPUT_EVENTS) listen(win, type, () => (lastInput = now()));
  listen(win, 'scroll', () => {
    depth = Math.max(depth, measureDepth()); // layout is fresh after a scroll: no forced reflow
    const bucket = Math.floor(depth / 25);
    if (bucket > depthBucket) {
      depthBucket = bucket; // report each quarter of the page once, so depth rules need no timer
      void report();
    }
  });
  listen(doc, 'mouseout', (e) => {
    const m = e as MouseEvent;
    if (!exitIntent && m.relatedTarget === null && m.clientY <= 0) {
      exitIntent = true;
      void report();
    }
  });
  listen(win, 'popstate', onNavigate, true);
  listen(win, 'hashchange', onNavigate, true);
  // The Navigation API sees the page's own pushState/replaceState, which an isolated world cannot.
  const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
  if (navigation) listen(navigation, 'navigatesuccess', onNavigate, true);
  off.push(
    env.onCommand((c) => {
      if (c.type === 'watcher.stop') return stop();
      if (c.fastForwardMs) clocks = { ...clocks, bonusMs: clocks.bonusMs + c.fastForwardMs };
      if (c.exitIntent) exitIntent = true;
      void report();
    }),
  );
  void report();
  return stop;
}
