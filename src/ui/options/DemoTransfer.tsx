import { useState } from 'preact/hooks';
import { applyDemo, exportDemo, parseDemo, type DemoImport } from '../../core/profiles/demo-bundle';
import type { Settings } from '../../core/settings';
import { rich } from '../i18n/rich';
import { useStaffT } from '../i18n/staff';
import { downloadText } from './export-settings';
import { MAX_IMPORT_CHARS } from './import-settings';

/** Props of {@link DemoTransfer}. */
export interface DemoTransferProps {
  saved: Settings;
  /** The profile whose demo Export writes. */
  profileId: string;
  /** Saves the imported settings (requesting the new sites' permissions first); an error text when it could not. */
  onImport: (settings: Settings) => Promise<string | null>;
  /** The imported profile's id, to show it. */
  onImported: (profileId: string) => void;
}

/**
 * One prospect's demo as one file: Export writes the profile, the sites that use it and the
 * rules; Import checks a file (every problem named by its field), says what it would add, and
 * adds it on confirmation without overwriting anything here.
 */
export function DemoTransfer({ saved, profileId, onImport, onImported }: DemoTransferProps) {
  const t = useStaffT();
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
    const result = file.size > MAX_IMPORT_CHARS
      ? { ok: false as const, errors: [{ path: t('options.file.whole'), message: t('options.demo.tooLarge') }] }
      : parseDemo(await file.text());
    setChecked({ name: file.name, result, ...(result.ok ? { plan: applyDemo(saved, result.demo) } : {}) });
  };
  const confirm = (plan: DemoImport) => {
    void onImport(plan.settings).then((error) => {
      if (error) return setMessage({ error: true, text: t('options.import.notImported', { error }) });
      setChecked(null);
      setMessage({ error: false, text: t('options.demo.imported', { name: plan.profile.name }) });
      onImported(plan.profile.id);
    });
  };
  const { result, plan } = checked ?? {};
  return (
    <div class="demo-transfer">
      <h3 class="sub">{t('options.demo.title')}</h3>
      <div class="row">
        <button type="button" class="secondary" data-testid="options-demo-export" onClick={exportNow}>{t('options.demo.export')}</button>
        <label for="demo-import">{t('options.demo.import')}</label>
        <input id="demo-import" type="file" accept=".json,application/json" data-testid="options-demo-import" onChange={(e) => void onFile(e.currentTarget as HTMLInputElement)} />
      </div>
      {result && !result.ok ? (
        <div class="import-errors" role="alert" data-testid="options-demo-errors">
          <p class="error-title">{t('options.import.problems', { n: result.errors.length, source: checked?.name ?? '' })}</p>
          <ul>{result.errors.slice(0, 20).map((e, i) => <li key={i}>{rich(t, 'options.import.problem', { path: <code>{e.path}</code> }, { message: e.message })}</li>)}</ul>
        </div>
      ) : null}
      {plan ? (
        <div class="import-changes" data-testid="options-demo-plan">
          <p>
            {rich(t, 'options.demo.plan', {
              profile: rich(t, result?.ok && plan.profile.id !== result.demo.profile.id ? 'options.demo.profileNewId' : 'options.demo.profile', {
                name: <strong>{plan.profile.name}</strong>,
              }),
            }, {
              sites: plan.newSites.length ? t('options.demo.sites', { sites: plan.newSites.join(', ') }) : t('options.demo.noSite'),
              rules: plan.newRules.length ? t('options.demo.rules', { rules: plan.newRules.map((r) => r.name).join(', ') }) : t('options.demo.noRule'),
            })}
          </p>
          <button type="button" data-testid="options-demo-confirm" onClick={() => confirm(plan)}>{t('options.demo.confirm')}</button>
        </div>
      ) : null}
      {message ? <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'} data-testid="options-demo-message">{message.text}</p> : null}
    </div>
  );
}
