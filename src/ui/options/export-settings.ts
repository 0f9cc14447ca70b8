/** Exporting the whole configuration as a JSON file that the import reads back. */
import type { Settings } from '../../core/settings';
import { saveFile } from '../save-file';

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

/** Saves `text` (JSON) as a download named `fileName`, from the options page's own document. */
export function downloadText(fileName: string, text: string): void {
  saveFile(fileName, new Blob([text], { type: 'application/json' }));
}
