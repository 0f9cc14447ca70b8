/**
 * The demo report's timeline chart: one inline SVG, no script, no external resource. Each
 * step is a dot on its kind's lane, at its time; the chat's span is a bar. Pure.
 */
import { escapeHtml } from '../escape-html';
import type { ReportData, ReportStep } from './report-data';

/** The lanes, top to bottom, and their colours (AA contrast on white for the labels). */
const LANES: { label: string; kinds: ReportStep['kind'][]; colour: string }[] = [
  { label: 'Page', kinds: ['page'], colour: '#1d4ed8' },
  { label: 'Rules', kinds: ['decision'], colour: '#6d28d9' },
  { label: 'Offer', kinds: ['offer', 'outcome'], colour: '#b45309' },
  { label: 'Chat', kinds: ['chat', 'agent', 'end'], colour: '#047857' },
  { label: 'Messages', kinds: ['message', 'file'], colour: '#0f766e' },
  { label: 'CRM', kinds: ['crm'], colour: '#be123c' },
];
const WIDTH = 760;
const LEFT = 90;
const LANE_HEIGHT = 28;

/** Seconds from the start, for the axis. */
const mmss = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;

/** The chart as SVG markup. */
export function timelineChart(report: ReportData): string {
  const times = report.timeline.map((s) => s.at).filter((t) => Number.isFinite(t));
  const start = Math.min(...times, report.chat.startedAt);
  const end = Math.max(...times, report.chat.endedAt ?? report.chat.startedAt, start + 1_000);
  const x = (at: number) => LEFT + ((at - start) / (end - start)) * (WIDTH - LEFT - 20);
  const height = LANES.length * LANE_HEIGHT + 30;
  const lanes = LANES.map((lane, i) => {
    const y = 20 + i * LANE_HEIGHT;
    const dots = report.timeline
      .filter((s) => lane.kinds.includes(s.kind))
      .map((s) => `<circle cx="${x(s.at).toFixed(1)}" cy="${y}" r="5" fill="${lane.colour}"><title>${escapeHtml(`${mmss(s.at - start)} ${s.text}`)}</title></circle>`)
      .join('');
    return `<text x="8" y="${y + 4}" font-size="12" fill="#1f2333">${lane.label}</text><line x1="${LEFT}" y1="${y}" x2="${WIDTH - 20}" y2="${y}" stroke="#d8dce6"/>${dots}`;
  }).join('');
  const chatY = 20 + 3 * LANE_HEIGHT;
  const chatEnd = report.chat.endedAt ?? end;
  const bar = `<rect x="${x(report.chat.startedAt).toFixed(1)}" y="${chatY - 9}" width="${Math.max(2, x(chatEnd) - x(report.chat.startedAt)).toFixed(1)}" height="18" rx="4" fill="#047857" fill-opacity="0.15"/>`;
  const axis = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => { const at = start + f * (end - start); return `<text x="${x(at).toFixed(1)}" y="${height - 6}" font-size="11" fill="#5b6275" text-anchor="middle">${mmss(at - start)}</text>`; })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Timeline of the demo, from the first page view to the end of the chat" viewBox="0 0 ${WIDTH} ${height}" width="100%" data-testid="report-chart">${bar}${lanes}${axis}</svg>`;
}
