import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { readSettings, settingsItem } from '../../protocol/storage';
import { useStaffT } from '../i18n/staff';
import { toDraft, type Draft } from './draft';
import type { FieldError } from './field-errors';
import { checkCrm, fromDraft } from './from-draft';
import { hostNeeds, originsOf, permissionPlan, refusedMessage, type HostNeed } from './permissions';

/** The line next to the Save button. */
export interface Status {
  kind: 'ok' | 'error' | 'info';
  text: string;
}

/**
 * The needs whose permission is still missing after a refused request (already granted
 * hosts, like the Sandbox's, are not to blame); all of them when that cannot be told.
 */
async function refused(needs: HostNeed[]): Promise<HostNeed[]> {
  const has = (origin: string) => Promise.resolve().then(() => browser.permissions.contains({ origins: [origin] })).catch(() => false);
  const missing = await Promise.all(needs.map(async (n) => !(await has(n.origin))));
  const blamed = needs.filter((_, i) => missing[i]);
  return blamed.length > 0 ? blamed : needs;
}

/**
 * The options page's state: the saved settings, the form's draft, and the errors to show.
 * Errors appear once a save (or, for the CRM fields, a connection test) has been refused,
 * then follow every edit, so a fixed field clears at once. Nothing is written while the
 * draft is invalid.
 */
export function useOptionsState() {
  const t = useStaffT();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [refusedSave, setRefused] = useState(false);
  // A refused connection test shows the CRM fields' errors only (the summary is about saving).
  const [crmChecked, setCrmChecked] = useState(false);
  // Problems found outside validation (a refused permission), shown like field errors.
  const [outside, setOutside] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    void readSettings().then((s) => {
      setSaved(s);
      setDraft(toDraft(s));
    });
  }, []);

  const validation = useMemo(() => {
    if (!draft || !saved) return null;
    return refusedSave ? fromDraft(draft, saved.enabledSites, saved.siteOptions, saved.profiles, t) : crmChecked ? checkCrm(draft, t) : null;
  }, [refusedSave, crmChecked, draft, saved, t]);
  const errors = [...(validation && !validation.ok ? validation.errors : []), ...outside];
  const dirty = useMemo(() => Boolean(draft && saved && JSON.stringify(draft) !== JSON.stringify(toDraft(saved))), [draft, saved]);

  const replaceAll = (next: Settings, text: string) => {
    setSaved(next);
    setDraft(toDraft(next));
    setRefused(false);
    setCrmChecked(false);
    setOutside([]);
    setStatus({ kind: 'ok', text });
  };

  return {
    saved, draft, errors, status, dirty,
    /** Whether the error summary shows: after a refused save, not after a refused test. */
    summaryShown: refusedSave || outside.length > 0,
    /** Applies an edit to the draft. */
    edit(fn: (d: Draft) => Draft) {
      setDraft((d) => (d ? fn(d) : d));
      setOutside([]);
      setStatus(null);
    },
    /** Validates and saves; false when refused (the caller then focuses the error summary). */
    save(): boolean {
      if (!draft || !saved) return false;
      const result = fromDraft(draft, saved.enabledSites, saved.siteOptions, saved.profiles, t);
      if (!result.ok) {
        setRefused(true);
        setStatus({ kind: 'error', text: t('options.status.refused', { n: result.errors.length }) });
        return false;
      }
      const needs = hostNeeds(result.settings, t);
      // The backend and the CRM are reached from the background, which needs their hosts'
      // permission. Requested before any await: browsers prompt only inside the click's gesture.
      browser.permissions
        .request({ origins: originsOf(needs) })
        .then(async (granted) => {
          if (!granted) {
            const blamed = await refused(needs);
            setOutside(blamed.map((n) => ({ field: n.field, message: refusedMessage(n, t) })));
            setStatus({ kind: 'error', text: t('options.status.notSaved') });
            return;
          }
          await settingsItem.setValue(result.settings);
          replaceAll(result.settings, t('options.status.saved'));
        })
        .catch((err: unknown) => setStatus({ kind: 'error', text: t('options.status.failed', { error: String(err) }) }));
      return true;
    },
    /** Validates the CRM part for a connection test; on failure its errors show at the fields. */
    checkCrmDraft() {
      if (!draft) return null;
      setCrmChecked(true);
      return checkCrm(draft, t);
    },
    /** Puts the defaults in the form (enabled sites stay: they are managed, and saved, on their own). */
    restoreDefaults() {
      setDraft(toDraft(DEFAULT_SETTINGS));
      setStatus({ kind: 'info', text: t('options.status.defaults') });
    },
    /** Saves the enabled sites at once (their permissions were just granted or given back). */
    async storeSites(enabledSites: string[], siteOptions: Settings['siteOptions'] = saved?.siteOptions ?? {}) {
      if (!saved) return;
      // Options of a site no longer enabled go with it.
      const kept = Object.fromEntries(Object.entries(siteOptions).filter(([pattern]) => enabledSites.includes(pattern)));
      const next = { ...saved, enabledSites, siteOptions: kept };
      await settingsItem.setValue(next);
      setSaved(next);
    },
    /** Saves the demo profiles at once (each was validated by its editor); sites whose profile is gone fall back to the default. */
    async storeProfiles(profiles: Settings['profiles']) {
      if (!saved) return;
      const next = { ...saved, profiles };
      await settingsItem.setValue(next);
      setSaved(next);
    },
    /** Replaces everything with validated imported settings; an error text when it could not. */
    applyImport(next: Settings): Promise<string | null> {
      if (!saved) return Promise.resolve(t('options.status.stillLoading'));
      const plan = permissionPlan(saved, next);
      return browser.permissions
        .request({ origins: plan.request })
        .then(async (granted) => {
          if (!granted) return t('options.status.importRefused', { origins: plan.request.join(', ') });
          await settingsItem.setValue(next);
          // Sites no longer enabled give their permission back (install-time ones cannot: fine).
          await Promise.all(plan.remove.map((o) => browser.permissions.remove({ origins: [o] }).catch(() => false)));
          replaceAll(next, t('options.status.imported'));
          return null;
        })
        .catch((err: unknown) => String(err));
    },
  };
}
