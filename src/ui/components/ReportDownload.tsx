import { useState } from 'preact/hooks';
import type { ReportData } from '../../core/report/report-data';
import type { StaffKey } from '../../core/i18n/staff';
import { useStaffT } from '../i18n/staff';
import type { ReportFailure } from '../client';
import { saveReport } from '../report-file';

/** Props of {@link ReportDownload}. */
export interface ReportDownloadProps {
  chatId: string;
  /** Asks the background for the report's data. */
  fetchReport: (chatId: string) => Promise<{ report: ReportData } | ReportFailure>;
}

/** The client's own failures (visitor phrases, which a staff part words in the staff catalog). */
const CLIENT_FAILURES: Record<string, StaffKey> = { 'error.interrupted': 'report.interrupted', 'error.noAnswer': 'report.noAnswer', 'error.notConnected': 'report.notConnected' };

/**
 * "Demo report: HTML · JSON" (popup and options): what happened in this chat, from the first
 * page view to the end, as a file to send the prospect afterwards.
 */
export function ReportDownload({ chatId, fetchReport }: ReportDownloadProps) {
  const t = useStaffT();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const get = async (format: 'html' | 'json') => {
    setState({ busy: true });
    const answer = await fetchReport(chatId);
    if ('error' in answer) {
      const own = answer.phrase && CLIENT_FAILURES[answer.phrase.key];
      return setState({ busy: false, error: own ? t(own) : answer.error });
    }
    setState({ busy: false });
    saveReport(answer.report, format);
  };
  return (
    <p class="bk-download" data-testid="beckon-report">
      {t('report.label')}{' '}
      <button type="button" class="bk-btn bk-link" disabled={state.busy} data-testid="beckon-report-html" onClick={() => void get('html')}>{t('report.html')}</button>
      <button type="button" class="bk-btn bk-link" disabled={state.busy} data-testid="beckon-report-json" onClick={() => void get('json')}>{t('report.json')}</button>
      {/* Why there is no report, as the background (or the client) says it. */}
      {state.error ? <span class="bk-file-error" role="alert">{state.error}</span> : null}
    </p>
  );
}
