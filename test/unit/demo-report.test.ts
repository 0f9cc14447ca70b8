/**
 * The demo report: the journey before a chat (a re-check that changed nothing adds no step),
 * the report's data from the first page view to the end in time order, and the HTML file:
 * self-contained, every piece of untrusted text escaped, with its chart.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JourneyStore } from '../../src/background/journeys';
import { newSession, type ChatSession } from '../../src/core/chat-session';
import type { CrmEvent } from '../../src/core/crm/sync-queue';
import { appendJourney, decisionText, MAX_JOURNEY } from '../../src/core/report/journey';
import { buildReport } from '../../src/core/report/report-data';
import { reportHtml } from '../../src/core/report/report-html';

const HOSTILE = '<script>alert(1)</script></svg><img src=x onerror=alert(2)> "quoted" & \'single\'';

function chat(): ChatSession {
  return {
    ...newSession('c1', 3, 'Billing', { nickname: 'Visitor', subject: '', userData: {} }, 10_000, 'bank.test'),
    chatId: 'g-1', status: 'ended', agents: ['Alice'], endedAt: 60_000,
    journey: [
      { at: 1_000, kind: 'page', text: `Viewed “Bill Payment” (https://bank.test/bill)` },
      { at: 2_000, kind: 'decision', text: 'Billing help: waiting (1 condition not met yet)' },
      { at: 8_000, kind: 'offer', text: 'Offered “Questions about your bill?” on Billing (Billing help)' },
      { at: 9_000, kind: 'outcome', text: 'The visitor accepted the offer' },
    ],
    transcript: [
      { key: 'i1', index: 1, kind: 'notice', from: 'agent', nickname: 'Alice', text: 'Alice joined the chat', at: 20_000, event: 'joined' },
      { key: 'i2', index: 2, kind: 'message', from: 'agent', nickname: 'Alice', text: HOSTILE, at: 21_000 },
      { key: 'i3', index: 3, kind: 'message', from: 'visitor', nickname: 'Visitor', text: 'Thanks', at: 30_000, delivery: 'sent' },
    ],
  };
}
const crm: CrmEvent[] = [
  { id: 'e1', chatKey: 'c1', kind: 'start', connector: 'sandbox', payload: {}, state: 'sent', attempts: 1, createdAt: 15_000, notBefore: 0, interactionId: 'INT-7' },
  { id: 'e2', chatKey: 'other', kind: 'start', connector: 'sandbox', payload: {}, state: 'sent', attempts: 1, createdAt: 16_000, notBefore: 0 },
  { id: 'e3', chatKey: 'c1', kind: 'end', connector: 'sandbox', payload: {}, state: 'failed', attempts: 3, createdAt: 61_000, notBefore: 0, lastError: 'HTTP 503' },
];

describe('the journey', () => {
  it('words each rule\'s state without clock figures, and keeps the newest steps', () => {
    expect(decisionText([
      { ruleId: 'a', name: 'Billing help', match: { status: 'waiting', failing: ['visible 3 s of 10'], waitMs: 7_000 } },
      { ruleId: 'b', name: 'Loans', match: { status: 'no-match', failing: ['URL matches none of **/loans*'] } },
      { ruleId: 'c', name: 'Off', match: { status: 'disabled' } },
      { ruleId: 'd', name: 'Exit', match: { status: 'ready' }, suppressed: 'an offer was declined less than 30 min ago' },
    ])).toBe('Billing help: waiting (1 condition not met yet); Loans: does not apply (URL matches none of **/loans*); Exit: held back (an offer was declined less than 30 min ago)');
    let journey = appendJourney([], { at: 1, kind: 'page', text: 'x'.repeat(1_000) });
    expect(journey[0]!.text).toHaveLength(300);
    for (let i = 0; i < MAX_JOURNEY + 5; i++) journey = appendJourney(journey, { at: i, kind: 'page', text: `p${i}` });
    expect(journey).toHaveLength(MAX_JOURNEY);
    expect(journey.at(-1)!.text).toBe(`p${MAX_JOURNEY + 4}`);
  });

  it('JourneyStore adds a decision only when it changed, per tab', async () => {
    fakeBrowser.reset();
    const store = new JourneyStore();
    await store.record(1, { at: 1, kind: 'decision', text: 'A: waiting' });
    await store.record(1, { at: 2, kind: 'decision', text: 'A: waiting' });
    await store.record(1, { at: 3, kind: 'decision', text: '' });
    await store.record(1, { at: 4, kind: 'decision', text: 'A: ready to offer' });
    await store.record(2, { at: 5, kind: 'page', text: 'other tab' });
    expect((await store.of(1)).map((e) => e.at)).toEqual([1, 4]);
    await store.forget(1);
    expect(await store.of(1)).toEqual([]);
    expect(await new JourneyStore().of(2)).toEqual([{ at: 5, kind: 'page', text: 'other tab' }]); // stored: a restarted worker has it
  });
});

describe('the report', () => {
  it('lays every step out in time order: pages, decisions, offer, agent, messages, CRM calls, the end', () => {
    const report = buildReport(chat(), chat().journey!, crm, 99_000);
    expect(report.timeline.map((s) => [s.at, s.kind])).toEqual([
      [1_000, 'page'], [2_000, 'decision'], [8_000, 'offer'], [9_000, 'outcome'], [10_000, 'chat'], [15_000, 'crm'],
      [20_000, 'agent'], [21_000, 'message'], [30_000, 'message'], [60_000, 'end'], [61_000, 'crm'],
    ]);
    expect(report.timeline.find((s) => s.at === 15_000)!.text).toBe('CRM startInteraction via sandbox: delivered, interaction INT-7');
    expect(report.timeline.at(-1)!.text).toBe('CRM endInteraction via sandbox: failed (HTTP 503)');
    expect(report.transcript).toHaveLength(3);
  });

  it('names every agent who took part, also once they have all left the ended chat', () => {
    const ended = chat();
    ended.agents = [];
    ended.transcript = [
      ...ended.transcript,
      { key: 'i4', index: 4, kind: 'notice', from: 'agent', nickname: 'Alice', text: 'Alice left the chat', at: 40_000, event: 'left' },
      { key: 'i5', index: 5, kind: 'message', from: 'agent', nickname: 'Bob', text: 'Bob here', at: 41_000 },
      { key: 'i6', index: 6, kind: 'notice', from: 'system', nickname: '', text: 'The chat has ended.', at: 59_000 },
    ];
    const report = buildReport(ended, ended.journey ?? [], [], 70_000);
    expect(report.chat.agents).toEqual(['Alice', 'Bob']);
    expect(reportHtml(report)).toContain('<dt>Agents</dt><dd>Alice, Bob</dd>');
  });

  it('renders one self-contained file: no script, nothing from the network, untrusted text escaped, a chart', () => {
    const html = reportHtml(buildReport({ ...chat(), queue: HOSTILE }, chat().journey!, crm, 99_000));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;/svg&gt;&lt;img src=x onerror=alert(2)&gt; &quot;quoted&quot; &amp; &#39;single&#39;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html.match(/<circle /g)).toHaveLength(11);
    expect(html.match(/<svg /g)).toHaveLength(1);
  });

  it('survives timestamps out of range from a server without throwing', () => {
    const broken = { ...chat(), transcript: [{ ...chat().transcript[0]!, at: Number.MAX_VALUE }] };
    expect(() => reportHtml(buildReport(broken, [], [], 99_000))).not.toThrow();
  });
});
