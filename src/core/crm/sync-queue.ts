/**
 * The CRM sync queue, pure: events of the pega.CS interaction lifecycle waiting to reach a
 * CRM. Per chat they go out strictly in order (a switch or an end needs the interaction id
 * the start returned); different chats do not wait for each other. Each event carries its
 * own idempotency key, so a retry after a lost reply never creates anything twice.
 */

/** What happened, in the CRM's terms. */
export type CrmEventKind = 'start' | 'switch' | 'end' | 'outcome';

/** Where an event is on its way to the CRM; `discarded`: the user gave up on it (kept as a tombstone). */
export type CrmEventState = 'pending' | 'sent' | 'failed' | 'discarded';

/** Done with: delivered, or given up on. Neither goes out again nor holds anything back. */
export const isSettled = (e: CrmEvent): boolean => e.state === 'sent' || e.state === 'discarded';

/** One event to deliver. */
export interface CrmEvent {
  /** Also the idempotency key sent to the CRM. */
  id: string;
  /** The chat (local session id) it belongs to; outcome events use their own key. */
  chatKey: string;
  kind: CrmEventKind;
  /**
   * The connector it goes to, fixed when it is queued: a chat's switch and end follow its
   * start to the same CRM even if the settings change meanwhile.
   */
  connector: string;
  payload: Record<string, unknown>;
  state: CrmEventState;
  attempts: number;
  createdAt: number;
  /** Not before this time (backoff). */
  notBefore: number;
  lastError?: string;
  /** The CRM's interaction id, once a start was delivered. */
  interactionId?: string;
}

/** Retry delays: 2 s doubling to at most 5 min, with jitter. */
export function crmBackoff(attempts: number, random: () => number): number {
  const ceiling = Math.min(300_000, 2_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Appends an event (idempotent on its id). */
export function enqueue(queue: readonly CrmEvent[], e: Omit<CrmEvent, 'state' | 'attempts' | 'notBefore'>): CrmEvent[] {
  if (queue.some((q) => q.id === e.id)) return [...queue];
  return [...queue, { ...e, state: 'pending', attempts: 0, notBefore: e.createdAt }];
}

/** The interaction id a chat's start got, if delivered. */
export function interactionIdOf(queue: readonly CrmEvent[], chatKey: string): string | undefined {
  return queue.find((e) => e.chatKey === chatKey && e.kind === 'start' && e.state === 'sent')?.interactionId;
}

/**
 * The events that may go out now: the oldest undelivered event of each chat, when it is
 * due and not failed for good (a failed event holds its chat until it is retried), and not
 * behind another chat's start or switch (see `ready`).
 */
export function dueEvents(queue: readonly CrmEvent[], now: number): CrmEvent[] {
  return ready(queue).filter((e) => e.notBefore <= now);
}

/** When the next event that may go out becomes due (undefined when nothing can). */
export function nextWake(queue: readonly CrmEvent[]): number | undefined {
  const times = ready(queue).map((e) => e.notBefore);
  return times.length ? Math.min(...times) : undefined;
}

/** Starts and switches move a CRM's "current interaction", which is one per CRM. */
const movesFocus = (e: CrmEvent) => e.kind === 'start' || e.kind === 'switch';

/**
 * Pending heads that may go out once due. Starts and switches of one connector go out in
 * the order they were queued, across chats, so the CRM ends on the interaction the user
 * turned to last; only a head that can itself go out holds the others back.
 */
function ready(queue: readonly CrmEvent[]): CrmEvent[] {
  const pending = heads(queue).filter((e) => e.state === 'pending');
  return pending.filter((e) => !movesFocus(e) || !pending.some((h) => h !== e && movesFocus(h) && h.connector === e.connector && queue.indexOf(h) < queue.indexOf(e)));
}

/** The oldest undelivered event of each chat. */
function heads(queue: readonly CrmEvent[]): CrmEvent[] {
  const first = new Map<string, CrmEvent>();
  for (const e of queue) if (!isSettled(e) && !first.has(e.chatKey)) first.set(e.chatKey, e);
  return [...first.values()];
}

/** The queue after `id` was delivered (with the interaction id a start returned). */
export function markDelivered(queue: readonly CrmEvent[], id: string, interactionId?: string): CrmEvent[] {
  return queue.map((e) => (e.id === id ? { ...e, state: 'sent', ...(interactionId ? { interactionId } : {}), lastError: undefined, payload: kept(e) } : e));
}

/** What a delivered event keeps: a transcript has reached the CRM, the log needs only its length. */
function kept(e: CrmEvent): Record<string, unknown> {
  const transcript = e.payload.transcript;
  if (!Array.isArray(transcript)) return e.payload;
  const { transcript: _sent, ...rest } = e.payload;
  return { ...rest, transcriptLines: transcript.length };
}

/** The queue after a delivery attempt failed: retried later, or held as failed when retrying cannot help. */
export function markAttemptFailed(
  queue: readonly CrmEvent[], id: string, error: string, retryable: boolean, now: number, random: () => number,
): CrmEvent[] {
  return queue.map((e) => {
    if (e.id !== id) return e;
    const attempts = e.attempts + 1;
    return retryable
      ? { ...e, attempts, lastError: error, notBefore: now + crmBackoff(attempts, random) }
      : { ...e, attempts, lastError: error, state: 'failed' };
  });
}

/** Keeps an event waiting without trying it (e.g. while CRM sync is off), saying why. */
export function holdEvent(queue: readonly CrmEvent[], id: string, reason: string, until: number): CrmEvent[] {
  return queue.map((e) => (e.id === id && e.state === 'pending' ? { ...e, lastError: reason, notBefore: until } : e));
}

/** Puts a failed (or waiting) event back to be sent now: the sync log's Retry button. */
export function retryNow(queue: readonly CrmEvent[], id: string, now: number): CrmEvent[] {
  return queue.map((e) => (e.id === id && !isSettled(e) ? { ...e, state: 'pending', notBefore: now } : e));
}

/**
 * The queue with an undelivered event given up on (the sync log's Discard). A discarded start
 * takes its chat's other undelivered events with it (they cannot go without it), and stays as
 * a tombstone so the chat is not started again.
 */
export function discard(queue: readonly CrmEvent[], id: string): CrmEvent[] {
  const event = queue.find((e) => e.id === id && !isSettled(e));
  if (!event) return [...queue];
  const goes = (e: CrmEvent) => e.id === id || (event.kind === 'start' && e.chatKey === event.chatKey && !isSettled(e));
  return queue.map((e) => (goes(e) ? { ...e, state: 'discarded' } : e));
}

/** Drops settled events older than `keepMs`, keeping every start a later event may still need. */
export function prune(queue: readonly CrmEvent[], now: number, keepMs: number): CrmEvent[] {
  const open = new Set(queue.filter((e) => !isSettled(e)).map((e) => e.chatKey));
  return queue.filter((e) => !isSettled(e) || now - e.createdAt < keepMs || (e.kind === 'start' && open.has(e.chatKey)));
}
