import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isValidMatchPattern, sitePatternFor } from '../../core/match-pattern';
import type { Settings } from '../../core/settings';
import { useStaffT } from '../i18n/staff';
import { hostsToGiveBack } from './permissions';
import { SiteOptionsFields } from './SiteOptionsFields';

/** Props of {@link SitesEditor}. */
export interface SitesEditorProps {
  sites: string[];
  /** Each site's own options (page API, demo profile), by pattern. */
  siteOptions: Settings['siteOptions'];
  /** The demo profiles a site may use. */
  profiles: Settings['profiles'];
  /** Saves the sites (and, when given, their options) at once. */
  onChange: (sites: string[], siteOptions?: Settings['siteOptions']) => Promise<void>;
  /** Hosts the background reaches anyway (backend, CRM): never given back. */
  keep?: readonly string[];
}

/**
 * The sites Beckon watches, each with its own options (the page API). Adding one asks the browser for its host permission right
 * then (it must happen in the click); removing one gives the permission back.
 */
export function SitesEditor({ sites, siteOptions, profiles, onChange, keep = [] }: SitesEditorProps) {
  const t = useStaffT();
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const add = (e: Event) => {
    e.preventDefault();
    const input = draft.trim();
    const pattern = isValidMatchPattern(input) ? input : sitePatternFor(input);
    if (!pattern) {
      setMessage({ error: true, text: t('options.sites.invalid') });
      return;
    }
    if (sites.includes(pattern)) {
      setMessage({ error: true, text: t('options.sites.already', { site: pattern }) });
      return;
    }
    // Called synchronously inside the click: browsers only show the prompt for a user gesture.
    browser.permissions
      .request({ origins: [pattern] })
      .then(async (granted) => {
        if (!granted) {
          setMessage({ error: true, text: t('options.sites.refused', { site: pattern }) });
          return;
        }
        await onChange([...sites, pattern]);
        setDraft('');
        setMessage({ error: false, text: t('options.sites.enabled', { site: pattern }) });
      })
      .catch((err: unknown) => setMessage({ error: true, text: t('options.sites.noPrompt', { error: String(err) }) }));
  };

  const remove = async (pattern: string) => {
    const remaining = sites.filter((s) => s !== pattern);
    await onChange(remaining);
    // Permissions granted at install (the Sandbox's own host) cannot be removed; that is fine.
    for (const origin of hostsToGiveBack([pattern], remaining, keep)) await browser.permissions.remove({ origins: [origin] }).catch(() => false);
    setMessage({ error: false, text: t('options.sites.disabled', { site: pattern }) });
  };

  return (
    <section class="card" id="sites" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('options.section.sites')}</h2>
      <p class="section-intro">{t('options.sites.intro')}</p>
      <ul class="sites" data-testid="options-sites">
        {sites.map((s, i) => (
          <li key={s}>
            <div class="site-head">
              <code>{s}</code>
              <button type="button" class="secondary" onClick={() => void remove(s)} aria-label={t('options.sites.disable', { site: s })}>
                {t('options.sites.remove')}
              </button>
            </div>
            <SiteOptionsFields pattern={s} index={i} options={siteOptions[s]} profiles={profiles} onSave={(o) => onChange(sites, { ...siteOptions, [s]: o })} />
          </li>
        ))}
        {sites.length === 0 ? <li class="hint">{t('options.sites.none')}</li> : null}
      </ul>
      <form class="inline" onSubmit={add}>
        <label for="site-input">{t('options.sites.add')}</label>
        <input id="site-input" placeholder={t('options.sites.placeholder')} value={draft} data-testid="options-site-input"
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" data-testid="options-site-add">{t('options.sites.enable')}</button>
      </form>
      {message ? (
        <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'} data-testid="options-site-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
