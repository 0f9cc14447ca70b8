import type { TranscriptEntry } from '../../core/chat-session';
import { exportTranscript, type TranscriptFormat } from '../../core/transcript-export';
import { useWords } from '../i18n/words';
import { saveFile } from '../save-file';

/** "Download transcript: Text · HTML · JSON", the file in the visitor's language. */
export function TranscriptDownload({ entries, queue, startedAt }: { entries: TranscriptEntry[]; queue: string; startedAt: number }) {
  const { t, lang } = useWords();
  const FORMATS: [TranscriptFormat, string][] = [['text', t('download.text')], ['html', 'HTML'], ['json', 'JSON']];
  return (
    <p class="bk-download" data-testid="beckon-download">
      {t('download.label')}{' '}
      {FORMATS.map(([format, label]) => (
        <button
          key={format}
          type="button"
          class="bk-btn bk-link"
          data-testid={`beckon-download-${format}`}
          onClick={() => {
            const file = exportTranscript(entries, { queue, startedAt }, format, { t, lang });
            saveFile(file.filename, new Blob([file.contents], { type: `${file.mime};charset=utf-8` }));
          }}
        >
          {label}
        </button>
      ))}
    </p>
  );
}
