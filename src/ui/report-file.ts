/**
 * Saving a demo report (issue 14) from an extension page: the self-contained HTML, or the same
 * data as JSON, named after the chat's queue and start time.
 */
import { fileStamp } from '../core/iso-time';
import { reportHtml } from '../core/report/report-html';
import type { ReportData } from '../core/report/report-data';
import { saveFile } from './save-file';

/** Saves the report as `format`. */
export function saveReport(report: ReportData, format: 'html' | 'json'): void {
  const stamp = fileStamp(report.chat.startedAt) ?? 'chat';
  const base = `beckon-report-${report.chat.queue.replace(/[^\w-]+/g, '_').slice(0, 40)}-${stamp}`;
  if (format === 'json') saveFile(`${base}.json`, new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' }));
  else saveFile(`${base}.html`, new Blob([reportHtml(report)], { type: 'text/html;charset=utf-8' }));
}
