/**
 * What the Sandbox CRM hands out on the wire (see sandbox/README.md, "Sandbox CRM API").
 * Interactions follow the Pega Customer Service model (reference/protocols.md §7.1):
 * an interaction class, a flow name and string params, then switches and an end.
 */

/** Outcomes of a proactive offer the extension reports (one per rule firing). */
export const OFFER_OUTCOMES = ['declined', 'timed-out', 'offered', 'accepted', 'suppressed'] as const;

/** One of OFFER_OUTCOMES. */
export type OfferOutcome = (typeof OFFER_OUTCOMES)[number];

/** A time as the client sent it: epoch ms or an ISO 8601 date-time string (kept as sent). */
export type Instant = number | string;

/** One line of the chat transcript sent with endInteraction. */
export interface TranscriptLine {
  at: Instant;
  /** Who wrote it, as the extension names parties (e.g. 'visitor', 'agent', 'system'). */
  from: string;
  nickname: string;
  text: string;
}

/** An interaction as `GET /api/crm/interactions` returns it. */
export interface CrmInteraction {
  /** 'I-<n>', as Pega names interactions. */
  interactionId: string;
  interactionClass: string;
  flowName: string;
  /** Flow params and additional params (ContactId, AccountNumber, ChatId, IsExternalAPICall…). */
  params: Record<string, string>;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms of each switchInteraction, oldest first. */
  switches: number[];
  /** Epoch ms; absent while the interaction is open. */
  endedAt?: number;
  /** Present once ended. */
  transcript?: TranscriptLine[];
}

/** An offer outcome as `GET /api/crm/outcomes` returns it. */
export interface CrmOutcome {
  /** 'O-<n>'. */
  outcomeId: string;
  ruleId: string;
  ruleName: string;
  outcome: OfferOutcome;
  url: string;
  /** When it happened, as the extension reported it. */
  at: Instant;
  reason?: string;
  /** Epoch ms when the Sandbox stored it. */
  recordedAt: number;
}
