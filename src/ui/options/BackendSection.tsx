import type { BackendDraft } from './draft';
import { Select, type Choice } from './Controls';
import { Field } from './Field';
import { BACKEND_KIND_LABELS, BACKEND_LABELS } from './labels';

/** Props of {@link BackendSection}. */
export interface BackendSectionProps {
  value: BackendDraft;
  onChange: (value: BackendDraft) => void;
}

const KINDS: readonly Choice<BackendDraft['kind']>[] = (['gws', 'gms'] as const).map((value) => ({ value, label: BACKEND_KIND_LABELS[value] }));

const URL_HINTS: Record<BackendDraft['kind'], string> = {
  gws: 'Requests go to {URL}/api/v2/chats. The Beckon Sandbox runs at http://127.0.0.1:7400 by default. Saving asks for permission to reach this host.',
  gms: 'The GMS base URL: requests go to {URL}/genesys/2/chat/{service name}. The Beckon Sandbox serves this API too, at http://127.0.0.1:7400 by default. Saving asks for permission to reach this host.',
};

/**
 * Where chats go: which Genesys chat API, the server URL, what identifies this client to it
 * (a ContactCenterId for GWS, a chat service for GMS) and the visitor's nickname.
 */
export function BackendSection({ value, onChange }: BackendSectionProps) {
  const set = (key: Exclude<keyof BackendDraft, 'kind'>) => (v: string) => onChange({ ...value, [key]: v });
  return (
    <section class="card" id="backend" aria-labelledby="backend-title">
      <h2 id="backend-title">Chat backend</h2>
      <p class="section-intro">A Beckon Sandbox, or a Genesys server speaking the GWS Customer Chat API v2 or the GMS Chat API v2.</p>
      <div class="grid backend-grid">
        <Select field="backend.kind" label={BACKEND_LABELS.kind} value={value.kind} choices={KINDS}
          onChange={(kind) => onChange({ ...value, kind })} testId="options-backendKind" />
        <Field field="backend.url" label={BACKEND_LABELS.url} type="url" value={value.url} onInput={set('url')} testId="options-backendUrl"
          class="wide" hint={URL_HINTS[value.kind]} />
        {value.kind === 'gws' ? (
          <Field field="backend.contactCenterId" label={BACKEND_LABELS.contactCenterId} value={value.contactCenterId}
            onInput={set('contactCenterId')} testId="options-contactCenterId" hint="Sent in the ContactCenterId header of every request." />
        ) : (
          <Field field="backend.serviceName" label={BACKEND_LABELS.serviceName} value={value.serviceName}
            onInput={set('serviceName')} testId="options-serviceName"
            hint="The GMS chat service that routes these chats, e.g. request-chat (the default) or customer-support." />
        )}
        <Field field="backend.nickname" label={BACKEND_LABELS.nickname} value={value.nickname} onInput={set('nickname')}
          testId="options-nickname" hint="The name the agent sees." />
      </div>
    </section>
  );
}
