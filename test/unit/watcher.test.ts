// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWatcher } from '../../src/content/watcher';
import { parseMessage, WatcherReportSchema } from '../../src/protocol/messages';
import type { WatcherCommand, WatcherReply, WatcherReport } from '../../src/protocol/watcher';

/** The watcher in a real (happy-dom) document, with the extension side recorded. */
function harness(replies: (r: WatcherReport) => WatcherReply = () => ({ wakeInMs: null })) {
  const reports: WatcherReport[] = [];
  const timers = new Set<number>();
  let command: ((c: WatcherCommand) => void) | undefined;
  const stop = startWatcher({
    win: window,
    now: () => Date.now(),
    send: async (r) => {
      reports.push(r);
      return replies(r);
    },
    setTimer: (fn, ms) => {
      const id = window.setTimeout(() => {
        timers.delete(id);
        fn();
      }, ms);
      timers.add(id);
      return id;
    },
    clearTimer: (id) => {
      window.clearTimeout(id);
      timers.delete(id);
    },
    onCommand: (l) => {
      command = l;
      return () => (command = undefined);
    },
  });
  return { reports, timers, stop, command: (c: WatcherCommand) => command?.(c) };
}

/** An event as the browser makes it: happy-dom has no `isTrusted`, which browsers set false on page-made events. */
const real = <E extends Event>(e: E): E => Object.defineProperty(e, 'isTrusted', { value: true });
const synthetic = <E extends Event>(e: E): E => Object.defineProperty(e, 'isTrusted', { value: false });

