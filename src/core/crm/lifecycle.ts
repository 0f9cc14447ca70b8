/**
 * Which CRM events a chat calls for, derived from its state (pure). A chat gets its start
 * once the contact center has given it a chat id, and its end once it is over; both are
 * keyed by the chat, so deriving them again (after a worker restart, or on every change)
 * never queues anything twice.
 */
import type { ChatSession } from '../chat-session';
import type { CrmSettings } from './settings';
import { enqueue, type CrmEvent } from './sync-queue';

/** Idempotency keys of a chat's lifecycle events. */
export const startKey = (chatKey: string) => `start:${chatKey}`;
export const endKey = (chatKey: string) => `end:${chatKey}`;

const has = (queue: readonly CrmEvent[], id: string) => queue.some((e) => e.id === id);

/** The chat's start event, if one was queued (its connector is the chat's CRM). */
export function startOf(queue: readonly CrmEvent[], chatKey: string): CrmEvent | undefined {
  return queue.find((e) => e.id === startKey(chatKey));
}

/** The `pega.CS.startInteraction` params of a chat: the persona, the chat and its page context. */
export function startParams(s: ChatSession, crm: CrmSettings): Record<string, string> {
  // The page as rules saw it; chats saved before it was kept fall back to the default template's keys.
  const data = s.request.userData;
  const context: Record<string, string | undefined> = {
    ChatId: s.chatId ?? s.id,
    Queue: s.queue,
    PageName: s.page?.pageName ?? data['Page Name'],
    TimeOnPage: s.page?.timeOnPage ?? data['Time spent on page'],
    URL: s.page?.url ?? data.URL,
  };
  return {
    ContactId: crm.persona.contactId,
    AccountNumber: crm.persona.accountNumber,
    ...(crm.persona.name ? { CustomerName: crm.persona.name } : {}),
    ...Object.fromEntries(Object.entries(context).filter((kv): kv is [string, string] => kv[1] !== undefined && kv[1] !== '')),
    // Pega creates an interaction for an API call only when this is set (seed 000).
    IsExternalAPICall: 'true',
  };
}

/** The transcript attached to endInteraction: what was said and shown, not what never left. */
export function crmTranscript(s: ChatSession): { at: number; from: string; nickname: string; text: string }[] {
  return s.transcript
    .filter((e) => e.delivery !== 'pending' && e.delivery !== 'failed')
    .map((e) => ({ at: e.at, from: e.from, nickname: e.nickname, text: e.text }));
}

/**
 * True when the chat's state calls for an event the queue lacks: a start when it is live with
 * a chat id and none was queued, an end when it is over and was started. Cheap and without
 * settings, so the background can skip most chat changes (a new message, typing) at once.
 */
export function lifecycleDue(queue: readonly CrmEvent[], s: ChatSession): boolean {
  const start = startOf(queue, s.id);
  // A chat that is already over when sync turns on (or ended before it had a chat id) is left alone.
  if (!start) return s.chatId !== null && s.status !== 'ended';
  return start.state !== 'discarded' && s.status === 'ended' && !has(queue, endKey(s.id));
}

/** The queue with whatever this chat's state calls for (see `lifecycleDue`); a start only while a connector is on. */
export function withLifecycle(queue: readonly CrmEvent[], s: ChatSession, crm: CrmSettings, now: number): CrmEvent[] {
  if (!lifecycleDue(queue, s)) return [...queue];
  const start = startOf(queue, s.id);
  if (start) {
    return enqueue(queue, { id: endKey(s.id), chatKey: s.id, kind: 'end', connector: start.connector, createdAt: now, payload: { transcript: crmTranscript(s) } });
  }
  if (crm.connector === 'none') return [...queue];
  return enqueue(queue, {
    id: startKey(s.id), chatKey: s.id, kind: 'start', connector: crm.connector, createdAt: now,
    payload: { interactionClass: crm.interactionClass, flowName: crm.flowName, params: startParams(s, crm) },
  });
}

/**
 * Where the user's focus goes when it lands on `next` (a chat shown in the activated tab,
 * or picked in the popup): a switch is due when focus moves to another chat that has an
 * interaction and is not over. `undefined` (a tab without a chat) leaves focus where it was.
 */
export function focusMove(
  queue: readonly CrmEvent[], current: string | null, next: string | undefined,
): { focus: string | null; switchTo?: string } {
  if (!next || next === current) return { focus: current };
  const start = startOf(queue, next);
  const open = start !== undefined && start.state !== 'discarded' && !has(queue, endKey(next));
  return open ? { focus: next, switchTo: next } : { focus: next };
}

/** A switch event for a chat (each switch is its own event, with its own key). */
export function switchEvent(queue: readonly CrmEvent[], chatKey: string, id: string, now: number): CrmEvent[] {
  const start = startOf(queue, chatKey);
  if (!start || start.state === 'discarded') return [...queue];
  return enqueue(queue, { id: `switch:${chatKey}:${id}`, chatKey, kind: 'switch', connector: start.connector, createdAt: now, payload: {} });
}

/** Offer outcomes sent to a CRM: what the visitor did with an offer (suppressions stay local: there are many). */
const SENT_OUTCOMES = ['offered', 'accepted', 'declined', 'timed-out'];

/** The outcome's event, keyed by the record itself so a replay after a worker stop queues nothing twice. */
export function withOutcome(
  queue: readonly CrmEvent[], record: { at: number; ruleId: string; outcome: string; url: string }, crm: CrmSettings, recordsOutcomes: boolean,
): CrmEvent[] {
  if (crm.connector === 'none' || !crm.recordOutcomes || !recordsOutcomes || !SENT_OUTCOMES.includes(record.outcome)) return [...queue];
  const id = `outcome:${record.at}:${record.ruleId}:${record.outcome}:${record.url}`.slice(0, 200);
  return enqueue(queue, { id, chatKey: id, kind: 'outcome', connector: crm.connector, createdAt: record.at, payload: { ...record } });
}
