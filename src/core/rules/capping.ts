import { z } from 'zod';

/** Frequency capping, global across tabs and sites (the Predictive Engagement model). */
export const CappingSettingsSchema = z.object({
  /** A rule offers at most once per visit. */
  oncePerRulePerVisit: z.boolean(),
  /** No offer for this long after the visitor declined one. */
  declineCooldownMinutes: z.number().int().min(0).max(43_200),
  /** No offer for this long after a chat. */
  afterChatMinutes: z.number().int().min(0).max(43_200),
  /** At least this long between any two offers. */
  minGapSeconds: z.number().int().min(0).max(86_400),
  /** At most this many offers per day; 0 means no limit. */
  dailyCap: z.number().int().min(0).max(1000),
  /** A visit ends after this long without a page view. */
  visitTimeoutMinutes: z.number().int().min(1).max(1440),
});
export type CappingSettings = z.infer<typeof CappingSettingsSchema>;

export const DEFAULT_CAPPING: CappingSettings = {
  oncePerRulePerVisit: true, declineCooldownMinutes: 30, afterChatMinutes: 60, minGapSeconds: 60, dailyCap: 5, visitTimeoutMinutes: 30,
};

/** What capping remembers about the visitor. */
export interface CappingState {
  visitStartedAt: number;
  lastSeenAt: number;
  rulesOfferedThisVisit: string[];
  lastOfferAt?: number;
  lastDeclineAt?: number;
  lastChatAt?: number;
  /** Offers made per local day (`YYYY-MM-DD`); only today's entry matters. */
  offersOnDay: { day: string; count: number };
}

/** A fresh visitor. */
export const emptyCappingState = (now: number, today: string): CappingState => ({
  visitStartedAt: now, lastSeenAt: now, rulesOfferedThisVisit: [], offersOnDay: { day: today, count: 0 },
});

/** Marks a page view: a visit that has been quiet longer than the timeout starts over. */
export function touchVisit(s: CappingState, c: CappingSettings, now: number): CappingState {
  const expired = now - s.lastSeenAt > c.visitTimeoutMinutes * 60_000;
  return expired ? { ...s, visitStartedAt: now, lastSeenAt: now, rulesOfferedThisVisit: [] } : { ...s, lastSeenAt: now };
}

/** Why `ruleId` may not offer now (and until when, if a clock will lift it), or null if it may. */
export function cappingBlock(ruleId: string, s: CappingState, c: CappingSettings, now: number, today: string): { reason: string; until?: number } | null {
  const after = (at: number | undefined, ms: number) => (at !== undefined && now < at + ms ? at + ms : undefined);
  const chat = after(s.lastChatAt, c.afterChatMinutes * 60_000);
  if (chat) return { reason: `a chat took place less than ${c.afterChatMinutes} min ago`, until: chat };
  const decline = after(s.lastDeclineAt, c.declineCooldownMinutes * 60_000);
  if (decline) return { reason: `an offer was declined less than ${c.declineCooldownMinutes} min ago`, until: decline };
  if (c.oncePerRulePerVisit && s.rulesOfferedThisVisit.includes(ruleId)) return { reason: 'this rule already offered in this visit' };
  const gap = after(s.lastOfferAt, c.minGapSeconds * 1000);
  if (gap) return { reason: `another offer was made less than ${c.minGapSeconds} s ago`, until: gap };
  const count = s.offersOnDay.day === today ? s.offersOnDay.count : 0;
  if (c.dailyCap > 0 && count >= c.dailyCap) return { reason: `the daily cap of ${c.dailyCap} offers is reached` };
  return null;
}

/** The state after `ruleId` made an offer. */
export function recordOffer(s: CappingState, ruleId: string, now: number, today: string): CappingState {
  const count = s.offersOnDay.day === today ? s.offersOnDay.count + 1 : 1;
  return { ...s, lastOfferAt: now, rulesOfferedThisVisit: [...new Set([...s.rulesOfferedThisVisit, ruleId])], offersOnDay: { day: today, count } };
}

/** The state after the visitor declined (or let time out) an offer. */
export const recordDecline = (s: CappingState, now: number): CappingState => ({ ...s, lastDeclineAt: now });

/** The state after a chat (started or ended: both restart the quiet period). */
export const recordChat = (s: CappingState, now: number): CappingState => ({ ...s, lastChatAt: now });
