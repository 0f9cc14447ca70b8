/** Presenting the CRM sync queue (`crmQueueItem`, oldest first) as a log, newest first. */
import { interactionIdOf, type CrmEvent, type CrmEventKind } from '../../core/crm/sync-queue';
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import { CRM_CONNECTOR_LABELS, labelOf } from './labels';
import { newestFirstBy } from './outcomes';

/** At most this many rows are rendered; the background prunes delivered events itself. */
export const MAX_CRM_ROWS = 200;

/** What happened, as the log names it (an event stored by another version: its kind as it is). */
export const eventLabel = (kind: CrmEventKind, t: Translate<StaffKey> = staffEnglish): string => {
  const key = `options.crmLog.event.${kind}`;
  return t.has(key) ? t(key) : kind;
};

/** Where an event is, as the log names it. */
export const CRM_STATE_LABELS: Record<CrmEvent['state'], StaffKey> = {
  pending: 'options.crmLog.state.pending', sent: 'options.crmLog.state.sent', failed: 'options.crmLog.state.failed', discarded: 'options.crmLog.state.discarded',
};

/** The newest `limit` events, newest first; ties keep the queue's order reversed (later queued first). */
export function newestEventsFirst(events: readonly CrmEvent[], limit = MAX_CRM_ROWS): CrmEvent[] {
  return newestFirstBy(events, (e) => e.createdAt, limit);
}

/** The first 8 characters of a chat key: enough to tell chats apart in a log. */
export const shortId = (key: string): string => (key.length > 8 ? key.slice(0, 8) : key);

/**
 * What the Chat column shows: the contact center's chat id (as the agent console shows it)
 * from the chat's start, else the local key; for an outcome, what happened to which rule.
 */
export function chatColumn(queue: readonly CrmEvent[], e: CrmEvent, t: Translate<StaffKey> = staffEnglish): string {
  if (e.kind === 'outcome') {
    const p = e.payload as { outcome?: unknown; ruleName?: unknown };
    return t('options.crmLog.outcomeOf', { outcome: String(p.outcome ?? t('options.crmLog.someOutcome')), rule: String(p.ruleName ?? '') });
  }
  const start = queue.find((o) => o.kind === 'start' && o.chatKey === e.chatKey);
  const chatId = (start?.payload as { params?: { ChatId?: unknown } } | undefined)?.params?.ChatId;
  return typeof chatId === 'string' && chatId ? chatId : shortId(e.chatKey);
}

/** The connector's name (an event keeps the connector it was queued for, even one since removed). */
export const connectorLabel = (connector: string, t: Translate<StaffKey> = staffEnglish): string => labelOf(t, CRM_CONNECTOR_LABELS, connector);

/** Retry helps an event held as failed, and one waiting out a backoff after an error. */
export const canRetry = (e: CrmEvent): boolean => e.state === 'failed' || (e.state === 'pending' && e.lastError !== undefined);

/** The CRM's interaction id for the event's chat, once its start was delivered. */
export const interactionOf = (queue: readonly CrmEvent[], e: CrmEvent): string | undefined =>
  e.interactionId ?? (e.kind === 'outcome' ? undefined : interactionIdOf(queue, e.chatKey));

/**
 * What the state column says beyond the state itself: how many attempts failed, when the
 * next one is, or what the event is waiting for. Empty when there is nothing to add.
 */
export function stateDetail(queue: readonly CrmEvent[], e: CrmEvent, now: number, t: Translate<StaffKey> = staffEnglish): string {
  if (e.state === 'sent' || e.state === 'discarded') return '';
  if (e.state === 'failed') return t('options.crmLog.heldFailed', { n: e.attempts });
  if (e.lastError !== undefined) {
    const wait = Math.ceil((e.notBefore - now) / 1000);
    return wait > 0 ? t('options.crmLog.nextTry', { n: e.attempts, seconds: wait }) : t('options.crmLog.tryingNow', { n: e.attempts });
  }
  // A chat's events go out in order: a later one waits for the earlier ones.
  const earlier = queue.some((o) => o !== e && o.chatKey === e.chatKey && o.state !== 'sent' && o.state !== 'discarded' && queue.indexOf(o) < queue.indexOf(e));
  return earlier ? t('options.crmLog.afterEarlier') : '';
}

/** True while some event waits out a backoff: the log then counts down every second. */
export const isBackingOff = (events: readonly CrmEvent[], now: number): boolean =>
  events.some((e) => e.state === 'pending' && e.lastError !== undefined && e.notBefore > now);
