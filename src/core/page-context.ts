/** What the watcher reports about a page, and how it becomes chat user data. */

/** A snapshot of one page as seen by the watcher. */
export interface PageContext {
  url: string;
  /** From the document title for now (issue 3 adds more sources). */
  pageName: string;
  /** Time on page counted only while the page was visible. */
  visibleMs: number;
}

/** "8 s", "2 min 5 s", "1 h 3 min": how the agent reads time on page. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return s > 0 ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

/**
 * The key/value context passed to the backend when a chat starts, as in
 * `pega.chat.proactiveChat.offer(queue, {"Page Name": …, "Time spent on page": …})`.
 */
export function chatUserData(ctx: PageContext): Record<string, string> {
  return {
    'Page Name': ctx.pageName,
    'Time spent on page': formatDuration(ctx.visibleMs),
    URL: ctx.url,
  };
}
