import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
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
import { PRIVACY_LABEL } from './labels';
import { OutcomeLog } from './OutcomeLog';
import { PageNameSection } from './PageNameSection';
import { RulesEditor } from './RulesEditor';
import { SitesEditor } from './SitesEditor';
import { hostNeeds, originsOf } from './permissions';
import { useOptionsState } from './useOptionsState';
import { ProfilesSection } from './ProfilesSection';

const SECTIONS = [
  ['backend', 'Chat backend'], ['rules', 'Rules'], ['capping', 'Frequency capping'], ['business-hours', 'Business hours'],
  ['page-name', 'Page name'], ['privacy', 'Privacy'], ['crm', 'CRM sync'], ['profiles', 'Demo profiles'], ['sites', 'Enabled sites'], ['import-export', 'Import and export'],
  ['outcomes', 'Outcome log'], ['crm-log', 'CRM sync log'],
] as const;

/**
 * The options page: backend, rules, capping, business hours, page-name sources, the
 * privacy guard and CRM sync in one form saved together; enabled sites (saved as they
 * change, with their permissions), import and export, the outcome log and the CRM sync
 * log alongside.
 */
export function OptionsApp() {
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

  if (!saved || !draft) return <p class="loading">Loading settings…</p>;
  const submit = (e: Event) => {
    e.preventDefault();
    if (!state.save()) setRefusals((n) => n + 1);
  };

  return (
    <div class="page">
      <header class="topbar">
        <span class="brand" aria-hidden="true">B</span>
        <h1>Beckon settings</h1>
      </header>
      <div class="layout">
        <nav class="toc" aria-label="Sections">
          <ul>{SECTIONS.map(([id, label]) => <li key={id}><a href={`#${id}`}>{label}</a></li>)}</ul>
        </nav>
        <main>
          <ErrorSummary errors={state.summaryShown ? errors : []} draft={draft} summaryRef={summaryRef} />
          <ErrorsContext.Provider value={byField}>
            <form onSubmit={submit} noValidate aria-label="Settings">
              <BackendSection value={draft.backend} onChange={(backend) => edit((d) => withBackend(d, backend))} />
              <RulesEditor rules={draft.rules} errors={errors} onChange={(rules) => edit((d) => ({ ...d, rules }))} />
              <CappingSection value={draft.capping} onChange={(capping) => edit((d) => ({ ...d, capping }))} />
              <BusinessHoursSection value={draft.businessHours} onChange={(businessHours) => edit((d) => ({ ...d, businessHours }))} />
              <PageNameSection value={draft.pageName} onChange={(pageName) => edit((d) => ({ ...d, pageName }))} />
              <section class="card" id="privacy" aria-labelledby="privacy-title">
                <h2 id="privacy-title">Privacy</h2>
                <Checkbox field="privacyGuard" label={PRIVACY_LABEL} checked={draft.privacyGuard} testId="options-privacyGuard"
                  onChange={(privacyGuard) => edit((d) => ({ ...d, privacyGuard }))}
                  hint="Applied as soon as a page is reported: rules, the agent and the CRM only ever see the cleaned page name, URL and referrer. On by default." />
              </section>
              <CrmSection value={draft.crm} onChange={(crm) => edit((d) => ({ ...d, crm }))} onCheck={state.checkCrmDraft} />
              <div class="savebar">
                <button type="submit" data-testid="options-save">Save</button>
                <button type="button" class="secondary" onClick={state.restoreDefaults} data-testid="options-restore-defaults">Restore defaults</button>
                <span role="status" class={`status ${status?.kind ?? ''}`} data-testid="options-status">{status?.text ?? ''}</span>
                {dirty && !status ? <span class="dirty">Unsaved changes</span> : null}
              </div>
            </form>
          </ErrorsContext.Provider>
          <ProfilesSection saved={saved} onStoreProfiles={state.storeProfiles} onImportDemo={(next) => state.applyImport(next)} />
          <SitesEditor sites={saved.enabledSites} siteOptions={saved.siteOptions} profiles={saved.profiles} keep={originsOf(hostNeeds(saved))} onChange={state.storeSites} />
          <ImportExport saved={saved} dirty={dirty} onApply={state.applyImport} />
          <OutcomeLog />
          <CrmSyncLog />
        </main>
      </div>
    </div>
  );
}
