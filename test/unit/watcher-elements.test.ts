// @vitest-environment happy-dom
/**
 * Element triggers in the watcher (src/content/watcher-elements.ts), run through the real
 * watcher in a happy-dom document. happy-dom has no layout, so the browser's
 * IntersectionObserver is stood in for by a recorder the test drives (`show` is the layout
 * putting elements on screen); its MutationObserver is the real one, and frames are 16 ms.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startWatcher } from '../../src/content/watcher';
import { parseMessage, WatcherReportSchema } from '../../src/protocol/messages';
import { CONTEXT_TARGET_KEY, type ElementWatch, type WatcherReply, type WatcherReport } from '../../src/protocol/watcher';

/** The browser's IntersectionObserver as far as the watcher uses it. */
class FakeIntersections {
  static live = new Set<FakeIntersections>();
  readonly targets = new Set<Element>();
  constructor(private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
    FakeIntersections.live.add(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  disconnect() {
    this.targets.clear();
  }
  /** The layout put these elements on screen (those observed are reported). */
  static show(...els: Element[]) {
    for (const io of [...FakeIntersections.live]) {
      const entries = els.filter((el) => io.targets.has(el)).map((target) => ({ target, isIntersecting: true }));
      if (entries.length) io.callback(entries);
    }
  }
  static observed(): Element[] {
    return [...FakeIntersections.live].flatMap((io) => [...io.targets]);
  }
}

const real = <E extends Event>(e: E): E => Object.defineProperty(e, 'isTrusted', { value: true });
const click = (el: Element, trusted = true) => {
  const e = new MouseEvent('click', { bubbles: true, composed: true });
  el.dispatchEvent(trusted ? real(e) : Object.defineProperty(e, 'isTrusted', { value: false }));
};
let mutationObservers = 0;
/** MutationObservers observing now. */
const observing = new Set<MutationObserver>();

/** The watcher with the background's replies scripted: `watch` is what the background asks to watch now. */
function harness(initial?: ElementWatch) {
  const reports: WatcherReport[] = [];
  let watch = initial;
  const stop = startWatcher({
    win: window,
    now: () => Date.now(),
    send: async (r): Promise<WatcherReply> => {
      reports.push(r);
      return { wakeInMs: null, ...(watch ? { watch } : {}) };
    },
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (id) => window.clearTimeout(id),
    onCommand: (l) => {
      harness.command = l;
      return () => undefined;
    },
  });
  return {
    reports,
    stop,
    last: () => reports.at(-1)!,
    /** The background's next replies ask for this. */
    set: (next?: ElementWatch) => (watch = next),
  };
}
harness.command = (_c: { type: 'watcher.debug' }) => undefined as void;
const report = async () => {
  harness.command({ type: 'watcher.debug' });
  await vi.advanceTimersByTimeAsync(0);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  vi.spyOn(document, 'hasFocus').mockReturnValue(true);
  FakeIntersections.live.clear();
  mutationObservers = 0;
  observing.clear();
  const RealMutationObserver = window.MutationObserver;
  vi.stubGlobal('IntersectionObserver', FakeIntersections);
  Object.assign(window, {
    IntersectionObserver: FakeIntersections,
    MutationObserver: class extends RealMutationObserver {
      constructor(cb: MutationCallback) {
        super(cb);
        mutationObservers++;
      }
      override observe(target: Node, options?: MutationObserverInit) {
        observing.add(this);
        super.observe(target, options);
      }
      override disconnect() {
        observing.delete(this);
        super.disconnect();
      }
    },
    requestAnimationFrame: (cb: FrameRequestCallback) => window.setTimeout(() => cb(Date.now()), 16),
  });
  document.body.innerHTML = `
    <section class="plans"><h2>Plans</h2></section>
    <form><button data-testid="apply"><span>Apply</span></button><button>Other</button></form>`;
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('watcher: element triggers', () => {
  it('observes nothing and creates no observer while no selector is watched', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeIntersections.live.size).toBe(0);
    expect(mutationObservers).toBe(0);
    document.body.append(document.createElement('div'));
    click(document.querySelector('button')!);
    await vi.advanceTimersByTimeAsync(500);
    expect(h.reports).toHaveLength(1);
    expect(h.last()).toMatchObject({ visibleSelectors: [], clickedSelectors: [], invalidSelectors: [] });
    h.stop();
  });

  it('reports a watched selector once an element matching it is on screen, then lets go of it', async () => {
    const h = harness({ visible: ['.plans', '.faq'], clicked: [] });
    await vi.advanceTimersByTimeAsync(0);
    const plans = document.querySelector('.plans')!;
    expect(FakeIntersections.observed()).toEqual([plans]);
    FakeIntersections.show(plans);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports).toHaveLength(2); // at once, no timer
    expect(h.last()).toMatchObject({ visibleSelectors: ['.plans'], navigated: false });
    expect(FakeIntersections.observed()).toEqual([]); // .faq has no element yet; .plans is done
    expect(observing.size).toBe(1); // for a .faq the page may add
    h.set({ visible: ['.plans'], clicked: [] });
    await report();
    expect(observing.size).toBe(0); // all seen: nothing left to look for
    expect(parseMessage(WatcherReportSchema, h.last()).ok).toBe(true);
    h.stop();
  });

  it('finds elements the page adds later, rescanning at most every 250 ms however busy the DOM is', async () => {
    const h = harness({ visible: ['.late'], clicked: [] });
    await vi.advanceTimersByTimeAsync(300);
    const scans = vi.spyOn(document, 'querySelectorAll');
    const late = document.createElement('div');
    late.className = 'late';
    for (let i = 0; i < 200; i++) {
      document.body.append(document.createElement('p')); // a page busy rendering: 200 mutations in one second
      if (i === 100) document.body.append(late);
      await vi.advanceTimersByTimeAsync(5);
    }
    await vi.advanceTimersByTimeAsync(300);
    expect(scans.mock.calls.filter(([s]) => s === '.late').length).toBeLessThanOrEqual(6);
    expect(FakeIntersections.observed()).toEqual([late]);
    FakeIntersections.show(late);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.last().visibleSelectors).toEqual(['.late']);
    h.stop();
  });

