import type { TranscriptEntry } from '../../core/chat-session';
import { exportTranscript, type TranscriptFormat } from '../../core/transcript-export';

/** Saves a file from memory: an object URL and a temporary download link. */
function save(filename: string, mime: string, contents: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  // Inside a shadow root the link must be in a document to be clicked; the body is enough.
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
            save(file.filename, file.mime, file.contents);
          }}
        >
          {label}
        </button>
      ))}
    </p>
  );
}
