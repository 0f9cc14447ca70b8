import { describe, expect, it } from 'vitest';
import {
  crmBackoff, discard, dueEvents, enqueue, interactionIdOf, markAttemptFailed, markDelivered, nextWake, prune, retryNow, type CrmEvent,
} from '../../src/core/crm/sync-queue';

const ev = (id: string, chatKey: string, kind: CrmEvent['kind'], createdAt = 0) => ({ id, chatKey, kind, connector: 'sandbox', payload: {}, createdAt });

describe('CRM sync queue', () => {
  it('delivers per chat in order; ends and outcomes of other chats do not wait', () => {
    let q = enqueue([], ev('s1', 'A', 'start'));
    q = enqueue(q, ev('w1', 'A', 'switch'));
    q = enqueue(q, ev('e2', 'B', 'end'));
    q = enqueue(q, ev('o1', 'O', 'outcome'));
    expect(dueEvents(q, 0).map((e) => e.id)).toEqual(['s1', 'e2', 'o1']);
    q = markDelivered(q, 's1', 'I-1');
    expect(dueEvents(q, 0).map((e) => e.id)).toEqual(['w1', 'e2', 'o1']);
    expect(interactionIdOf(q, 'A')).toBe('I-1');
    expect(interactionIdOf(q, 'B')).toBeUndefined();
  });

  it('sends starts and switches of one connector in the order queued, across chats', () => {
    // Start A, start B, then the user turns back to A: the CRM must end on A.
    let q = enqueue([], ev('sA', 'A', 'start'));
    q = enqueue(q, ev('sB', 'B', 'start'));
    q = enqueue(q, ev('wA', 'A', 'switch'));
    q = enqueue(q, { ...ev('sC', 'C', 'start'), connector: 'webhook' }); // another CRM: its own lane
    expect(dueEvents(q, 0).map((e) => e.id)).toEqual(['sA', 'sC']);
    q = markDelivered(q, 'sA', 'I-1');
    expect(dueEvents(q, 0).map((e) => e.id)).toEqual(['sB', 'sC']); // wA waits for sB
    q = markDelivered(q, 'sB', 'I-2');
    expect(dueEvents(q, 0).map((e) => e.id)).toEqual(['wA', 'sC']);
    // A start held as failed does not hold other chats back (only its own).
    let held = markAttemptFailed(enqueue([], ev('sX', 'X', 'start')), 'sX', 'refused', false, 0, Math.random);
    held = enqueue(held, ev('sY', 'Y', 'start'));
    expect(dueEvents(held, 0).map((e) => e.id)).toEqual(['sY']);
    // A backed-off start holds the lane until it is due: nextWake follows it.
    const waiting = enqueue(markAttemptFailed(enqueue([], ev('sX', 'X', 'start')), 'sX', 'down', true, 0, () => 1), ev('sY', 'Y', 'start'));
    expect(dueEvents(waiting, 0)).toEqual([]);
    expect(nextWake(waiting)).toBe(2_000);
  });

  it('is idempotent on event ids', () => {
    const q = enqueue(enqueue([], ev('s1', 'A', 'start')), ev('s1', 'A', 'start'));
    expect(q).toHaveLength(1);
  });

  it('backs off a failed attempt and holds the chat behind it', () => {
    let q = enqueue(enqueue([], ev('s1', 'A', 'start')), ev('e1', 'A', 'end'));
    q = markAttemptFailed(q, 's1', 'CRM down', true, 1_000, () => 1);
    expect(q[0]).toMatchObject({ state: 'pending', attempts: 1, notBefore: 3_000, lastError: 'CRM down' });
    expect(dueEvents(q, 2_999)).toEqual([]);
    expect(dueEvents(q, 3_000).map((e) => e.id)).toEqual(['s1']);
    expect(nextWake(q)).toBe(3_000); // e1 waits behind s1, so only s1's time counts
  });

  it('a non-retryable failure stops the chat until the Retry button', () => {
    let q = enqueue(enqueue([], ev('s1', 'A', 'start')), ev('e1', 'A', 'end'));
    q = markAttemptFailed(q, 's1', 'Bad request', false, 0, Math.random);
    expect(q[0]!.state).toBe('failed');
    expect(dueEvents(q, 1e12)).toEqual([]);
    q = retryNow(q, 's1', 5);
    expect(dueEvents(q, 5).map((e) => e.id)).toEqual(['s1']);
  });

  it('backoff grows and is capped', () => {
    expect(crmBackoff(1, () => 1)).toBe(2_000);
    expect(crmBackoff(4, () => 1)).toBe(16_000);
    expect(crmBackoff(30, () => 1)).toBe(300_000);
  });

  it('prunes old delivered events but keeps a start a pending event still needs', () => {
    let q = enqueue(enqueue([], ev('s1', 'A', 'start', 0)), ev('e1', 'A', 'end', 0));
    q = enqueue(q, ev('s2', 'B', 'start', 0));
    q = markDelivered(markDelivered(q, 's1', 'I-1'), 's2', 'I-2');
    expect(prune(q, 1e9, 1000).map((e) => e.id)).toEqual(['s1', 'e1']);
  });

  it('discards an undelivered event; a discarded start takes its chat along, delivered events stay', () => {
    let q = enqueue([], ev('s1', 'A', 'start'));
    q = enqueue(q, ev('w1', 'A', 'switch'));
    q = enqueue(q, ev('e1', 'A', 'end'));
    q = enqueue(q, ev('s2', 'B', 'start'));
    const states = (x: CrmEvent[]) => x.map((e) => `${e.id}:${e.state}`);
    expect(states(discard(q, 'w1'))).toEqual(['s1:pending', 'w1:discarded', 'e1:pending', 's2:pending']);
    const dropped = discard(q, 's1');
    expect(states(dropped)).toEqual(['s1:discarded', 'w1:discarded', 'e1:discarded', 's2:pending']);
    expect(dueEvents(dropped, 0).map((e) => e.id)).toEqual(['s2']); // a tombstone holds nothing back
    expect(retryNow(dropped, 's1', 5)).toEqual(dropped); // and is not brought back
    const sent = markDelivered(q, 's2', 'I-2');
    expect(discard(sent, 's2')).toEqual(sent);
  });

  it('keeps only the length of a transcript once it was delivered', () => {
    const q = enqueue([], { ...ev('e1', 'A', 'end'), payload: { transcript: [{ text: 'a' }, { text: 'b' }] } });
    expect(markDelivered(q, 'e1')[0]!.payload).toEqual({ transcriptLines: 2 });
  });
});
