import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useStaffT } from '../i18n/staff';
import type { CrmSettings } from '../../core/crm/settings';
import type { CrmDraft } from './crm-draft';
import { focusField } from './ErrorSummary';
import type { checkCrm } from './from-draft';
import { askBackground, REPLY_TIMEOUT_MS } from './page-requests';
import { crmNeed, refusedMessage } from './permissions';

/** Props of {@link CrmTest}. */
export interface CrmTestProps {
  /** The CRM part of the draft: a result no longer applies once it changes. */
  value: CrmDraft;
  /** Validates the CRM part of the draft; its errors then show at the fields. */
  onCheck: () => ReturnType<typeof checkCrm> | null;
}

type Result = { kind: 'busy' | 'ok' | 'error'; text: string };

/** A Pega test waits for the desktop tab to answer a probe, which may need the bridge injected first. */
const timeoutFor = (crm: CrmSettings) => REPLY_TIMEOUT_MS + (crm.connector === 'pega' ? 2 * crm.pega.timeoutSeconds * 1000 : 0);

/**
 * Test connection: checks the CRM fields as they are now (saved or not), asks for the
 * connector host's permission inside the click (browsers prompt only in a user gesture),
 * then has the background try the connector and shows what it says.
 */
export function CrmTest({ value, onCheck }: CrmTestProps) {
  const t = useStaffT();
  const [result, setResult] = useState<Result | null>(null);
  // A new object per refusal, so a second refusal at the same field focuses it again.
  const [focus, setFocus] = useState<{ field: string } | null>(null);
  const busy = result?.kind === 'busy';
  const key = JSON.stringify(value);
  // An edit makes the last result stale (a test still running reports when it ends).
  useEffect(() => setResult((r) => (r?.kind === 'busy' ? r : null)), [key]);
  useEffect(() => {
    // After the render that shows the errors (a connector not in use appears only then).
    if (focus) focusField(focus.field);
  }, [focus]);

  const test = () => {
    if (busy) return;
    const checked = onCheck();
    if (!checked) return;
    if (!checked.ok) {
      setResult({ kind: 'error', text: t('options.crmTest.invalid', { n: checked.errors.length }) });
      setFocus({ field: checked.errors[0]!.field });
      return;
    }
    const { crm } = checked;
    const need = crmNeed(crm, t);
    setFocus(null);
    setResult({ kind: 'busy', text: t('options.crmTest.busy') });
    // Fire and forget from the click (the permission prompt must start inside it); the catch
    // turns any failure into a result, so the last step cannot reject.
    void (need ? browser.permissions.request({ origins: [need.origin] }) : Promise.resolve(true))
      .then((granted) => (granted || !need
        ? askBackground({ type: 'crm.test', crm }, timeoutFor(crm), t)
        : { ok: false, message: t('options.crmTest.refused', { reason: refusedMessage(need, t) }) }))
      .catch((err: unknown) => ({ ok: false, message: t('options.crmTest.noPrompt', { error: String(err) }) }))
      .then((reply) => setResult({ kind: reply.ok ? 'ok' : 'error', text: reply.message }));
  };

  return (
    <div class="crm-test">
      <button type="button" class="secondary" onClick={test} disabled={busy} aria-busy={busy} aria-describedby="crm-test-result" data-testid="options-crm-test">
        {t(busy ? 'options.crmTest.busy' : 'options.crmTest.button')}
      </button>
      {/* Always in the page, so screen readers announce each new result. */}
      <p id="crm-test-result" role="status" class={`crm-test-result ${result?.kind ?? ''}`} data-testid="options-crm-test-result">
        {result?.text ?? ''}
      </p>
    </div>
  );
}
