import { rich } from '../i18n/rich';
import { useStaffT } from '../i18n/staff';
import type { CrmDraft } from './crm-draft';
import { Field } from './Field';
import { CRM_CONNECTOR_LABELS, CRM_LABELS } from './labels';
import { SecretField } from './SecretField';
import { WebhookHeaders } from './WebhookHeaders';

type Kind = Exclude<CrmDraft['connector'], 'none'>;

/** Props of {@link CrmConnectorFields}. */
export interface CrmConnectorFieldsProps {
  kind: Kind;
  /** False for a connector shown only because its fields hold errors that stop a save. */
  inUse: boolean;
  value: CrmDraft;
  onChange: (value: CrmDraft) => void;
}

/** The fields of one connector, by kind. */
function Fields({ kind, value, onChange }: Omit<CrmConnectorFieldsProps, 'inUse'>) {
  const t = useStaffT();
  switch (kind) {
    case 'sandbox': {
      const set = (patch: Partial<CrmDraft['sandbox']>) => onChange({ ...value, sandbox: { ...value.sandbox, ...patch } });
      return (
        <div class="grid backend-grid">
          <Field field="crm.sandbox.url" label={t(CRM_LABELS['sandbox.url'])} type="url" value={value.sandbox.url} testId="options-crm-sandbox-url"
            onInput={(url) => set({ url })} placeholder={t('options.crm.sandbox.urlPlaceholder')} hint={t('options.crm.sandbox.urlHint')} />
          <Field field="crm.sandbox.token" label={t(CRM_LABELS['sandbox.token'])} value={value.sandbox.token} testId="options-crm-sandbox-token"
            onInput={(token) => set({ token })} hint={rich(t, 'options.crm.sandbox.tokenHint', { header: <code>Authorization: Bearer …</code> })} />
        </div>
      );
    }
    case 'pega': {
      const set = (patch: Partial<CrmDraft['pega']>) => onChange({ ...value, pega: { ...value.pega, ...patch } });
      return (
        <>
          <p class="note">{rich(t, 'options.crm.pega.note', { api: <code>pega.CS</code> })}</p>
          <div class="grid backend-grid">
            <Field field="crm.pega.portal" label={t(CRM_LABELS['pega.portal'])} value={value.pega.portal} testId="options-crm-pega-portal"
              placeholder={t('options.crm.pega.portalPlaceholder')} onInput={(portal) => set({ portal })} hint={t('options.crm.pega.portalHint')} />
            <Field field="crm.pega.timeoutSeconds" label={t(CRM_LABELS['pega.timeoutSeconds'])} type="number" min={1} max={120} class="narrow"
              value={value.pega.timeoutSeconds} testId="options-crm-pega-timeout" onInput={(timeoutSeconds) => set({ timeoutSeconds })}
              hint={t('options.crm.pega.timeoutHint')} />
          </div>
        </>
      );
    }
    case 'webhook': {
      const set = (patch: Partial<CrmDraft['webhook']>) => onChange({ ...value, webhook: { ...value.webhook, ...patch } });
      return (
        <>
          <Field field="crm.webhook.url" label={t(CRM_LABELS['webhook.url'])} type="url" value={value.webhook.url} testId="options-crm-webhook-url"
            placeholder={t('options.crm.webhook.urlPlaceholder')} onInput={(url) => set({ url })} class="medium" hint={t('options.crm.webhook.urlHint')} />
          <WebhookHeaders rows={value.webhook.headers} onChange={(headers) => set({ headers })} />
          <SecretField field="crm.webhook.secret" label={t(CRM_LABELS['webhook.secret'])} value={value.webhook.secret} class="medium"
            testId="options-crm-webhook-secret" onInput={(secret) => set({ secret })}
            hint={rich(t, 'options.crm.webhook.secretHint', { header: <code>X-Beckon-Signature: sha256=&lt;hex&gt;</code> })} />
        </>
      );
    }
  }
}

/**
 * One connector's configuration in a fieldset named after it. A connector that is not in
 * use is shown only when its fields hold errors (they are saved too), so the error
 * summary's links always have a field to land on.
 */
export function CrmConnectorFields({ kind, inUse, value, onChange }: CrmConnectorFieldsProps) {
  const t = useStaffT();
  const name = t(CRM_CONNECTOR_LABELS[kind]);
  return (
    <fieldset class={`connector${inUse ? '' : ' unused'}`} data-testid={`options-crm-${kind}`}>
      <legend>{inUse ? name : t('options.crm.notInUse', { connector: name })}</legend>
      <Fields kind={kind} value={value} onChange={onChange} />
    </fieldset>
  );
}
