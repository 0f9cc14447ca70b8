/**
 * The agent's report of a chat (HTML and JSON): its timeline and transcript, who may export it,
 * and, with hostile visitor and agent text (`<script>`, `</svg>`, quotes, a URL), that everything
 * is escaped, nothing runs and nothing is loaded from anywhere.
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { opOk } from './agent-helpers.ts';
import { gwsMessages, lines, quickScript, startWithScripts, waitFor } from './autopilot-helpers.ts';
import { startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
afterEach(async () => {
  await t?.stop();
});

const HOSTILE = {
  nickname: '"><script>alert(1)</script>',
  subject: "</svg><img src=x onerror=alert('s')>",
  key: '<b>"k\'</b>',
  value: '</title></svg><script>steal()</script>',
  text: 'Hi </svg><svg onload=alert(2)> "quoted" & \'single\' <a href="https://evil.example/x">https://evil.example/x.png</a>',
  agent: 'Al"ice\'<i>',
  reply: '</text></title><script>alert(3)</script> url(https://evil.example/bg.png) @import "https://evil.example/a.css";',
};

const report = (agent: string, id: string, format = 'html') => t.agent(agent, 'GET', `/api/v2/me/interactions/${id}/report?format=${format}`);
const rawReport = async (agent: string, id: string) => {
  const res = await fetch(`${t.sb.url}/api/v2/me/interactions/${id}/report`, { headers: { Authorization: `Basic ${Buffer.from(`${agent}:${agent}`).toString('base64')}` } });
  return { res, text: await res.text() };
};

/** A chat full of hostile text: alice accepts, both write, alice sets user data, transfers to Loans, bob accepts, the visitor leaves. */
async function hostileChat(): Promise<string> {
  const id = (await t.customer('POST', '/api/v2/chats', { nickname: HOSTILE.nickname, subject: HOSTILE.subject, endpoint: 'Billing', userData: { [HOSTILE.key]: HOSTILE.value } })).body.id;
  await t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Ready' });
  await t.agent('bob', 'POST', '/api/v2/me', { operationName: 'Ready', queues: ['Loans'] });
  await opOk(t, 'alice', id, { operationName: 'Accept', nickname: HOSTILE.agent });
  await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendStartTypingNotification' });
  await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: HOSTILE.text });
  await opOk(t, 'alice', id, { operationName: 'SendMessage', text: HOSTILE.reply });
  await opOk(t, 'alice', id, { operationName: 'UpdateUserData', userData: { Outcome: HOSTILE.value } });
  await opOk(t, 'alice', id, { operationName: 'Transfer', queueName: 'Loans' });
  await opOk(t, 'bob', id, { operationName: 'Accept', nickname: 'Bob' });
  await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' });
  return id;
}

