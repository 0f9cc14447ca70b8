import { cappingBlock, type CappingSettings, type CappingState } from './capping';
import { ruleCoversUrl } from './evaluate-rule';
import type { Rule } from './rule-schema';

/** At most this many selectors of each kind are watched on a page (and reported back). */
export const WATCH_MAX = 20;

/** The element selectors a page's watcher should watch: seen on screen, and clicked. */
export interface ElementsToWatch {
  visible: string[];
  clicked: string[];
}

/** What decides whether a rule can still fire on the page. */
export interface WatchInput {
  rules: readonly Rule[];
  /** The page's URL as rules see it. */
  url: string;
  capping: { settings: CappingSettings; state: CappingState };
  now: number;
  today: string;
}

/**
 * The selectors of the element conditions of rules that can still fire on this page: enabled,
 * matching its URL, and not capped for the rest of the visit or the day (a cooldown that will
 * lift keeps its selectors watched: what is clicked meanwhile still counts when it does). The
 * watcher observes nothing else, so a page costs nothing for rules that cannot offer there.
 * The caller sends nothing at all once the page is done (an offer made, a chat running).
 */
export function elementsToWatch({ rules, url, capping, now, today }: WatchInput): ElementsToWatch {
  const visible = new Set<string>();
  const clicked = new Set<string>();
  for (const rule of rules) {
    const elements = rule.conditions.flatMap((c) => (c.kind === 'elementVisible' || c.kind === 'elementClicked' ? [c] : []));
    if (!rule.enabled || elements.length === 0) continue;
    if (!ruleCoversUrl(rule, url)) continue;
    const capped = cappingBlock(rule.id, capping.state, capping.settings, now, today);
    if (capped && capped.until === undefined) continue;
    for (const c of elements) {
      const list = c.kind === 'elementVisible' ? visible : clicked;
      if (list.size < WATCH_MAX) list.add(c.selector);
    }
  }
  return { visible: [...visible], clicked: [...clicked] };
}
