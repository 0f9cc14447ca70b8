/**
 * The delta protocol between the background and a UI: what the hub plans to send, and how a
 * UI applies it, notices a gap and asks for a resync.
 */
import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../src/core/chat-session';
import type { BackgroundToUi, ChatView, TabView } from '../../src/protocol/ports';
import { applyDelta, planUpdate, type Plan } from '../../src/protocol/view-delta';
import { ViewSync } from '../../src/ui/view-sync';

const line = (i: number, text = `line ${i}`.padEnd(150, '.')): TranscriptEntry => ({ key: `i${i}`, index: i, kind: 'message', from: 'agent', nickname: 'Alex', text, at: 1_000 + i });
const chatView = (transcript: TranscriptEntry[], over: Partial<ChatView> = {}): ChatView => ({
  id: 'c1', status: 'connected', queue: 'Billing', agents: ['Alex'], agentTyping: false, transcript, offline: false, unread: 0, lastIndex: transcript.length, startedAt: 1, ...over,
});
const tab = (chat: ChatView | null): TabView => ({ tabId: 4, offer: null, chat });
const toMessage = (plan: Plan, seq: number): Extract<BackgroundToUi, { type: 'view' | 'delta' }> | null =>
  plan.kind === 'none' ? null : plan.kind === 'full' ? { type: 'view', seq, view: undefined as never } : { type: 'delta', seq, head: plan.head, lines: plan.lines, length: plan.length };

describe('planUpdate', () => {
  it('leaves the look (and its logo) out of a delta while it is the same object, and keeps it in the UI', () => {
    const look = { brand: 'Bank', accent: '#004b87', accentInk: '#ffffff', logo: `data:image/png;base64,${'A'.repeat(40_000)}`, corner: 'bottom-left' as const, eyebrow: '', language: 'de' as const, dir: 'ltr' as const };
    const first = { ...tab(chatView([line(1)])), look };
    const sent = planUpdate(undefined, first).next;
    const two = [first.chat!.transcript[0]!, line(2)];
    const plan = planUpdate(sent, { ...tab(chatView(two)), look });
    if (plan.kind !== 'delta') throw new Error(plan.kind);
    expect('look' in plan.head).toBe(false);
    expect(JSON.stringify(plan.head).length).toBeLessThan(1_000);
    expect(applyDelta(first, plan).look).toBe(look);
    const changed = { ...look, brand: 'Bank AG' };
    const again = planUpdate(plan.next, { ...tab(chatView(two)), look: changed });
    if (again.kind !== 'delta') throw new Error(again.kind);
    expect(again.head.look).toEqual(changed);
    expect(planUpdate(again.next, { ...tab(chatView(two)), look: changed }).kind).toBe('none');
  });

  it('sends the whole view first, and when the chat shown is another one', () => {
    const view = tab(chatView([line(1)]));
    expect(planUpdate(undefined, view).kind).toBe('full');
    const sent = planUpdate(undefined, view).next;
    expect(planUpdate(sent, tab(chatView([line(1)], { id: 'c2' }))).kind).toBe('full');
    expect(planUpdate(sent, tab(null)).kind).toBe('full');
  });

  it('sends only the new line, whatever the transcript\'s length: a delta\'s size does not grow', () => {
    const sizes: number[] = [];
    let lines: TranscriptEntry[] = [];
    let sent = planUpdate(undefined, tab(chatView(lines))).next;
    for (let i = 1; i <= 1_000; i++) {
      lines = [...lines, line(i)];
      const plan = planUpdate(sent, tab(chatView(lines, { lastIndex: i })));
      if (plan.kind !== 'delta') throw new Error(plan.kind);
      expect(plan.lines).toEqual([[i - 1, lines[i - 1]]]);
      sizes.push(JSON.stringify(plan).length - JSON.stringify(plan.next).length);
      sent = plan.next;
    }
    expect(sizes[999]!).toBeLessThan(2_048);
    expect(sizes[999]! - sizes[9]!).toBeLessThan(16); // the digits of the counters
  });

  it('sends nothing when nothing shown changed, and a changed line in place (a message confirmed)', () => {
    const pending: TranscriptEntry = { key: 'cm1', kind: 'message', from: 'visitor', nickname: 'V', text: 'hi', at: 5, clientMessageId: 'm1', delivery: 'pending' };
    const lines = [line(1), pending];
    const sent = planUpdate(undefined, tab(chatView(lines))).next;
    expect(planUpdate(sent, tab(chatView(lines))).kind).toBe('none');
    const confirmed = { ...pending, index: 2, delivery: 'sent' as const };
    const plan = planUpdate(sent, tab(chatView([lines[0]!, confirmed])));
    expect(plan.kind === 'delta' && plan.lines).toEqual([[1, confirmed]]);
  });

  it('sends the head alone when only it changed (typing, status)', () => {
    const lines = [line(1)];
    const sent = planUpdate(undefined, tab(chatView(lines))).next;
    const plan = planUpdate(sent, tab(chatView(lines, { agentTyping: true })));
    expect(plan.kind === 'delta' && [plan.lines, plan.head.chat?.agentTyping]).toEqual([[], true]);
  });
});

