import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { readSettings, settingsItem } from '../../protocol/storage';
import { Field } from './Field';
import { fromForm, originPattern, toForm, type FormErrors, type SettingsForm } from './form';
import { SitesEditor } from './SitesEditor';

/** The options page: backend, the proactive rule, and enabled sites. */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [status, setStatus] = useState('');

  useEffect(() => {
    void readSettings().then((s) => {
      setSettings(s);
      setForm(toForm(s));
    });
  }, []);
  if (!settings || !form) return <p>Loading settings…</p>;

  const set = (key: keyof SettingsForm) => (value: string) => {
    setForm({ ...form, [key]: value });
    setStatus('');
  };
  const store = async (next: Settings) => {
    await settingsItem.setValue(next);
    setSettings(next);
  };
  const save = (e: Event) => {
    e.preventDefault();
    const result = fromForm(form, settings);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus('Not saved: fix the fields marked below.');
      return;
    }
    setErrors({});
    const origin = originPattern(result.settings.backend.url);
    // The backend is reached from the background, which needs the host's permission.
    browser.permissions
      .request({ origins: origin ? [origin] : [] })
      .then(async (granted) => {
        if (!granted) {
          setErrors({ backendUrl: `Beckon needs permission to reach ${origin} to talk to this server.` });
          setStatus('Not saved.');
          return;
        }
        await store(result.settings);
        setStatus('Saved.');
      })
      .catch((err: unknown) => setStatus(`Not saved: ${String(err)}`));
  };
  const f = (id: keyof SettingsForm, label: string, extra: { hint?: string; type?: 'text' | 'url' | 'number' } = {}) => (
    <Field id={id} label={label} value={form[id]} onInput={set(id)} error={errors[id]} {...extra} />
  );

  return (
    <main>
      <h1>Beckon settings</h1>
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>Chat backend (GWS Customer Chat API v2)</legend>
          {f('backendUrl', 'Server URL', { type: 'url', hint: 'The Beckon Sandbox runs at http://127.0.0.1:7400 by default.' })}
          {f('contactCenterId', 'ContactCenterId', { hint: 'Sent in the ContactCenterId header of every request.' })}
          {f('nickname', 'Visitor nickname')}
        </fieldset>
        <fieldset>
          <legend>Proactive rule</legend>
          {f('urlPattern', 'URL pattern', { hint: 'Glob on the full URL: * stays within a path segment, ** crosses them.' })}
          {f('secondsOnPage', 'Seconds on page', { type: 'number', hint: 'Counted only while the page is visible.' })}
          {f('queue', 'Queue')}
          {f('topic', 'Offer text')}
          <p class="hint">The page name sent to the agent is the document title.</p>
        </fieldset>
        <div class="row">
          <button type="submit" data-testid="options-save">Save</button>
          <button type="button" class="secondary" onClick={() => { setForm(toForm(DEFAULT_SETTINGS)); setErrors({}); setStatus('Defaults restored: press Save to keep them.'); }}>
            Restore defaults
          </button>
          <span role="status" data-testid="options-status">{status}</span>
        </div>
      </form>
      <SitesEditor sites={settings.enabledSites} onChange={(sites) => store({ ...settings, enabledSites: sites })} />
    </main>
  );
}
