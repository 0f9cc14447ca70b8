import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StaffKey } from '../../core/i18n/staff';
import { useStaffT } from '../i18n/staff';
import { BackendSection } from './BackendSection';
import { BusinessHoursSection } from './BusinessHoursSection';
import { withBackend } from './draft';
import { CappingSection } from './CappingSection';
import { Checkbox } from './Controls';
import { CrmSection } from './CrmSection';
import { CrmSyncLog } from './CrmSyncLog';
import { ErrorSummary } from './ErrorSummary';
import { ErrorsContext } from './Field';
import { errorsByField } from './field-errors';
import { ImportExport } from './ImportExport';
import { OutcomeLog } from './OutcomeLog';
import { PageNameSection } from './PageNameSection';
import { RulesEditor } from './RulesEditor';
import { SitesEditor } from './SitesEditor';
import { hostNeeds, originsOf } from './permissions';
import { useOptionsState } from './useOptionsState';
import { ProfilesSection } from './ProfilesSection';

const SECTIONS: readonly (readonly [string, StaffKey])[] = [
  ['backend', 'options.section.backend'], ['rules', 'options.section.rules'], ['capping', 'options.section.capping'],
  ['business-hours', 'options.section.businessHours'], ['page-name', 'options.section.pageName'], ['privacy', 'options.section.privacy'],
  ['crm', 'options.section.crm'], ['profiles', 'options.section.profiles'], ['sites', 'options.section.sites'],
  ['import-export', 'options.section.importExport'], ['outcomes', 'options.section.outcomes'], ['crm-log', 'options.section.crmLog'],
];

/**
 * The options page: backend, rules, capping, business hours, page-name sources, the
 * privacy guard and CRM sync in one form saved together; enabled sites (saved as they
 * change, with their permissions), import and export, the outcome log and the CRM sync
 * log alongside.
 */
export function OptionsApp() {
  const t = useStaffT();
  const state = useOptionsState();
  const { saved, draft, errors, status, dirty, edit } = state;
  const byField = useMemo(() => errorsByField(errors), [errors]);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Bumped by each refused save: focus then moves to the summary, which has just rendered.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) summaryRef.current?.focus();
  }, [refusals]);
  useEffect(() => {
    // Leaving with unsaved edits asks first (the browser shows its own wording).
    const warn = (e: BeforeUnloadEvent) => dirty && e.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (!saved || !draft) return <p class="loading">{t('options.loading')}</p>;
  const submit = (e: Event) => {
    e.preventDefault();
    if (!state.save()) setRefusals((n) => n + 1);
  };

  return (
    <div class="page">
      <header class="topbar">
        <span class="brand" aria-hidden="true">B</span>
        <h1>{t('options.title')}</h1>
      </header>
      <div class="layout">
        <nav class="toc" aria-label={t('options.nav')}>
          <ul>{SECTIONS.map(([id, label]) => <li key={id}><a href={`#${id}`}>{t(label)}</a></li>)}</ul>
        </nav>
        <main>
          <ErrorSummary errors={state.summaryShown ? errors : []} draft={draft} summaryRef={summaryRef} />
          <ErrorsContext.Provider value={byField}>
            <form onSubmit={submit} noValidate aria-label={t('options.form')}>
              <BackendSection value={draft.backend} onChange={(backend) => edit((d) => withBackend(d, backend))} />
              <RulesEditor rules={draft.rules} errors={errors} onChange={(rules) => edit((d) => ({ ...d, rules }))} />
              <CappingSection value={draft.capping} onChange={(capping) => edit((d) => ({ ...d, capping }))} />
              <BusinessHoursSection value={draft.businessHours} onChange={(businessHours) => edit((d) => ({ ...d, businessHours }))} />
              <PageNameSection value={draft.pageName} onChange={(pageName) => edit((d) => ({ ...d, pageName }))} />
              <section class="card" id="privacy" aria-labelledby="privacy-title">
                <h2 id="privacy-title">{t('options.section.privacy')}</h2>
                <Checkbox field="privacyGuard" label={t('options.privacy.label')} checked={draft.privacyGuard} testId="options-privacyGuard"
                  onChange={(privacyGuard) => edit((d) => ({ ...d, privacyGuard }))} hint={t('options.privacy.hint')} />
              </section>
              <CrmSection value={draft.crm} onChange={(crm) => edit((d) => ({ ...d, crm }))} onCheck={state.checkCrmDraft} />
              <div class="savebar">
                <button type="submit" data-testid="options-save">{t('options.save')}</button>
                <button type="button" class="secondary" onClick={state.restoreDefaults} data-testid="options-restore-defaults">{t('options.restoreDefaults')}</button>
                <span role="status" class={`status ${status?.kind ?? ''}`} data-testid="options-status">{status?.text ?? ''}</span>
                {dirty && !status ? <span class="dirty">{t('options.unsaved')}</span> : null}
              </div>
            </form>
          </ErrorsContext.Provider>
          <ProfilesSection saved={saved} onStoreProfiles={state.storeProfiles} onImportDemo={state.applyImport} />
          <SitesEditor sites={saved.enabledSites} siteOptions={saved.siteOptions} profiles={saved.profiles} keep={originsOf(hostNeeds(saved))} onChange={state.storeSites} />
          <ImportExport saved={saved} dirty={dirty} onApply={state.applyImport} />
          <OutcomeLog />
          <CrmSyncLog />
        </main>
      </div>
    </div>
  );
}
