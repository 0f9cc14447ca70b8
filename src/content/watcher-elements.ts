/**
 * Element triggers in the watcher: which of the selectors the background names have been on
 * screen or clicked on this page, and which the browser refuses. Nothing runs for a selector
 * nobody watches: with no `visible` selector left unseen there is no observer at all, and the
 * one click listener returns at once while no `clicked` selector is watched.
 */
import { CONTEXT_TARGET_KEY, type WatcherReport } from '../protocol/watcher';

/** Listens to a browser-made (`isTrusted`) event until the watcher stops: the watcher's own `listen`. */
export type Listen = (target: EventTarget, type: string, fn: (e: Event) => void) => void;

/** At most one rescan for new elements per this many ms, however busy the page's DOM is. */
const RESCAN_MS = 250;

/** The element side of the watcher; `changed` asks for a report now. */
export function watchElements(win: Window & typeof globalThis, now: () => number, listen: Listen, changed: () => void) {
  const doc = win.document;
  /** The lists as the background sent them (`visible` and `clicked` keep those the browser takes). */
  let asked: string[][] = [[], []];
  let visible: readonly string[] = [];
  let clicked: readonly string[] = [];
  const seen = new Set<string>();
  const hit = new Set<string>();
  const bad = new Set<string>();
  let intersections: IntersectionObserver | undefined;
  let mutations: MutationObserver | undefined;
  let queued = false;
  let lastScan = -RESCAN_MS;

  /** Whether the browser takes `s` as a selector (an empty fragment: nothing is matched, only parsed). */
  const valid = (s: string) => {
    try {
      doc.createDocumentFragment().querySelector(s);
      return true;
    } catch {
      bad.add(s);
      return false;
    }
  };
  const pending = () => visible.filter((s) => !seen.has(s) && !bad.has(s));
  const disconnect = () => {
    intersections?.disconnect();
    mutations?.disconnect();
    intersections = mutations = undefined;
  };
  /** Observes every element of the unseen selectors, from scratch (so removed ones are let go). */
  function scan() {
    queued = false;
    lastScan = now();
    const wanted = pending();
    intersections?.disconnect();
    if (wanted.length === 0) return disconnect();
    intersections ??= new win.IntersectionObserver((entries) => {
      const before = seen.size;
      for (const entry of entries) {
        if (entry.isIntersecting) for (const s of pending()) if (entry.target.matches(s)) seen.add(s);
      }
      if (seen.size > before) {
        scan(); // let go of the elements of selectors now seen
        changed();
      }
    });
    for (const s of wanted) doc.querySelectorAll(s).forEach((el) => intersections!.observe(el));
    // Elements the page adds later: at most one rescan a frame and one per RESCAN_MS, none while hidden.
    const tick = () => (now() - lastScan < RESCAN_MS ? win.requestAnimationFrame(tick) : scan());
    mutations ??= new win.MutationObserver(() => {
      if (!queued) win.requestAnimationFrame(tick);
      queued = true;
    });
    mutations!.observe(doc.documentElement, { childList: true, subtree: true });
  }

  listen(doc, 'click', (e) => {
    const target = e.target as Element | null;
    const before = hit.size;
    for (const s of clicked) if (!bad.has(s) && target?.closest?.(s)) hit.add(s);
    if (hit.size > before) changed(); // at once: a click trigger should feel instant
  });
  // The context menu's rule is for the element right-clicked last: the picker (injected on the
  // menu click, into this same isolated world) reads it from the world's global (in Firefox that
  // is the content script sandbox, not `window`). A page's fake contextmenu moves nothing.
  listen(doc, 'contextmenu', (e) => ((globalThis as unknown as Record<symbol, unknown>)[Symbol.for(CONTEXT_TARGET_KEY)] = e.target));

  return {
    /**
     * Watches these selectors from now on (the background's reply); true when one the browser
     * refuses was just found, so the background hears of it at once.
     */
    watch(next: { visible?: string[]; clicked?: string[] } | undefined): boolean {
      const v = next?.visible ?? [];
      const c = next?.clicked ?? [];
      if (JSON.stringify([v, c]) === JSON.stringify(asked)) return false;
      const refused = bad.size;
      asked = [v, c];
      visible = v.filter(valid);
      clicked = c.filter(valid);
      scan();
      return bad.size > refused;
    },
    /** What the report says of the watched selectors. */
    report(): Pick<WatcherReport, 'visibleSelectors' | 'clickedSelectors' | 'invalidSelectors'> {
      return {
        visibleSelectors: visible.filter((s) => seen.has(s)),
        clickedSelectors: clicked.filter((s) => hit.has(s)),
        invalidSelectors: [...new Set(asked.flat())].filter((s) => bad.has(s)),
      };
    },
    /** A new page or route: nothing seen or clicked on it yet. */
    reset() {
      seen.clear();
      hit.clear();
      scan();
    },
    /** Stops observing for good (a scan still queued then finds nothing to watch). */
    stop() {
      visible = clicked = [];
      disconnect();
    },
  };
}
