/**
 * The report's timeline chart as inline SVG: one lane per participant (the visitor, then each
 * agent in the order they joined) with a bar while they were in the chat and a dot per message,
 * and a lane of events (transfers, consultations, take-overs, user data, files). Every label
 * and tooltip (`<title>`) goes through the `html` tag, so chat text is escaped. No external
 * reference of any kind: no xmlns URL (inline SVG in HTML needs none), no links, no fonts.
 */
import type { Actor, ChatReport } from './chat-report.ts';
import { html, type Markup } from './html.ts';

const WIDTH = 960;
const LABEL = 180;
const PLOT = WIDTH - LABEL - 24;
const LANE = 34;
const TOP = 28;

const EVENT_KINDS: Record<string, string> = {
  transferred: '#b45309', 'consultation-started': '#7c3aed', 'consultation-completed': '#7c3aed', 'taken-over': '#be123c',
  'user-data': '#0f766e', file: '#1d4ed8', rejected: '#6b7280',
};

const laneKey = (a: Actor) => (a.party === 'visitor' ? 'visitor' : `${a.party}:${a.agent ?? a.name}`);
const clip = (text: string, max = 240) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** `+m:ss` from the start of the chat. */
export function offset(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `+${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The chart of `report`. */
export function timelineSvg(report: ChatReport): Markup {
  const start = report.chat.createdAt;
  const end = Math.max(report.chat.endedAt ?? report.generatedAt, start + 1000);
  const x = (t: number) => (LABEL + ((Math.min(Math.max(t, start), end) - start) / (end - start)) * PLOT).toFixed(1);

  const lanes = new Map<string, { label: string; y: number }>();
  const lane = (a: Actor) => {
    const key = laneKey(a);
    if (!lanes.has(key)) lanes.set(key, { label: a.party === 'visitor' ? `${a.name} (visitor)` : `${a.name}${a.autopilot ? ' (autopilot)' : ''}`, y: TOP + lanes.size * LANE });
    return lanes.get(key)!;
  };
  lane({ party: 'visitor', name: report.chat.visitor });
  for (const stay of report.participants) lane(stay.actor);
  const events = report.timeline.filter((e) => EVENT_KINDS[e.kind]);
  const eventsY = TOP + lanes.size * LANE;
  const height = eventsY + LANE + 24;

  const bars = report.participants.map((s) => {
    const l = lane(s.actor);
    const x1 = x(s.joinedAt);
    const w = Math.max(2, Number(x(s.leftAt ?? end)) - Number(x1)).toFixed(1);
    return html`<rect x="${x1}" y="${l.y + 9}" width="${w}" height="16" rx="3" fill="${s.actor.party === 'visitor' ? '#cbd5e1' : '#bfdbfe'}"${s.agentsOnly ? html` stroke="#7c3aed" stroke-dasharray="4 3"` : ''}><title>${s.actor.name}: ${offset(s.joinedAt - start)} to ${s.leftAt === null ? 'the end' : offset(s.leftAt - start)}</title></rect>`;
  });
  const dots = report.transcript.filter((l) => l.type === 'Text').map((l) => {
    const y = lane(l.from).y + 17;
    return html`<circle cx="${x(l.at)}" cy="${y}" r="4.5" fill="${l.from.party === 'visitor' ? '#334155' : '#1d4ed8'}"><title>${offset(l.at - start)} ${l.from.name}: ${clip(l.text)}</title></circle>`;
  });
  const marks = events.map((e) => {
    const cx = Number(x(e.at));
    const cy = eventsY + 17;
    return html`<path d="M${cx} ${cy - 7}L${cx + 7} ${cy}L${cx} ${cy + 7}L${cx - 7} ${cy}Z" fill="${EVENT_KINDS[e.kind]!}"><title>${offset(e.at - start)} ${clip(e.text)}</title></path>`;
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const t = start + f * (end - start);
    return html`<line x1="${x(t)}" x2="${x(t)}" y1="${TOP - 4}" y2="${height - 20}" stroke="#e2e8f0"/><text x="${x(t)}" y="${height - 6}" text-anchor="middle" font-size="11" fill="#64748b">${offset(t - start)}</text>`;
  });
  const labels = [...lanes.values()].map((l) => html`<text x="8" y="${l.y + 21}" font-size="12" fill="#0f172a">${clip(l.label, 28)}</text>`);

  return html`<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${WIDTH} ${height}" width="100%" font-family="system-ui, sans-serif">
<title id="chart-title">Timeline of the chat with ${report.chat.visitor}: who was in it when, each message and each event</title>
${ticks}${labels}<text x="8" y="${eventsY + 21}" font-size="12" fill="#0f172a">Events</text>
${bars}${dots}${marks}
</svg>`;
}
