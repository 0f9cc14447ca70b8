import { useEffect, useState } from 'preact/hooks';
import type { StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import type { ReportReply } from '../../protocol/messages';
import { outcomesItem, type OutcomeRecord } from '../../protocol/storage';
import { ReportDownload } from '../components/ReportDownload';
import { useStaffT } from '../i18n/staff';
import { formatAt, MAX_OUTCOME_ROWS, newestFirst, outcomeLabel } from './outcomes';
import { askBackground } from './page-requests';

/** The demo report of an accepted offer's chat, from the background. */
const reportOf = (t: Translate<StaffKey>) => async (chatId: string) => {
  const reply = (await askBackground({ type: 'report.get', chatId }, undefined, t)) as ReportReply;
  return reply.ok ? { report: reply.report } : { error: reply.message };
};

/**
 * The outcome log: every offer made, accepted, declined, timed out or suppressed (with the
 * reason), newest first. It follows storage live, so it fills while a demo runs in another tab.
 */
export function OutcomeLog() {
  const t = useStaffT();
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
        <h2 id="outcomes-title">{t('options.section.outcomes')}</h2>
        <button type="button" class="secondary" disabled={total === 0} data-testid="options-outcomes-clear"
          onClick={() => void outcomesItem.setValue([]).then(() => setRecords([]))}>
          {t('options.outcomes.clear')}
        </button>
      </div>
      {records === null ? <p class="empty">{t('options.log.loading')}</p> : null}
      {records !== null && total === 0 ? <p class="empty" data-testid="options-outcomes-empty">{t('options.outcomes.empty')}</p> : null}
      {rows.length > 0 ? (
        <div class="table-wrap">
          <table class="outcomes" data-testid="options-outcomes">
            <caption class="sr-only">{t('options.outcomes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options.log.time')}</th><th scope="col">{t('options.outcomes.outcome')}</th><th scope="col">{t('options.outcomes.rule')}</th>
                <th scope="col">{t('options.outcomes.page')}</th><th scope="col">{t('options.outcomes.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.at}-${i}`}>
                  <td class="nowrap">{formatAt(r.at)}</td>
                  <td><span class={`outcome ${r.outcome}`}>{outcomeLabel(r.outcome, t)}</span></td>
                  <td>{r.ruleName}{r.presenter ? <span class="tag" data-testid="options-outcome-presenter"> {t('options.outcomes.presenterFired')}</span> : null}</td>
                  <td class="url" title={r.url}>{r.url}</td>
                  <td>{r.reason ?? ''}{r.chatId ? <ReportDownload chatId={r.chatId} fetchReport={reportOf(t)} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {total > MAX_OUTCOME_ROWS ? <p class="hint">{t('options.log.showing', { shown: MAX_OUTCOME_ROWS, total })}</p> : null}
    </section>
  );
}
