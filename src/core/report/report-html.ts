/**
 * The demo report as one self-contained HTML file (issue 14): no script, no external resource
 * (a Content-Security-Policy of `default-src 'none'` says so to the browser too), every piece of
 * visitor, agent and page text escaped. Readable offline by anyone the presenter sends it to.
 */
import { escapeHtml } from '../escape-html';
import { isoOrNull } from '../iso-time';
import { timelineChart } from './report-chart';
import type { ReportData } from './report-data';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;color:#1f2333;margin:2rem auto;max-width:50rem;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;width:100%}
td,th{text-align:start;vertical-align:top;padding:4px 8px;border-bottom:1px solid #e3e6ee}time{color:#5b6275;white-space:nowrap}
.kind{font-size:12px;font-weight:600;text-transform:uppercase;color:#5b6275}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}`;

/** The ISO time of a timestamp, or a dash for one out of range (a server's bytes are untrusted). */
const iso = (at: number | undefined) => isoOrNull(at) ?? '—';
/** `HH:MM:SS` in UTC: the same on every machine that opens the file. */
const clock = (at: number) => iso(at).slice(11, 19) || '—';

/** The report's HTML. */
export function reportHtml(report: ReportData): string {
  const { chat } = report;
  const title = `Demo report: chat on ${chat.queue}${chat.site ? ` at ${chat.site}` : ''}`;
  const facts: [string, string][] = [
    ['Started', iso(chat.startedAt)],
    ['Ended', chat.endedAt ? iso(chat.endedAt) : 'not yet'],
    ['Queue', chat.queue],
    ['Agents', chat.agents.join(', ') || '—'],
    ['Chat id', chat.chatId ?? '—'],
  ];
  const steps = report.timeline
    .map((s) => `<tr class="step ${s.kind}"><td><time>${clock(s.at)}</time></td><td class="kind">${escapeHtml(s.kind)}</td><td>${escapeHtml(s.text)}</td></tr>`)
    .join('\n');
  const lines = report.transcript
    .map((e) => `<tr><td><time>${clock(e.at)}</time></td><td><b>${escapeHtml(e.from === 'visitor' ? 'Visitor' : e.nickname || e.from)}</b></td><td>${escapeHtml(e.text)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<h2>Timeline</h2>
${timelineChart(report)}
<table data-testid="report-timeline"><thead><tr><th>Time (UTC)</th><th>What</th><th></th></tr></thead><tbody>
${steps}
</tbody></table>
<h2>Transcript</h2>
<table data-testid="report-transcript"><tbody>
${lines}
</tbody></table>
<p><small>Made by Beckon on ${iso(report.generatedAt)}.</small></p>
</body></html>
`;
}
