import { useEffect, useState } from 'preact/hooks';
import { outcomesItem, type OutcomeRecord } from '../../protocol/storage';
import type { ReportReply } from '../../protocol/messages';
import { ReportDownload } from '../components/ReportDownload';
import { askBackground } from './page-requests';

/** The demo report of an accepted offer's chat, from the background. */
const reportOf = async (chatId: string) => {
  const reply = (await askBackground({ type: 'report.get', chatId })) as ReportReply;
  return reply.ok ? { report: reply.report } : { error: reply.message };
};
import { formatAt, MAX_OUTCOME_ROWS, newestFirst, OUTCOME_LABELS } from './outcomes';

/**
 * The outcome log: every offer made, accepted, declined, timed out or suppressed (with the
 * reason), newest first. It follows storage live, so it fills while a demo runs in another tab.
 */
export function OutcomeLog() {
  const [records, setRecords] = useState<OutcomeRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    void outcomesItem.getValue().then((r) => live && setRecords(r));
    const unwatch = outcomesItem.watch((r) => setRecords(r ?? []));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const rows = newestFirst(records ?? []);
  const total = records?.length ?? 0;
  return (
    <section class="card" id="outcomes" aria-labelledby="outcomes-title">
      <div class="section-head">
        <h2 id="outcomes-title">Outcome log</h2>
        <button type="button" class="secondary" disabled={total === 0} data-testid="options-outcomes-clear"
          onClick={() => void outcomesItem.setValue([]).then(() => setRecords([]))}>
          Clear
        </button>
      </div>
      {records === null ? <p class="empty">Loading…</p> : null}
      {records !== null && total === 0 ? <p class="empty" data-testid="options-outcomes-empty">No offers yet. Outcomes appear here as rules fire.</p> : null}
      {rows.length > 0 ? (
        <div class="table-wrap">
          <table class="outcomes" data-testid="options-outcomes">
            <caption class="sr-only">Offer outcomes, newest first</caption>
            <thead>
              <tr><th scope="col">Time</th><th scope="col">Outcome</th><th scope="col">Rule</th><th scope="col">Page</th><th scope="col">Reason</th></tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.at}-${i}`}>
                  <td class="nowrap">{formatAt(r.at)}</td>
                  <td><span class={`outcome ${r.outcome}`}>{OUTCOME_LABELS[r.outcome] ?? r.outcome}</span></td>
                  <td>{r.ruleName}{r.presenter ? <span class="tag" data-testid="options-outcome-presenter"> presenter-fired</span> : null}</td>
                  <td class="url" title={r.url}>{r.url}</td>
                  <td>{r.reason ?? ''}{r.chatId ? <ReportDownload chatId={r.chatId} fetchReport={reportOf} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {total > MAX_OUTCOME_ROWS ? <p class="hint">Showing the newest {MAX_OUTCOME_ROWS} of {total}.</p> : null}
    </section>
  );
}
