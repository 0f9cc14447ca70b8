/**
 * The visitor's journey before a chat (issue 14's demo report): the pages viewed, what the rules
 * decided and why, the offer and its outcome. Kept per tab, bounded, and handed to the chat
 * when the offer is accepted. Pure.
 */
import type { RuleReport } from '../rules/engine';

/** One step of the journey. */
export interface JourneyEvent {
  at: number;
  kind: 'page' | 'decision' | 'offer' | 'outcome';
  text: string;
}

/** Steps kept per tab (the newest); a demo's journey is far shorter. */
export const MAX_JOURNEY = 120;
/** Characters of one step's text. */
const MAX_TEXT = 300;

/** Appends a step, clipped, keeping the newest {@link MAX_JOURNEY}. */
export function appendJourney(journey: readonly JourneyEvent[], event: JourneyEvent): JourneyEvent[] {
  const clipped = event.text.length > MAX_TEXT ? { ...event, text: `${event.text.slice(0, MAX_TEXT - 1)}…` } : event;
  return [...journey, clipped].slice(-MAX_JOURNEY);
}

/**
 * What the rules decided on a page, one line per rule, in words; the same text for the same
 * state (clock figures left out), so a re-check that changed nothing adds no step.
 */
export function decisionText(reports: readonly RuleReport[]): string {
  return reports
    .filter((r) => r.match.status !== 'disabled')
    .map((r) => {
      if (r.suppressed) return `${r.name}: held back (${r.suppressed})`;
      switch (r.match.status) {
        case 'ready':
          return `${r.name}: ready to offer`;
        case 'waiting':
          return `${r.name}: waiting (${r.match.failing.length} condition${r.match.failing.length === 1 ? '' : 's'} not met yet)`;
        default:
          return `${r.name}: does not apply (${r.match.status === 'no-match' ? r.match.failing[0] ?? 'no match' : ''})`;
      }
    })
    .join('; ');
}
