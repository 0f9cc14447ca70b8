import type { TranscriptEntry } from '../../core/chat-session';
import { exportTranscript, type TranscriptFormat } from '../../core/transcript-export';
import { saveFile } from '../save-file';

const FORMATS: [TranscriptFormat, string][] = [['text', 'Text'], ['html', 'HTML'], ['json', 'JSON']];

/** "Download: Text · HTML · JSON" for a chat's transcript. */
export function TranscriptDownload({ entries, queue, startedAt }: { entries: TranscriptEntry[]; queue: string; startedAt: number }) {
  return (
    <p class="bk-download" data-testid="beckon-download">
      Download transcript:{' '}
      {FORMATS.map(([format, label]) => (
        <button
          key={format}
          type="button"
          class="bk-btn bk-link"
          data-testid={`beckon-download-${format}`}
          onClick={() => {
            const file = exportTranscript(entries, { queue, startedAt }, format);
            saveFile(file.filename, new Blob([file.contents], { type: `${file.mime};charset=utf-8` }));
          }}
        >
          {label}
        </button>
      ))}
    </p>
  );
}
