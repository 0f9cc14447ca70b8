/** Exporting the whole configuration as a JSON file that the import reads back. */
import type { Settings } from '../../core/settings';

/** The name the download gets. */
export const EXPORT_FILE_NAME = 'beckon-settings.json';

/**
 * The file's text: pretty-printed (people read and diff these), with `version` first so
 * the import knows how to read it, and a final newline.
 */
export function exportJson(settings: Settings): string {
  const { version, ...rest } = settings;
  return `${JSON.stringify({ version, ...rest }, null, 2)}\n`;
}

/**
 * Saves `text` as a download named `fileName`: a Blob behind an object URL, clicked through
 * a temporary `<a download>` (no downloads permission needed). The URL is revoked after
 * the click has been handled.
 */
export function downloadText(fileName: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoking at once can cancel the download in some browsers: give it a moment.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