describe('the agent report', () => {
  it('is one self-contained HTML file: escaped, no script, no external resource, with its chart', async () => {
    t = await startTestSandbox();
    const id = await hostileChat();
    const { res, text } = await rawReport('alice', id); // alice left the chat (transfer) and still has her report
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="chat-report-${id.slice(0, 8)}.html"`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");

    // Byte level: no markup of the chat's text survives, and nothing could load anything.
    expect(text).not.toMatch(/<script|<img|<a[\s>]|<svg onload|<\/svg><(?!\/section>)|<\/title><script/i);
    const tags = text.replace(/>[^<]*</g, '><'); // the markup alone, every text node emptied
    expect(tags).not.toMatch(/\s(?:src|href|xlink:href|action|srcset|poster|data|on\w+)\s*=/i);
    expect(/<style>([^<]*)<\/style>/.exec(text)![1]).not.toMatch(/url\(|@import|@font-face/i);
    expect(text).not.toContain('xmlns');
    expect(text).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">');

    // Parsed, the page holds the chat's text as text, exactly as it was written.
    const doc = new new Window().DOMParser().parseFromString(text, 'text/html');
    expect(doc.querySelectorAll('script, img, a, link, iframe, object, embed, base, form').length).toBe(0);
    expect([...doc.querySelectorAll('*')].flatMap((el) => el.getAttributeNames()).filter((a) => /^on|^(src|href)$/i.test(a))).toEqual([]);
    expect(doc.querySelector('h1')!.textContent).toBe(`Chat with ${HOSTILE.nickname}`);
    expect(doc.title).toBe(`Chat with ${HOSTILE.nickname} — agent report — Beckon Sandbox`);
    const transcript = [...doc.querySelectorAll('#transcript + ol li .text')].map((li) => li.textContent);
    expect(transcript).toEqual([`${HOSTILE.nickname}: ${HOSTILE.text}`, `${HOSTILE.agent}: ${HOSTILE.reply}`]);
    expect([...doc.querySelectorAll('#data + dl dt')].map((d) => d.textContent)).toEqual([HOSTILE.key, 'Outcome']);
    expect(doc.querySelector('#data + dl dd')!.textContent).toBe(HOSTILE.value);

    // The chart: one inline SVG, a bar per stay, a dot per message (its tooltip the text), the events.
    const svgs = doc.querySelectorAll('svg');
    expect(svgs.length).toBe(1);
    expect(svgs[0]!.querySelectorAll('rect').length).toBe(3); // the visitor, alice, bob
    const dots = [...svgs[0]!.querySelectorAll('circle title')].map((title) => title.textContent);
    expect(dots).toEqual([expect.stringContaining(HOSTILE.text.slice(0, 30)), expect.stringContaining('</text></title><script>')]);
    expect(svgs[0]!.querySelectorAll('path').length).toBe(2); // user data, transfer
  });

  it('gives the same data as JSON: the timeline step by step, the transcript, the counts', async () => {
    t = await startTestSandbox();
    const id = await hostileChat();
    const r = await report('bob', id, 'json');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="chat-report-${id.slice(0, 8)}.json"`);
    const data = r.body;
    expect(data).toMatchObject({ format: 'beckon-agent-report', version: 1, exportedBy: 'bob',
      chat: { id, queue: 'Loans', visitor: HOSTILE.nickname, subject: HOSTILE.subject, ended: true, userData: { [HOSTILE.key]: HOSTILE.value, Outcome: HOSTILE.value } },
      summary: { visitorMessages: 1, agentMessages: 1, typingNotices: 1, transfers: 1, files: 0 } });
    expect(data.timeline.map((e: any) => [e.kind, e.actor.party, e.text])).toEqual([
      ['requested', 'visitor', `${HOSTILE.nickname} asked for a chat on queue Billing`],
      ['accepted', 'agent', `${HOSTILE.agent} accepted the chat`],
      ['message', 'visitor', `${HOSTILE.nickname}: ${HOSTILE.text}`],
      ['message', 'agent', `${HOSTILE.agent}: ${HOSTILE.reply}`],
      ['user-data', 'agent', `${HOSTILE.agent} changed user data: Outcome = ${HOSTILE.value}`],
      ['transferred', 'agent', `${HOSTILE.agent} transferred the chat to queue Loans`],
      ['left', 'agent', `${HOSTILE.agent} left the chat`],
      ['accepted', 'agent', 'Bob accepted the chat'],
      ['left', 'visitor', `${HOSTILE.nickname} left the chat`],
      ['ended', 'system', 'The chat ended'],
    ]);
    expect(data.transcript.map((l: any) => [l.from.name, l.text])).toEqual([[HOSTILE.nickname, HOSTILE.text], [HOSTILE.agent, HOSTILE.reply]]);
    expect(data.participants.map((p: any) => [p.actor.name, p.leftAt === null])).toEqual([[HOSTILE.nickname, false], [HOSTILE.agent, false], ['Bob', true]]);
  });

  it('marks the autopilot, and any agent may export a chat the autopilot handled', async () => {
    t = await startWithScripts({ 'billing.yaml': quickScript('greeting: { say: Hello. }') });
    const id = (await t.customer('POST', '/api/v2/chats', { nickname: 'Jane', endpoint: 'Billing' })).body.id;
    await waitFor(async () => lines(await gwsMessages(t, id), ['Text']).length === 1, 'the greeting');
    const data = (await report('bob', id, 'json')).body;
    expect(data.timeline.slice(1, 3).map((e: any) => [e.kind, e.actor])).toEqual([
      ['accepted', { party: 'agent', name: 'Ava', agent: 'autopilot-billing', autopilot: true }],
      ['message', { party: 'agent', name: 'Ava', agent: 'autopilot-billing', autopilot: true }],
    ]);
    expect(data.chat.endedAt).toBeNull();
    expect((await rawReport('alice', id)).text).toContain('Ava (autopilot)');
  });

  it('refuses chats the agent never took part in, and a bad format', async () => {
    t = await startTestSandbox({ agents: [{ name: 'alice', password: 'alice' }, { name: 'bob', password: 'bob' }, { name: 'carol', password: 'carol' }] });
    const id = await hostileChat();
    const waiting = (await t.customer('POST', '/api/v2/chats', { nickname: 'Jo' })).body.id;
    for (const [agent, chat] of [['carol', id], ['alice', waiting], ['alice', 'nope']]) {
      const r = await report(agent!, chat!);
      expect([r.status, r.body.statusCode, r.body.statusMessage]).toEqual([404, 6, expect.stringMatching(/^You have no interaction '.*' \(a report needs a chat you or the autopilot took part in\)\.$/)]);
    }
    const bad = await report('alice', id, 'pdf');
    expect([bad.status, bad.body.statusMessage]).toEqual([400, "Invalid parameter 'format': must be 'html' or 'json'."]);
  });
});