describe('applyDelta and ViewSync', () => {
  const full = (seq: number, view: TabView): BackgroundToUi & { type: 'view' } => ({ type: 'view', seq, view });

  it('applies deltas in order to the same view the background holds, reorders included', () => {
    const a = [line(1), line(3)];
    const b = [line(1), line(2), line(3)]; // a line that arrived late, sorted in by index
    const sync = new ViewSync();
    sync.receive(full(1, tab(chatView(a))));
    const plan = planUpdate(planUpdate(undefined, tab(chatView(a))).next, tab(chatView(b)));
    const got = sync.receive(toMessage(plan, 2)!);
    expect(got.view?.chat?.transcript).toEqual(b);
    expect(applyDelta(tab(chatView(a)), plan as never).chat?.transcript).toEqual(b);
  });

  it('asks for a resync once on a gap, drops deltas until the whole view, then goes on', () => {
    const sync = new ViewSync();
    sync.receive(full(1, tab(chatView([line(1)]))));
    const sent = planUpdate(undefined, tab(chatView([line(1)]))).next;
    const d3 = toMessage(planUpdate(sent, tab(chatView([line(1), line(2)]))), 3)!; // seq 2 went missing
    expect(sync.receive(d3)).toEqual({ resync: true, stored: [] });
    expect(sync.receive({ ...d3, seq: 4 })).toEqual({ resync: false, stored: [] });
    const whole = sync.receive(full(5, tab(chatView([line(1), line(2)]))));
    expect(whole.view?.chat?.transcript).toHaveLength(2);
    const next = toMessage(planUpdate(planUpdate(undefined, tab(chatView([line(1), line(2)]))).next, tab(chatView([line(1), line(2), line(3)]))), 6)!;
    expect(sync.receive(next).view?.chat?.transcript).toHaveLength(3);
  });

  it('refuses a delta before any whole view, or for another chat', () => {
    const sync = new ViewSync();
    const delta = toMessage(planUpdate(planUpdate(undefined, tab(chatView([]))).next, tab(chatView([line(1)]))), 1)!;
    expect(sync.receive(delta).resync).toBe(true);
    const other = new ViewSync();
    other.receive(full(1, tab(chatView([], { id: 'c9' }))));
    expect(other.receive({ ...delta, seq: 2 }).resync).toBe(true);
  });

  it('reports the client message ids the backend has, not those still pending', () => {
    const sync = new ViewSync();
    sync.receive(full(1, tab(chatView([]))));
    const mine: TranscriptEntry = { key: 'cm7', kind: 'message', from: 'visitor', nickname: 'V', text: 'hello', at: 9, clientMessageId: 'm7', delivery: 'pending' };
    const pending = planUpdate(undefined, tab(chatView([]))).next;
    const shown = planUpdate(pending, tab(chatView([mine])));
    expect(sync.receive(toMessage(shown, 2)!).stored).toEqual([]); // maybe not on disk yet: keep re-sending
    const sent = { ...mine, index: 4, delivery: 'sent' as const };
    expect(sync.receive(toMessage(planUpdate(shown.next, tab(chatView([sent]))), 3)!).stored).toEqual(['m7']);
  });
});
