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
  switch (kind) {
    case 'sandbox': {
      const set = (patch: Partial<CrmDraft['sandbox']>) => onChange({ ...value, sandbox: { ...value.sandbox, ...patch } });
      return (
        <div class="grid backend-grid">
          <Field field="crm.sandbox.url" label={CRM_LABELS['sandbox.url']!} type="url" value={value.sandbox.url} testId="options-crm-sandbox-url"
            onInput={(url) => set({ url })} placeholder="http://127.0.0.1:7400"
            hint="The Beckon Sandbox serves its CRM beside the chat server (http://127.0.0.1:7400 by default); interactions show next to each chat in the agent console." />
          <Field field="crm.sandbox.token" label={CRM_LABELS['sandbox.token']!} value={value.sandbox.token} testId="options-crm-sandbox-token"
            onInput={(token) => set({ token })} hint={<>Sent as <code>Authorization: Bearer …</code>. The Sandbox prints its token when it starts.</>} />
        </div>
      );
    }
    case 'pega': {
      const set = (patch: Partial<CrmDraft['pega']>) => onChange({ ...value, pega: { ...value.pega, ...patch } });
      return (
        <>
          <p class="note">
            The Pega Customer Service desktop must be open and signed in, in a tab of this browser: Beckon calls <code>pega.CS</code> there.
            Pega has no API for offer outcomes, so only interactions are recorded.
          </p>
          <div class="grid backend-grid">
            <Field field="crm.pega.portal" label={CRM_LABELS['pega.portal']!} value={value.pega.portal} testId="options-crm-pega-portal"
              placeholder="https://pega.example.com/prweb/*" onInput={(portal) => set({ portal })}
              hint="The desktop's address as a match pattern, e.g. https://pega.example.com/prweb/*. Saving asks for permission to reach this host." />
            <Field field="crm.pega.timeoutSeconds" label={CRM_LABELS['pega.timeoutSeconds']!} type="number" min={1} max={120} class="narrow"
              value={value.pega.timeoutSeconds} testId="options-crm-pega-timeout" onInput={(timeoutSeconds) => set({ timeoutSeconds })}
              hint="How long a pega.CS call may take to call back (1-120)." />
          </div>
        </>
      );
    }
    case 'webhook': {
      const set = (patch: Partial<CrmDraft['webhook']>) => onChange({ ...value, webhook: { ...value.webhook, ...patch } });
      return (
        <>
          <Field field="crm.webhook.url" label={CRM_LABELS['webhook.url']!} type="url" value={value.webhook.url} testId="options-crm-webhook-url"
            placeholder="https://crm.example.com/hooks/beckon" onInput={(url) => set({ url })} class="medium"
            hint="Each event is POSTed here as JSON. Saving asks for permission to reach this host." />
          <WebhookHeaders rows={value.webhook.headers} onChange={(headers) => set({ headers })} />
          <SecretField field="crm.webhook.secret" label={CRM_LABELS['webhook.secret']!} value={value.webhook.secret} class="medium"
            testId="options-crm-webhook-secret" onInput={(secret) => set({ secret })}
            hint={<>Each request then carries <code>X-Beckon-Signature: sha256=&lt;hex&gt;</code>, the HMAC-SHA256 of the request body with this secret, so the receiver can check it came from Beckon. Leave empty to send no signature.</>} />
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
  return (
    <fieldset class={`connector${inUse ? '' : ' unused'}`} data-testid={`options-crm-${kind}`}>
      <legend>{CRM_CONNECTOR_LABELS[kind]}{inUse ? '' : ' (not in use: fix these to save)'}</legend>
      <Fields kind={kind} value={value} onChange={onChange} />
    </fieldset>
  );
}
