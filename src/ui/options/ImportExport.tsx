import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings';
import { describeChanges } from './changes';
import { downloadText, EXPORT_FILE_NAME, exportJson } from './export-settings';
import { parseImport, type ImportResult } from './import-settings';

/** Props of {@link ImportExport}. */
export interface ImportExportProps {
  /** The saved settings: what is exported, and what an import is compared with. */
  saved: Settings;
  /** The form has edits that are not saved (they are neither exported nor kept by an import). */
  dirty: boolean;
  /** Replaces the settings; must request permissions before its first await (user gesture). */
  onApply: (settings: Settings) => Promise<string | null>;
}

type Checked = { source: string; result: ImportResult };

/**
 * Export downloads the saved configuration; import reads a file (or pasted JSON), lists
 * every problem by field path, and otherwise shows what would change and saves only when
 * confirmed. Nothing from an invalid file is ever saved.
 */
export function ImportExport({ saved, dirty, onApply }: ImportExportProps) {
  const [pasted, setPasted] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const check = (source: string, text: string) => {
    setMessage(null);
    setChecked({ source, result: parseImport(text) });
  };
  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    check(file.name, await file.text());
    input.value = ''; // Choosing the same file again (after fixing it) fires change again.
  };
  const confirm = (settings: Settings) => {
    void onApply(settings).then((error) => {
      setMessage(error ? { error: true, text: `Not imported: ${error}` } : { error: false, text: 'Imported: the settings were replaced.' });
      if (!error) setChecked(null);
    });
  };
  const result = checked?.result;
  const source = checked?.source ?? '';
  const changes = result?.ok ? describeChanges(saved, result.settings) : [];

  return (
    <section class="card" id="import-export" aria-labelledby="import-title">
      <h2 id="import-title">Import and export</h2>
      <div class="row">
        <button type="button" class="secondary" data-testid="options-export" onClick={() => downloadText(EXPORT_FILE_NAME, exportJson(saved))}>
          Export {EXPORT_FILE_NAME}
        </button>
        <span class="hint">{dirty ? 'Exports the saved settings: save your changes first to include them.' : 'The whole configuration, as JSON, CRM token and webhook secret included.'}</span>
      </div>
      <h3 class="sub">Import</h3>
      <div class="field">
        <label for="import-file">Settings file (JSON)</label>
        <input id="import-file" type="file" accept=".json,application/json" data-testid="options-import-file" onChange={(e) => void onFile(e)} />
      </div>
      <div class="field">
        <label for="import-text">Or paste the JSON</label>
        <textarea id="import-text" rows={4} spellcheck={false} value={pasted} data-testid="options-import-text"
          onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <button type="button" class="secondary" data-testid="options-import-check" onClick={() => check('The pasted JSON', pasted)}>
        Check pasted JSON
      </button>
      {result && !result.ok ? (
        <div class="import-errors" role="alert" data-testid="options-import-errors">
          <p class="error-title">
            Not imported: {result.errors.length === 1 ? '1 problem' : `${result.errors.length} problems`} in {source}. Nothing was saved.
          </p>
          <ul>{result.errors.map((e, i) => <li key={i}><code>{e.path}</code>: {e.message}</li>)}</ul>
        </div>
      ) : null}
      {result?.ok ? (
        <div class="import-preview" role="status" data-testid="options-import-preview">
          <p><strong>{source}</strong> is valid{result.fromVersion < 4 ? ` (a version ${result.fromVersion} file, upgraded)` : ''}.</p>
          {changes.length === 0 ? <p>It is the same as the saved settings.</p> : (
            <>
              <p>Importing it replaces every setting{dirty ? ' and discards your unsaved edits' : ''}. It changes:</p>
              <ul class="changes">{changes.map((c, i) => <li key={i}>{c}</li>)}</ul>
            </>
          )}
          <div class="row">
            <button type="button" data-testid="options-import-confirm" onClick={() => confirm(result.settings)}>Replace settings</button>
            <button type="button" class="secondary" data-testid="options-import-cancel" onClick={() => setChecked(null)}>Cancel</button>
          </div>
        </div>
      ) : null}
      {message ? <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'} data-testid="options-import-message">{message.text}</p> : null}
    </section>
  );
}
