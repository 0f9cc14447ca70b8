/**
 * Whether a page's offer (`pega.chat.proactiveChat.offer`) may be made now: the same gates as a
 * rule's offer (capping, business hours, agents ready on the queue). Pure.
 */
import { PAGE_OFFER_RULE } from './page-api';
import { openNow, type BusinessHours } from './rules/business-hours';
import { cappingBlock, type CappingSettings, type CappingState } from './rules/capping';

/** What decides whether a page offer may be made now: the same gates as a rule's offer. */
export interface PageOfferGate {
  capping: { settings: CappingSettings; state: CappingState };
  hours: BusinessHours;
  /** Agents ready on the queue, or unknown. */
  readyAgents: number | 'unknown';
  /** Whether an unknown availability lets the offer through (the default rule's choice). */
  unknownAllows: boolean;
  now: number;
  today: string;
}

/** Why a page offer may not be made now (what the page's `suppressed` event says), or null. */
export function pageOfferBlock(gate: PageOfferGate): string | null {
  const capped = cappingBlock(PAGE_OFFER_RULE, gate.capping.state, gate.capping.settings, gate.now, gate.today);
  // The once-per-visit cap counts the page's offers as one rule: say so in the page's words.
  if (capped) return capped.reason.replace('this rule already offered', 'a page offer was already made');
  const hours = openNow(gate.hours, gate.now);
  if (!hours.open) return hours.reason;
  if (gate.readyAgents === 0) return 'no agent is ready on the queue';
  if (gate.readyAgents === 'unknown' && !gate.unknownAllows) return 'the queue\'s availability is unknown';
  return null;
}
