import { useState } from 'preact/hooks';
import { applyDemo, exportDemo, parseDemo, type DemoImport } from '../../core/profiles/demo-bundle';
import type { Settings } from '../../core/settings';
import { downloadText } from './export-settings';

/** Props of {@link DemoTransfer}. */
export interface DemoTransferProps {
  saved: Settings;
  /** The profile whose demo Export writes. */
  profileId: string;
  /** Saves the imported settings (requesting the new sites' permissions first); an error text when it could not. */
  onImport: (settings: Settings, newSites: string[]) => Promise<string | null>;
  /** The imported profile's id, to show it. */
  onImported: (profileId: string) => void;
}

/**
 * One prospect's demo as one file: Export writes the profile, the sites that use it and the
 * rules; Import checks a file (every problem named by its field), says what it would add, and
 * adds it on confirmation without overwriting anything here.
 */
export function DemoTransfer({ saved, profileId, onImport, onImported }: DemoTransferProps) {
  const [checked, setChecked] = useState<{ name: string; result: ReturnType<typeof parseDemo>; plan?: DemoImport } | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const exportNow = () => {
    const demo = exportDemo(saved, profileId);
    if (demo) downloadText(`beckon-demo-${profileId}.json`, `${JSON.stringify(demo, null, 2)}\n`);
  };
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setMessage(null);
    const result = file.size > 2_000_000 ? { ok: false as const, errors: [{ path: '(file)', message: 'Too large for a demo file (at most 2 MB)' }] } : parseDemo(await file.text());
    setChecked({ name: file.name, result, ...(result.ok ? { plan: applyDemo(saved, result.demo) } : {}) });
  };
  const confirm = (plan: DemoImport) => {
    void onImport(plan.settings, plan.newSites).then((error) => {
      if (error) return setMessage({ error: true, text: `Not imported: ${error}` });
      setChecked(null);
      setMessage({ error: false, text: `Imported the demo “${plan.profile.name}”.` });
      onImported(plan.profile.id);
    });
  };
  const { result, plan } = checked ?? {};
  return (
    <div class="demo-transfer">
      <h3 class="sub">Move a demo to another browser</h3>
      <div class="row">
        <button type="button" class="secondary" data-testid="options-demo-export" onClick={exportNow}>Export this demo</button>
        <label for="demo-import">Import a demo file</label>
        <input id="demo-import" type="file" accept=".json,application/json" data-testid="options-demo-import" onChange={(e) => void onFile(e.currentTarget as HTMLInputElement)} />
      </div>
      {result && !result.ok ? (
        <div class="import-errors" role="alert" data-testid="options-demo-errors">
          <p class="error-title">Not imported: {result.errors.length} problem{result.errors.length === 1 ? '' : 's'} in {checked?.name}. Nothing was saved.</p>
          <ul>{result.errors.slice(0, 20).map((e, i) => <li key={i}><code>{e.path}</code>: {e.message}</li>)}</ul>
        </div>
      ) : null}
      {plan ? (
        <div class="import-changes" data-testid="options-demo-plan">
          <p>
            Profile <strong>{plan.profile.name}</strong>{result?.ok && plan.profile.id !== result.demo.profile.id ? ' (under a new id: one of the same id is here)' : ''};{' '}
            {plan.newSites.length ? `sites to enable (the browser asks for permission): ${plan.newSites.join(', ')}` : 'no new site'};{' '}
            {plan.newRules.length ? `rules added: ${plan.newRules.map((r) => r.name).join(', ')}` : 'no new rule'}.
          </p>
          <button type="button" data-testid="options-demo-confirm" onClick={() => confirm(plan)}>Import demo</button>
        </div>
      ) : null}
      {message ? <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'} data-testid="options-demo-message">{message.text}</p> : null}
    </div>
  );
}
