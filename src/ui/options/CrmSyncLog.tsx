import { useEffect, useState } from 'preact/hooks';
import type { CrmEvent } from '../../core/crm/sync-queue';
import type { PageReply } from '../../protocol/messages';
import { crmQueueItem, readCrmQueue } from '../../protocol/storage';
import {
  canRetry, chatColumn, connectorLabel, CRM_EVENT_LABELS, CRM_STATE_LABELS, interactionOf, isBackingOff, MAX_CRM_ROWS, newestEventsFirst, stateDetail,
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
  const events = useCrmQueue();
  const now = useNow(isBackingOff(events ?? [], Date.now()));
  const [retrying, setRetrying] = useState<string | null>(null);
  const [reply, setReply] = useState<PageReply | null>(null);
  const act = (e: CrmEvent, type: 'crm.retry' | 'crm.discard') => {
    setRetrying(e.id);
    setReply(null);
    void askBackground({ type, id: e.id }).then((r) => {
      setReply(r);
      setRetrying(null);
    });
  };
  const retry = (e: CrmEvent) => act(e, 'crm.retry');
  const drop = (e: CrmEvent) => {
    // Giving up loses the event (and, for a start, the rest of its chat): ask first.
    const what = e.kind === 'start' ? 'this start and the rest of its chat’s undelivered events' : 'this event';
    if (confirm(`Discard ${what}? The CRM will never get ${e.kind === 'start' ? 'them' : 'it'}.`)) act(e, 'crm.discard');
  };

  const queue = events ?? [];
  const rows = newestEventsFirst(queue);
  return (
    <section class="card" id="crm-log" aria-labelledby="crm-log-title">
      <h2 id="crm-log-title">CRM sync log</h2>
      {events === null ? <p class="empty">Loading…</p> : null}
      {events !== null && queue.length === 0 ? (
        <p class="empty" data-testid="options-crm-log-empty">Nothing synced yet. Events appear here when a chat starts, moves or ends while a CRM connector is on.</p>
      ) : null}
      {rows.length > 0 ? (
        <div class="table-wrap">
          <table class="outcomes crm-log" data-testid="options-crm-log">
            <caption class="sr-only">CRM events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th><th scope="col">Event</th><th scope="col">Chat</th><th scope="col">Connector</th>
                <th scope="col">State</th><th scope="col">Interaction</th><th scope="col"><span class="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e, i) => {
                const detail = stateDetail(queue, e, now);
                return (
                  <tr key={e.id} data-testid={`options-crm-log-${i}`} data-event-id={e.id}>
                    <td class="nowrap">{formatAt(e.createdAt)}</td>
                    <td>{CRM_EVENT_LABELS[e.kind] ?? e.kind}</td>
                    <td title={e.chatKey}><code>{chatColumn(queue, e)}</code></td>
                    <td>{connectorLabel(e.connector)}</td>
                    <td>
                      <span class={`outcome crm-${e.state}`}>{CRM_STATE_LABELS[e.state]}</span>
                      {detail ? <span class="crm-detail">{detail}</span> : null}
                      {e.lastError && e.state !== 'sent' ? <span class="crm-error">{e.lastError}</span> : null}
                    </td>
                    <td>{interactionOf(queue, e) ?? ''}</td>
                    <td>
                      {canRetry(e) ? (
                        <button type="button" class="secondary small" disabled={retrying === e.id} data-testid={`options-crm-log-${i}-retry`}
                          aria-label={`Retry ${CRM_EVENT_LABELS[e.kind] ?? e.kind} of ${e.kind === 'outcome' ? '' : 'chat '}${chatColumn(queue, e)}`} onClick={() => retry(e)}>
                          {retrying === e.id ? 'Retrying…' : 'Retry'}
                        </button>
                      ) : null}
                      {canRetry(e) ? (
                        <button type="button" class="secondary small" disabled={retrying === e.id} data-testid={`options-crm-log-${i}-discard`}
                          aria-label={`Discard ${CRM_EVENT_LABELS[e.kind] ?? e.kind} of ${e.kind === 'outcome' ? '' : 'chat '}${chatColumn(queue, e)}`} onClick={() => drop(e)}>
                          Discard
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
      {queue.length > MAX_CRM_ROWS ? <p class="hint">Showing the newest {MAX_CRM_ROWS} of {queue.length}.</p> : null}
      <p role="status" class={reply ? (reply.ok ? 'ok' : 'error') : 'hint'} data-testid="options-crm-log-message">{reply?.message ?? ''}</p>
    </section>
  );
}
