/**
 * The page-context signals rules can test. The watcher measures the page-local ones; the
 * background adds the visit-wide ones (pages viewed, visits).
 */

/** Everything a rule condition can read about the visitor's current page. */
export interface RuleContext {
  url: string;
  pageName: string;
  referrer: string;
  /** Seconds the page was visible and focused. */
  activeSeconds: number;
  /** Seconds the page was visible. */
  visibleSeconds: number;
  /** Seconds since the page (or SPA route) was loaded. */
  wallSeconds: number;
  /** Seconds since the last input (pointer, key, scroll, touch). */
  idleSeconds: number;
  /** Deepest scroll reached, percent of the page (0–100). */
  scrollDepth: number;
  /** The pointer left through the top of the viewport. */
  exitIntent: boolean;
  /** Pages viewed in this visit, this one included. */
  pagesViewed: number;
  /** Visits to this site, this one included. */
  visits: number;
  /** Selectors of element conditions: an element matching it has been on screen on this page. */
  visibleSelectors?: readonly string[];
  /** …the visitor clicked an element matching it (or inside one) on this page. */
  clickedSelectors?: readonly string[];
  /** …the page's browser refused it as a selector. */
  invalidSelectors?: readonly string[];
}

/** Numeric signals a threshold condition may name. */
export const NUMERIC_SIGNALS = [
  'activeSeconds', 'visibleSeconds', 'wallSeconds', 'idleSeconds', 'scrollDepth', 'pagesViewed', 'visits',
] as const;
export type NumericSignal = (typeof NUMERIC_SIGNALS)[number];

/** Signals that grow by themselves as time passes (so a failing threshold can become true later). */
export const CLOCK_SIGNALS: ReadonlySet<NumericSignal> = new Set(['activeSeconds', 'visibleSeconds', 'wallSeconds', 'idleSeconds']);

/** How a signal reads in the rule debugger. */
export const SIGNAL_LABELS: Record<NumericSignal, string> = {
  activeSeconds: 'active seconds on page',
  visibleSeconds: 'visible seconds on page',
  wallSeconds: 'seconds since the page loaded',
  idleSeconds: 'seconds idle',
  scrollDepth: 'scroll depth %',
  pagesViewed: 'pages viewed this visit',
  visits: 'visits to this site',
};