  it('disconnects every observer once nothing is left to watch, and when the background stops asking', async () => {
    const h = harness({ visible: ['.plans'], clicked: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeIntersections.observed()).toHaveLength(1);
    expect(observing.size).toBe(1);
    h.set(undefined); // e.g. the rule offered on this page
    await report();
    expect(FakeIntersections.observed()).toHaveLength(0);
    expect(observing.size).toBe(0);
    const scans = vi.spyOn(document, 'querySelectorAll');
    for (let i = 0; i < 20; i++) document.body.append(document.createElement('p'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(scans).not.toHaveBeenCalled(); // the MutationObserver is gone too
    h.stop();
  });

  it('reports a click on a matching element, or inside one, at once; not a click the page made', async () => {
    const h = harness({ visible: [], clicked: ['button[data-testid="apply"]', '.never'] });
    await vi.advanceTimersByTimeAsync(0);
    click(document.querySelectorAll('button')[1]!);
    click(document.querySelector('span')!, false); // element.click() or dispatchEvent from a page script
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports).toHaveLength(1);
    click(document.querySelector('span')!);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports).toHaveLength(2);
    expect(h.last()).toMatchObject({ clickedSelectors: ['button[data-testid="apply"]'] });
    click(document.querySelector('span')!);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports).toHaveLength(2); // already clicked: nothing new to say
    h.stop();
  });

  it('a new route forgets what was seen and clicked', async () => {
    const h = harness({ visible: [], clicked: ['button[data-testid="apply"]'] });
    await vi.advanceTimersByTimeAsync(0);
    click(document.querySelector('span')!);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.last().clickedSelectors).toEqual(['button[data-testid="apply"]']);
    history.pushState({}, '', '/next');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.last()).toMatchObject({ navigated: true, clickedSelectors: [] });
    h.stop();
    history.replaceState({}, '', '/');
  });

  it('tells the background at once which selectors this browser refuses, once', async () => {
    const h = harness({ visible: ['[[bad'], clicked: ['button[data-testid="apply"]', 'a:has(('] });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports).toHaveLength(2);
    expect(h.last().invalidSelectors).toEqual(['[[bad', 'a:has((']);
    expect(FakeIntersections.live.size).toBe(0);
    click(document.querySelector('span')!); // the valid one still works
    await vi.advanceTimersByTimeAsync(0);
    expect(h.reports).toHaveLength(3);
    expect(h.last().clickedSelectors).toEqual(['button[data-testid="apply"]']);
    h.stop();
  });

  it('keeps the element right-clicked last for the picker; a page-made contextmenu moves nothing', async () => {
    const scope = globalThis as unknown as Record<symbol, unknown>;
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    const span = document.querySelector('span')!;
    span.dispatchEvent(real(new MouseEvent('contextmenu', { bubbles: true })));
    expect(scope[Symbol.for(CONTEXT_TARGET_KEY)]).toBe(span);
    document.querySelector('h2')!.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    expect(scope[Symbol.for(CONTEXT_TARGET_KEY)]).toBe(span);
    h.stop();
  });

  it('stop ends observing and listening', async () => {
    const h = harness({ visible: ['.plans'], clicked: ['button[data-testid="apply"]'] });
    await vi.advanceTimersByTimeAsync(0);
    h.stop();
    expect(FakeIntersections.observed()).toHaveLength(0);
    expect(observing.size).toBe(0);
    click(document.querySelector('span')!);
    FakeIntersections.show(document.querySelector('.plans')!);
    await vi.advanceTimersByTimeAsync(500);
    expect(h.reports).toHaveLength(1);
  });
});
