/**
 * Which canned replies the composer's `/` list offers for what the agent typed after the `/`:
 * shortcuts that start with it first, then shortcuts that contain it, then replies whose text
 * contains it (case-insensitive), each group by shortcut. Pure.
 */
import type { CannedReply } from '../canned/schemas.ts';

/** Most replies the list shows at once. */
const MAX_SHOWN = 8;

/** The `/query` the composer holds (a slash, then no whitespace), or null when it holds anything else. */
export function cannedQuery(text: string): string | null {
  const m = /^\/(\S{0,40})$/.exec(text);
  return m ? m[1]! : null;
}

/** The replies for `query`, best first, at most MAX_SHOWN. */
export function matchCanned(replies: readonly CannedReply[], query: string): CannedReply[] {
  const q = query.toLowerCase();
  const rank = (r: CannedReply) => {
    const s = r.shortcut.toLowerCase();
    return s.startsWith(q) ? 0 : s.includes(q) ? 1 : r.text.toLowerCase().includes(q) ? 2 : -1;
  };
  return replies.map((r) => ({ r, rank: rank(r) })).filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.r.shortcut.localeCompare(b.r.shortcut)).slice(0, MAX_SHOWN).map((x) => x.r);
}
