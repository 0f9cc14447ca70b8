/**
 * The agent's report of a chat as one self-contained HTML file: summary, the timeline chart
 * (inline SVG), the timeline step by step, the transcript and the user data. It loads nothing:
 * no scripts at all, styles inline, no links or images, and a Content-Security-Policy meta tag
 * (`default-src 'none'`) so that even a mistake could not fetch anything. Every value goes
 * through the `html` tag (html.ts), which escapes it.
 */
import type { ChatReport } from './chat-report.ts';
import { html, Markup } from './html.ts';
import { offset, timelineSvg } from './timeline-svg.ts';

// Inserted as it is (a constant of ours): <style> is raw text, where entities would not be decoded.
const STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a; margin: 0; background: #f8fafc; }
main { max-width: 980px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; } h2 { font-size: 1.1rem; margin: 28px 0 8px; }
.muted { color: #64748b; } section { background: #fff; border: 1px solid #e2e8f0; border-radius: 8px; padding: 12px 16px; margin-top: 16px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; } dt { color: #64748b; } dd { margin: 0; overflow-wrap: anywhere; }
ol { margin: 0; padding-left: 0; list-style: none; } li { padding: 4px 0; border-bottom: 1px solid #f1f5f9; display: grid; grid-template-columns: 10ch 1fr; gap: 8px; }
time { color: #64748b; font-variant-numeric: tabular-nums; } .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.agents-only { background: #faf5ff; } .tag { font-size: 0.75rem; border-radius: 4px; padding: 0 6px; background: #ede9fe; color: #5b21b6; margin-left: 6px; }
.who { font-weight: 600; } .visitor .who { color: #334155; } .agent .who { color: #1d4ed8; } svg.chart { display: block; }
`;

const utc = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const duration = (ms: number) => offset(ms).slice(1);

/** The report as a complete HTML document. */
export function reportHtml(r: ChatReport): string {
  const start = r.chat.createdAt;
  const agents = [...new Map(r.participants.filter((p) => p.actor.party === 'agent').map((p) => [p.actor.agent ?? p.actor.name, p.actor])).values()];
  const timeline = r.timeline.map((e) => html`<li class="${e.actor.party}${e.agentsOnly ? ' agents-only' : ''}" data-kind="${e.kind}"><time>${offset(e.at - start)}</time><span class="text">${e.text}${e.agentsOnly ? html`<span class="tag">agents only</span>` : ''}</span></li>`);
  const transcript = r.transcript.map((l) => html`<li class="${l.from.party}${l.agentsOnly ? ' agents-only' : ''}"><time>${offset(l.at - start)}</time><span class="text"><span class="who">${l.from.name}${l.from.autopilot ? ' (autopilot)' : ''}</span>: ${l.text}${l.agentsOnly ? html`<span class="tag">agents only</span>` : ''}</span></li>`);
  const userData = Object.entries(r.chat.userData).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`);
  const doc: Markup = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Chat with ${r.chat.visitor} — agent report — Beckon Sandbox</title>
<style>${new Markup(STYLE)}</style>
</head>
<body>
<main>
<h1>Chat with ${r.chat.visitor}</h1>
<p class="muted">Queue ${r.chat.queue}${r.chat.subject ? html` · ${r.chat.subject}` : ''} · started ${utc(r.chat.createdAt)} · ${r.chat.endedAt === null ? 'still open' : html`ended ${utc(r.chat.endedAt)}`}</p>
<section aria-labelledby="summary"><h2 id="summary">Summary</h2><dl>
<dt>Duration</dt><dd>${duration(r.summary.durationMs)}</dd>
<dt>Agents</dt><dd>${agents.map((a, i) => html`${i > 0 ? ', ' : ''}${a.name}${a.autopilot ? ' (autopilot)' : ''}`)}${agents.length === 0 ? 'none' : ''}</dd>
<dt>Messages</dt><dd>${r.summary.visitorMessages} from the visitor, ${r.summary.agentMessages} from agents</dd>
<dt>Typing notices</dt><dd>${r.summary.typingNotices} (not listed)</dd>
<dt>Transfers</dt><dd>${r.summary.transfers}</dd>
<dt>Files</dt><dd>${r.summary.files}</dd>
<dt>Chat id</dt><dd>${r.chat.id}</dd>
</dl></section>
<section aria-labelledby="chart"><h2 id="chart">Timeline chart</h2>${timelineSvg(r)}</section>
<section aria-labelledby="steps"><h2 id="steps">Timeline</h2><ol>${timeline}</ol></section>
<section aria-labelledby="transcript"><h2 id="transcript">Transcript</h2><ol>${transcript}</ol>${r.transcript.length === 0 ? html`<p class="muted">No messages.</p>` : ''}</section>
<section aria-labelledby="data"><h2 id="data">User data</h2>${userData.length > 0 ? html`<dl>${userData}</dl>` : html`<p class="muted">None.</p>`}</section>
<p class="muted">The agent's side of the chat, exported by ${r.exportedBy} from the Beckon Sandbox agent console on ${utc(r.generatedAt)}. Times are from the start of the chat.</p>
</main>
</body>
</html>
`;
  return doc.value;
}