let visibility: DocumentVisibilityState = 'visible';
const setVisibility = (v: DocumentVisibilityState) => {
  visibility = v;
  document.dispatchEvent(real(new Event('visibilitychange')));
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  document.head.innerHTML = '<meta property="og:title" content="Pay a bill">';
  document.title = ' Bill Payment — Beckon Bank ';
  document.body.innerHTML = '<h1>Pay your bill</h1>';
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('watcher', () => {
  it('reports on load: names, clocks, navigation flag', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports[0]).toMatchObject({
      type: 'watcher.context', title: 'Bill Payment — Beckon Bank', ogTitle: 'Pay a bill', selectorText: '', navigated: true,
      visibleMs: 0, activeMs: 0, wallMs: 0, exitIntent: false,
    });
    expect(h.timers.size).toBe(0);
    h.stop();
  });

  it('learns the page-name selector from the reply and reports its text', async () => {
    const h = harness(() => ({ wakeInMs: null, selector: 'h1' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports.map((r) => [r.selector, r.selectorText, r.navigated])).toEqual([['', '', true], ['h1', 'Pay your bill', false]]);
    h.stop();
  });

  it('holds one timer for the threshold and reports again when it fires', async () => {
    const h = harness((r) => ({ wakeInMs: r.visibleMs < 10_000 ? 10_000 - r.visibleMs : null }));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.timers.size).toBe(1);
    await vi.advanceTimersByTimeAsync(10_100);
    expect(h.reports.map((r) => r.visibleMs)).toEqual([0, 10_050]);
    expect(h.timers.size).toBe(0);
    h.stop();
  });

  it('counts visible time only while visible, and holds no timer while hidden', async () => {
    const h = harness((r) => ({ wakeInMs: Math.max(0, 10_000 - r.visibleMs) }));
    await vi.advanceTimersByTimeAsync(4000);
    setVisibility('hidden');
    expect(h.timers.size).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.reports).toHaveLength(1);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports.at(-1)).toMatchObject({ visibleMs: 4000, wallMs: 64_000 });
    h.stop();
  });

  it('active time stops while the window is not focused', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(3000);
    vi.mocked(document.hasFocus).mockReturnValue(false);
    window.dispatchEvent(real(new Event('blur')));
    await vi.advanceTimersByTimeAsync(5000);
    h.command({ type: 'watcher.debug' });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports.at(-1)).toMatchObject({ activeMs: 3000, visibleMs: 8000 });
    h.stop();
  });

  it('resets the clocks on a single-page-app route change', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(7000);
    history.pushState({}, '', '/loans');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports.at(-1)).toMatchObject({ navigated: true, visibleMs: 0 });
    expect(h.reports.at(-1)!.url).toMatch(/\/loans$/);
    h.stop();
  });

  it('reports exit intent once, when the pointer leaves through the top', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    document.dispatchEvent(real(new MouseEvent('mouseout', { clientY: 300, relatedTarget: null })));
    expect(h.reports).toHaveLength(1);
    document.dispatchEvent(real(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null })));
    document.dispatchEvent(real(new MouseEvent('mouseout', { clientY: -5, relatedTarget: null })));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports.map((r) => r.exitIntent)).toEqual([false, true]);
    h.stop();
  });

  it('ignores events the page makes: no exit intent, no input, no reports from synthetic events', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(5000);
    document.dispatchEvent(synthetic(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null })));
    for (const type of ['keydown', 'pointermove', 'scroll', 'wheel', 'focus', 'blur']) window.dispatchEvent(synthetic(new Event(type)));
    document.dispatchEvent(synthetic(new Event('visibilitychange')));
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null })); // no isTrusted at all: not trusted either
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports).toHaveLength(1); // only the one on load
    h.command({ type: 'watcher.debug' });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports.at(-1)).toMatchObject({ exitIntent: false, idleMs: 5000 });
    h.stop();
  });

  it('caps navigation reports from a pushState loop, and still reports the last URL', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 1; i <= 500; i++) {
      history.pushState({}, '', `/spam/${i}`);
      window.dispatchEvent(synthetic(new PopStateEvent('popstate'))); // a page can say it navigated; the URL must really change
      if (i % 5 === 0) await vi.advanceTimersByTimeAsync(100); // 50 route changes a second, for 10 s
    }
    await vi.advanceTimersByTimeAsync(0);
    const burst = h.reports.filter((r) => r.navigated).length;
    expect(burst).toBeLessThanOrEqual(11); // the load, then at most one a second
    expect(burst).toBeGreaterThanOrEqual(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.reports.at(-1)!.url).toMatch(/\/spam\/500$/);
    expect(h.reports.at(-1)!.navigated).toBe(true);
    expect(h.timers.size).toBe(0);
    // A loop that never stops is held to a per-minute budget.
    for (let i = 1; i <= 1200; i++) {
      history.pushState({}, '', `/loop/${i}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await vi.advanceTimersByTimeAsync(100);
    }
    const times = h.reports.filter((r) => r.navigated && r.url.includes('/loop/')).length;
    expect(times).toBeLessThanOrEqual(2 * 20 + 1); // two minutes at 20 a minute
    await vi.advanceTimersByTimeAsync(61_000);
    expect(h.reports.at(-1)!.url).toMatch(/\/loop\/1200$/);
    h.stop();
    history.replaceState({}, '', '/');
  });

  it('tracks idle time from the last input', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(5000);
    window.dispatchEvent(real(new Event('keydown')));
    await vi.advanceTimersByTimeAsync(2000);
    h.command({ type: 'watcher.debug' });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports.at(-1)!.idleMs).toBe(2000);
    h.stop();
  });

  it('the debugger fast-forwards time and simulates exit intent; stop removes everything', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    h.command({ type: 'watcher.debug', fastForwardMs: 30_000, exitIntent: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports.at(-1)).toMatchObject({ visibleMs: 30_000, activeMs: 30_000, exitIntent: true });
    h.command({ type: 'watcher.stop' });
    setVisibility('hidden');
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports).toHaveLength(2);
  });

  it('keeps its report valid on a page with a huge title, og:title, selector text, URL and referrer', async () => {
    document.head.innerHTML = `<meta property="og:title" content="${'og '.repeat(600)}">`;
    document.title = `${'Very long title '.repeat(100)}end`;
    document.body.innerHTML = `<h1>${'Heading '.repeat(200)}</h1>`;
    Object.defineProperty(document, 'referrer', { configurable: true, get: () => `https://search.test/?q=${'r'.repeat(5000)}` });
    history.replaceState({}, '', `/bills/pay?plan=gold&state=${'s'.repeat(5000)}#${'f'.repeat(50)}`);
    const h = harness(() => ({ wakeInMs: null, selector: 'h1' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports).toHaveLength(2);
    for (const r of h.reports) expect(parseMessage(WatcherReportSchema, r)).toMatchObject({ ok: true });
    const last = h.reports[1]!;
    expect(last.url).toMatch(/\/bills\/pay\?plan=gold$/); // the rules still see the path and the parameters that fit
    expect(last.referrer).toBe('https://search.test/');
    expect(last.title).toMatch(/ (Very|long|title)$/); // cut between words
    expect(last.selectorText.length).toBeGreaterThan(250);
    h.stop();
    history.replaceState({}, '', '/');
    Reflect.deleteProperty(document, 'referrer');
  });

  it('stops for good when the extension is gone', async () => {
    const listeners = vi.spyOn(document, 'removeEventListener');
    startWatcher({
      win: window, now: () => Date.now(), setTimer: () => 1, clearTimer: () => undefined, onCommand: () => () => undefined,
      send: () => Promise.reject(new Error('Extension context invalidated.')),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(listeners).toHaveBeenCalledWith('visibilitychange', expect.any(Function), { capture: true });
  });
});
