import { useState } from 'preact/hooks';
import { DEFAULT_SITE_OPTIONS, describeIssues, SiteOptionsSchema, type SiteOptions } from '../../core/settings';
import { useStaffT } from '../i18n/staff';
import { SITE_OPTION_LABELS } from './labels';

/** Props of {@link SiteOptionsFields}. */
export interface SiteOptionsFieldsProps {
  pattern: string;
  options: SiteOptions | undefined;
  /** Saves the site's options at once; resolves when stored. */
  onSave: (options: SiteOptions) => Promise<void>;
  /** A short index for unique ids and test ids. */
  index: number;
  /** The demo profiles to choose from (absent: no choice shown). */
  profiles?: readonly { id: string; name: string }[];
}

/**
 * One enabled site's own options: the page API switch (off by default, with a plain warning
 * of what it allows), and, when it is on, how long a page's offer stays open and which queue
 * the page's own chats go to. Saved at once, like the sites themselves; a value the schema
 * refuses is said next to the field and not saved.
 */
export function SiteOptionsFields({ pattern, options, onSave, index, profiles }: SiteOptionsFieldsProps) {
  const t = useStaffT();
  const current = { ...DEFAULT_SITE_OPTIONS, ...options };
  const [wait, setWait] = useState(String(current.offerWaitSeconds));
  const [queue, setQueue] = useState(current.chatQueue);
  const [error, setError] = useState<string | null>(null);
  const id = `site-${index}`;

  const save = (patch: Partial<Record<keyof SiteOptions, unknown>>) => {
    const parsed = SiteOptionsSchema.safeParse({ ...current, ...patch });
    if (!parsed.success) {
      // Core's messages (English), each led by its field's name: the field's label instead.
      const labelled = (m: string) => m.replace(/^offerWaitSeconds/, t(SITE_OPTION_LABELS.offerWaitSeconds)).replace(/^chatQueue/, t(SITE_OPTION_LABELS.chatQueue));
      setError(describeIssues(parsed.error).map(labelled).join('; '));
      return;
    }
    setError(null);
    onSave(parsed.data).catch((e: unknown) => setError(t('options.site.notSaved', { error: String(e) })));
  };

  return (
    <div class="site-options">
      {profiles && profiles.length > 1 ? (
        <div class="inline">
          <label for={`${id}-profile`}>{t(SITE_OPTION_LABELS.profileId)}</label>
          <select id={`${id}-profile`} value={current.profileId} data-testid={`options-site-profile-${index}`}
            onChange={(e) => save({ profileId: (e.currentTarget as HTMLSelectElement).value })}>
            {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </div>
      ) : null}
      <label class="switch">
        <input type="checkbox" checked={current.pageApi} data-testid={`options-site-pageapi-${index}`} aria-describedby={`${id}-warning`}
          onChange={(e) => save({ pageApi: (e.currentTarget as HTMLInputElement).checked })} />
        {t('options.site.pageApiOn', { site: pattern })}
      </label>
      <p id={`${id}-warning`} class="hint">{t('options.site.pageApiWarning')}</p>
      {current.pageApi ? (
        <div class="inline">
          <label for={`${id}-wait`}>{t(SITE_OPTION_LABELS.offerWaitSeconds)}</label>
          <input id={`${id}-wait`} type="number" min={0} max={3600} class="narrow" value={wait} data-testid={`options-site-wait-${index}`}
            title={t('options.site.waitTitle')}
            onInput={(e) => setWait((e.currentTarget as HTMLInputElement).value)}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value.trim();
              save({ offerWaitSeconds: value === '' ? NaN : Number(value) });
            }} />
          <label for={`${id}-queue`}>{t(SITE_OPTION_LABELS.chatQueue)}</label>
          <input id={`${id}-queue`} value={queue} placeholder={t('options.site.queuePlaceholder')} data-testid={`options-site-queue-${index}`}
            onInput={(e) => setQueue((e.currentTarget as HTMLInputElement).value)}
            onChange={(e) => save({ chatQueue: (e.currentTarget as HTMLInputElement).value })} />
        </div>
      ) : null}
      {error ? <p class="error" role="alert" data-testid={`options-site-error-${index}`}>{error}</p> : null}
    </div>
  );
}
