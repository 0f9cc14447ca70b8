import { useEffect, useState } from 'preact/hooks';
import type { CrmEvent } from '../../core/crm/sync-queue';
import type { PageReply } from '../../protocol/messages';
import { crmQueueItem, readCrmQueue } from '../../protocol/storage';
import { useStaffT } from '../i18n/staff';
import {
  canRetry, chatColumn, connectorLabel, CRM_STATE_LABELS, eventLabel, interactionOf, isBackingOff, MAX_CRM_ROWS, newestEventsFirst, stateDetail,
} from './crm-log';
import { formatAt } from './outcomes';
import { askBackground } from './page-requests';

/** The CRM queue as stored, following every change (the background writes it). */
function useCrmQueue(): CrmEvent[] | null {
  const [events, setEvents] = useState<CrmEvent[] | null>(null);
  useEffect(() => {
    let latest = 0;
    // Each read is validated; a slow read must not overwrite a newer one.
    const load = () => {
      const n = ++latest;
      void readCrmQueue().then((q) => n === latest && setEvents(q));
    };
    load();
    const unwatch = crmQueueItem.watch(load);
    return () => {
      latest = -1;
      unwatch();
    };
  }, []);
  return events;
}

/** The current time, rendering again every second while `ticking` (for "next try in N s"). */
function useNow(ticking: boolean): number {
  const [, setTicks] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setTicks((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  // Read at each render: a render for new events must not count from an older tick.
  return Date.now();
}

/**
 * The CRM sync log: every interaction event (start, switch, end, outcome), newest first,
 * with where it is on its way to the CRM. Failed events, and waiting ones that hit an
 * error, can be retried at once or discarded. It follows storage live, as the background sends.
 */
export function CrmSyncLog() {
  const t = useStaffT();
  const events = useCrmQueue();
  const now = useNow(isBackingOff(events ?? [], Date.now()));
  const [retrying, setRetrying] = useState<string | null>(null);
  const [reply, setReply] = useState<PageReply | null>(null);
  const act = (e: CrmEvent, type: 'crm.retry' | 'crm.discard') => {
    setRetrying(e.id);
    setReply(null);
    void askBackground({ type, id: e.id }, undefined, t).then((r) => {
      setReply(r);
      setRetrying(null);
    });
  };
  const retry = (e: CrmEvent) => act(e, 'crm.retry');
  const drop = (e: CrmEvent) => {
    // Giving up loses the event (and, for a start, the rest of its chat): ask first.
    if (confirm(t(e.kind === 'start' ? 'options.crmLog.confirmStart' : 'options.crmLog.confirmEvent'))) act(e, 'crm.discard');
  };

  const queue = events ?? [];
  const rows = newestEventsFirst(queue);
  return (
    <section class="card" id="crm-log" aria-labelledby="crm-log-title">
      <h2 id="crm-log-title">{t('options.section.crmLog')}</h2>
      {events === null ? <p class="empty">{t('options.log.loading')}</p> : null}
      {events !== null && queue.length === 0 ? <p class="empty" data-testid="options-crm-log-empty">{t('options.crmLog.empty')}</p> : null}
      {rows.length > 0 ? (
        <div class="table-wrap">
          <table class="outcomes crm-log" data-testid="options-crm-log">
            <caption class="sr-only">{t('options.crmLog.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options.log.time')}</th><th scope="col">{t('options.crmLog.event')}</th><th scope="col">{t('options.crmLog.chat')}</th>
                <th scope="col">{t('options.crmLog.connector')}</th><th scope="col">{t('options.crmLog.state')}</th>
                <th scope="col">{t('options.crmLog.interaction')}</th><th scope="col"><span class="sr-only">{t('options.crmLog.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e, i) => {
                const detail = stateDetail(queue, e, now, t);
                const event = eventLabel(e.kind, t);
                const chat = chatColumn(queue, e, t);
                const outcome = e.kind === 'outcome';
                return (
                  <tr key={e.id} data-testid={`options-crm-log-${i}`} data-event-id={e.id}>
                    <td class="nowrap">{formatAt(e.createdAt)}</td>
                    <td>{event}</td>
                    <td title={e.chatKey}><code>{chat}</code></td>
                    <td>{connectorLabel(e.connector, t)}</td>
                    <td>
                      <span class={`outcome crm-${e.state}`}>{t(CRM_STATE_LABELS[e.state])}</span>
                      {detail ? <span class="crm-detail">{detail}</span> : null}
                      {e.lastError && e.state !== 'sent' ? <span class="crm-error">{e.lastError}</span> : null}
                    </td>
                    <td>{interactionOf(queue, e) ?? ''}</td>
                    <td>
                      {canRetry(e) ? (
                        <button type="button" class="secondary small" disabled={retrying === e.id} data-testid={`options-crm-log-${i}-retry`}
                          aria-label={t(outcome ? 'options.crmLog.retryOutcome' : 'options.crmLog.retryChat', { event, chat })} onClick={() => retry(e)}>
                          {t(retrying === e.id ? 'options.crmLog.retrying' : 'options.crmLog.retry')}
                        </button>
                      ) : null}
                      {canRetry(e) ? (
                        <button type="button" class="secondary small" disabled={retrying === e.id} data-testid={`options-crm-log-${i}-discard`}
                          aria-label={t(outcome ? 'options.crmLog.discardOutcome' : 'options.crmLog.discardChat', { event, chat })} onClick={() => drop(e)}>
                          {t('options.crmLog.discard')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {queue.length > MAX_CRM_ROWS ? <p class="hint">{t('options.log.showing', { shown: MAX_CRM_ROWS, total: queue.length })}</p> : null}
      <p role="status" class={reply ? (reply.ok ? 'ok' : 'error') : 'hint'} data-testid="options-crm-log-message">{reply?.message ?? ''}</p>
    </section>
  );
}
