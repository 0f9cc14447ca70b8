import { touchVisit, type CappingSettings, type CappingState, emptyCappingState } from './capping';

/** What Beckon remembers about the visitor across tabs and sites (never on the sites themselves). */
export interface VisitorState {
  capping: CappingState;
  /** Pages viewed in the current visit. */
  pagesViewed: number;
  /** Per host: visits and when it was last seen. */
  sites: Record<string, { visits: number; lastSeenAt: number }>;
}

/** A visitor never seen before. */
export const newVisitor = (now: number, today: string): VisitorState => ({
  capping: emptyCappingState(now, today), pagesViewed: 0, sites: {},
});

/**
 * Counts a page view on `host`: a visit that has been quiet longer than the timeout starts
 * over (and so does the pages-viewed count); a host not seen within the timeout counts a new visit.
 */
export function recordPageView(v: VisitorState, host: string, c: CappingSettings, now: number): VisitorState {
  const capping = touchVisit(v.capping, c, now);
  const newVisit = capping.visitStartedAt !== v.capping.visitStartedAt;
  const site = v.sites[host];
  const siteIsNew = !site || now - site.lastSeenAt > c.visitTimeoutMinutes * 60_000;
  return {
    capping,
    pagesViewed: (newVisit ? 0 : v.pagesViewed) + 1,
    sites: { ...v.sites, [host]: { visits: (site?.visits ?? 0) + (siteIsNew ? 1 : 0), lastSeenAt: now } },
  };
}

/** Pages viewed and visits to `host`, for rule conditions. */
export function visitorSignals(v: VisitorState, host: string): { pagesViewed: number; visits: number } {
  return { pagesViewed: Math.max(1, v.pagesViewed), visits: Math.max(1, v.sites[host]?.visits ?? 1) };
}
