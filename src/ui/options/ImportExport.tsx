import { useState } from 'preact/hooks';
import { rich } from '../i18n/rich';
import { useStaffT } from '../i18n/staff';
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
  const t = useStaffT();
  const [pasted, setPasted] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const check = (source: string, text: string) => {
    setMessage(null);
    setChecked({ source, result: parseImport(text, t) });
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
      setMessage(error ? { error: true, text: t('options.import.notImported', { error }) } : { error: false, text: t('options.import.done') });
      if (!error) setChecked(null);
    });
  };
  const result = checked?.result;
  const source = checked?.source ?? '';
  const changes = result?.ok ? describeChanges(saved, result.settings, t) : [];

  return (
    <section class="card" id="import-export" aria-labelledby="import-title">
      <h2 id="import-title">{t('options.section.importExport')}</h2>
      <div class="row">
        <button type="button" class="secondary" data-testid="options-export" onClick={() => downloadText(EXPORT_FILE_NAME, exportJson(saved))}>
          {t('options.export.button', { file: EXPORT_FILE_NAME })}
        </button>
        <span class="hint">{t(dirty ? 'options.export.dirty' : 'options.export.clean')}</span>
      </div>
      <h3 class="sub">{t('options.import.title')}</h3>
      <div class="field">
        <label for="import-file">{t('options.import.file')}</label>
        <input id="import-file" type="file" accept=".json,application/json" data-testid="options-import-file" onChange={(e) => void onFile(e)} />
      </div>
      <div class="field">
        <label for="import-text">{t('options.import.paste')}</label>
        <textarea id="import-text" rows={4} spellcheck={false} value={pasted} data-testid="options-import-text"
          onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <button type="button" class="secondary" data-testid="options-import-check" onClick={() => check(t('options.import.pasted'), pasted)}>
        {t('options.import.check')}
      </button>
      {result && !result.ok ? (
        <div class="import-errors" role="alert" data-testid="options-import-errors">
          <p class="error-title">{t('options.import.problems', { n: result.errors.length, source })}</p>
          <ul>{result.errors.map((e, i) => <li key={i}>{rich(t, 'options.import.problem', { path: <code>{e.path}</code> }, { message: e.message })}</li>)}</ul>
        </div>
      ) : null}
      {result?.ok ? (
        <div class="import-preview" role="status" data-testid="options-import-preview">
          <p>{rich(t, result.fromVersion < 4 ? 'options.import.validUpgraded' : 'options.import.valid', { source: <strong>{source}</strong> }, { version: result.fromVersion })}</p>
          {changes.length === 0 ? <p>{t('options.import.same')}</p> : (
            <>
              <p>{t(dirty ? 'options.import.replacesEdits' : 'options.import.replaces')}</p>
              <ul class="changes">{changes.map((c, i) => <li key={i}>{c}</li>)}</ul>
            </>
          )}
          <div class="row">
            <button type="button" data-testid="options-import-confirm" onClick={() => confirm(result.settings)}>{t('options.import.confirm')}</button>
            <button type="button" class="secondary" data-testid="options-import-cancel" onClick={() => setChecked(null)}>{t('options.import.cancel')}</button>
          </div>
        </div>
      ) : null}
      {message ? <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'} data-testid="options-import-message">{message.text}</p> : null}
    </section>
  );
}
