/**
 * Presenter controls (issue 13): fire an offer on cue. "Offer now" takes the best rule for the
 * page, the first enabled rule whose URL patterns cover it, skipping its thresholds and capping
 * (the site must still be enabled). Pure.
 */
import { ruleCoversUrl } from './rules/evaluate-rule';
import type { Rule } from './rules/rule-schema';

/** The keyboard commands (the manifest's `commands`; remappable in the browser's shortcut settings). */
export const PRESENTER_COMMANDS = {
  'offer-now': { description: 'Offer a chat now on this tab (presenter)', key: 'Alt+Shift+O' },
  'reset-visitor': { description: 'Reset the visitor: capping, visits and this tab\'s offer (presenter)', key: 'Alt+Shift+R' },
  'end-chat': { description: 'End the chat shown on this tab (presenter)', key: 'Alt+Shift+E' },
} as const;
export type PresenterCommand = keyof typeof PRESENTER_COMMANDS;

/** The longest "Offer in N seconds" countdown. */
export const MAX_COUNTDOWN_SECONDS = 300;

/** Whether `name` is one of the presenter commands. */
export const isPresenterCommand = (name: string): name is PresenterCommand => Object.hasOwn(PRESENTER_COMMANDS, name);

/** The rule "Offer now" fires on a page at `url`, or why there is none. */
export function presenterRule(rules: readonly Rule[], url: string): { rule: Rule } | { none: string } {
  const enabled = rules.filter((r) => r.enabled);
  if (enabled.length === 0) return { none: 'No rule is enabled: enable one in Settings → Rules.' };
  const rule = enabled.find((r) => ruleCoversUrl(r, url));
  return rule ? { rule } : { none: 'No enabled rule covers this page: check the rules\' URL patterns.' };
}
