/**
 * Export the agent's side of a chat: one self-contained HTML report (timeline, chart,
 * transcript) or the same data as JSON, fetched with the agent's credentials and saved as a
 * file. The report is never opened in the console itself.
 */
import { useState } from 'preact/hooks';
import type { Credentials } from '../api.ts';
import { fetchReport } from '../demo-api.ts';
import { saveBlob } from '../downloads.ts';

/** Props of ReportButtons. */
export interface ReportButtonsProps {
  chatId: string;
  creds: Credentials;
}

/** The two export buttons, with the server's sentence if an export fails. */
export function ReportButtons({ chatId, creds }: ReportButtonsProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (format: 'html' | 'json') => {
    setBusy(true);
    setError(null);
    try {
      saveBlob(await fetchReport(creds, chatId, format), `chat-report-${chatId.slice(0, 8)}.${format}`);
    } catch (err) {
      setError((err as Error).message);
    }
    setBusy(false);
  };
  return (
    <div class="report-buttons" role="group" aria-label="Export this chat">
      <button type="button" data-testid="report-html" disabled={busy} onClick={() => void save('html')}>Report</button>
      <button type="button" data-testid="report-json" disabled={busy} onClick={() => void save('json')}>JSON</button>
      {error && <span class="error small" role="alert">{error}</span>}
    </div>
  );
}
