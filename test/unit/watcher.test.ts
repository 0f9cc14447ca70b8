import { describe, expect, it, vi } from 'vitest';
import { startWatcher } from '../../src/content/watcher';
import type { WatcherReply, WatcherReport } from '../../src/protocol/watcher';

/** A stand-in for the few Document members the watcher reads; enough for this one module. */
function fakeDocument(visible = true) {
  const listeners = new Set<() => void>();
  const doc = {
    visibilityState: visible ? 'visible' : 'hidden',
    title: ' Bill Payment — Beckon Bank ',
    location: { href: 'http://127.0.0.1:7400/demo/bill-payment.html', hostname: '127.0.0.1' },
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
  };
  const setVisible = (v: boolean) => {
    doc.visibilityState = v ? 'visible' : 'hidden';
    listeners.forEach((l) => l());
  };
  return { doc: doc as unknown as Document, setVisible, listeners };
}

function harness(replies: (r: WatcherReport) => WatcherReply, visible = true) {
  vi.useFakeTimers();
  const page = fakeDocument(visible);
  const reports: WatcherReport[] = [];
  const timers = new Set<number>();
  const stop = startWatcher({
    doc: page.doc,
    now: () => Date.now(),
    send: async (r) => {
      reports.push(r);
      return replies(r);
    },
    setTimer: (fn, ms) => {
      const id = setTimeout(() => {
        timers.delete(id as unknown as number);
        fn();
      }, ms) as unknown as number;
      timers.add(id);
      return id;
    },
    clearTimer: (id) => {
      clearTimeout(id);
      timers.delete(id);
    },
  });
  return { ...page, reports, timers, stop };
}

describe('watcher', () => {
  it('reports on load with the trimmed title as page name', async () => {
    const h = harness(() => ({ wakeInMs: null }));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports).toEqual([
      { type: 'watcher.context', url: 'http://127.0.0.1:7400/demo/bill-payment.html', pageName: 'Bill Payment — Beckon Bank', visibleMs: 0 },
    ]);
    expect(h.timers.size).toBe(0);
    h.stop();
  });

  it('sets one timer for the threshold and reports again when it fires', async () => {
    const h = harness((r) => ({ wakeInMs: r.visibleMs < 10_000 ? 10_000 - r.visibleMs : null }));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.timers.size).toBe(1);
    await vi.advanceTimersByTimeAsync(10_100);
    expect(h.reports.map((r) => r.visibleMs)).toEqual([0, 10_050]);
    expect(h.timers.size).toBe(0);
    h.stop();
  });

  it('stops counting and holds no timer while hidden', async () => {
    const h = harness((r) => ({ wakeInMs: Math.max(0, 10_000 - r.visibleMs) }));
    await vi.advanceTimersByTimeAsync(4000);
    h.setVisible(false);
    expect(h.timers.size).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.reports).toHaveLength(1);
    h.setVisible(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports.at(-1)?.visibleMs).toBe(4000);
    h.stop();
  });

  it('does nothing until a background tab is first shown', async () => {
    const h = harness(() => ({ wakeInMs: null }), false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(h.reports).toHaveLength(0);
    h.setVisible(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports[0]?.visibleMs).toBe(0);
    h.stop();
  });

  it('stops for good when the extension is gone', async () => {
    vi.useFakeTimers();
    const page = fakeDocument();
    startWatcher({
      doc: page.doc, now: () => Date.now(), setTimer: () => 1, clearTimer: () => undefined,
      send: () => Promise.reject(new Error('Extension context invalidated.')),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(page.listeners.size).toBe(0);
  });
});
