import { useState } from 'preact/hooks';
import { fromBase64 } from '../../core/base64';
import type { TranscriptEntry } from '../../core/chat-session';
import type { FileAnswer } from '../client';
import { useWords } from '../i18n/words';
import { saveFile } from '../save-file';

/** Props of {@link FileLine}. */
export interface FileLineProps {
  entry: TranscriptEntry & { file: NonNullable<TranscriptEntry['file']> };
  /** The time shown in the line's header. */
  time: string;
  /** Downloads a file of the chat through the background; absent: no download here. */
  onDownload?: (fileId: string) => Promise<FileAnswer>;
  onRetry?: (clientMessageId: string) => void;
}

/**
 * A file in the transcript: its name (as text), size and type; a Download button for a file the
 * server has; for the visitor's own, whether it is through, and why not (with Retry).
 */
export function FileLine({ entry: e, time, onDownload, onRetry }: FileLineProps) {
  const w = useWords();
  const { t } = w;
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const { file } = e;
  const download = async () => {
    if (!onDownload || !file.id) return;
    setState({ busy: true });
    const answer = await onDownload(file.id);
    const bytes = 'data' in answer ? fromBase64(answer.data) : null;
    if (!bytes || 'error' in answer) {
      setState({ busy: false, error: 'error' in answer ? w.say(answer.phrase ?? answer.error, answer.error) : t('file.damaged') });
      return;
    }
    setState({ busy: false });
    saveFile(answer.name || file.name, new Blob([bytes], { type: answer.mime || 'application/octet-stream' }));
  };
  const details = [file.size === undefined ? null : w.size(file.size), file.mime ?? null].filter(Boolean).join(' · ');
  return (
    <li class={`bk-msg bk-file bk-from-${e.from}`} data-testid="beckon-file" data-from={e.from}>
      <span class="bk-meta">
        {e.from === 'visitor' ? t('chat.you') : e.nickname} · {time}
        {e.delivery && e.delivery !== 'sent' ? (
          <span class={`bk-delivery bk-${e.delivery}`} data-testid="beckon-delivery">
            {' '}· {t(e.delivery === 'pending' ? 'delivery.pending' : 'delivery.fileFailed')}
            {e.delivery === 'failed' && onRetry && e.clientMessageId ? (
              <button type="button" class="bk-btn bk-link bk-retry" data-testid="beckon-retry" onClick={() => onRetry(e.clientMessageId!)}>
                {t('chat.retry')}
              </button>
            ) : null}
          </span>
        ) : null}
      </span>
      <span class="bk-file-card">
        <span class="bk-file-name" data-testid="beckon-file-name">{file.name}</span>
        {details ? <span class="bk-file-details">{details}</span> : null}
        {file.deleted ? <span class="bk-file-details">{t('file.removed')}</span> : null}
        {file.id && !file.deleted && onDownload ? (
          <button type="button" class="bk-btn bk-link" data-testid="beckon-file-download" disabled={state.busy} onClick={() => void download()}
            aria-label={t('file.downloadName', { name: file.name })}>
            {state.busy ? t('file.downloading') : t('file.download')}
          </button>
        ) : null}
      </span>
      {e.failure && e.delivery === 'failed' ? <span class="bk-file-error" role="alert" data-testid="beckon-file-failure">{e.failure}</span> : null}
      {state.error ? <span class="bk-file-error" role="alert" data-testid="beckon-file-error">{state.error}</span> : null}
    </li>
  );
}
