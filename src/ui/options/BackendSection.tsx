import type { Draft } from './draft';
import { Field } from './Field';
import { BACKEND_LABELS } from './labels';

/** Props of {@link BackendSection}. */
export interface BackendSectionProps {
  value: Draft['backend'];
  onChange: (value: Draft['backend']) => void;
}

/** Where chats go: the server URL, its ContactCenterId and the visitor's nickname. */
export function BackendSection({ value, onChange }: BackendSectionProps) {
  const set = (key: keyof Draft['backend']) => (v: string) => onChange({ ...value, [key]: v });
  return (
    <section class="card" id="backend" aria-labelledby="backend-title">
      <h2 id="backend-title">Chat backend</h2>
      <p class="section-intro">A Beckon Sandbox or a Genesys GWS server (Customer Chat API v2).</p>
      <div class="grid backend-grid">
        <Field field="backend.url" label={BACKEND_LABELS.url} type="url" value={value.url} onInput={set('url')} testId="options-backendUrl"
          class="wide" hint="The Beckon Sandbox runs at http://127.0.0.1:7400 by default. Saving asks for permission to reach this host." />
        <Field field="backend.contactCenterId" label={BACKEND_LABELS.contactCenterId} value={value.contactCenterId}
          onInput={set('contactCenterId')} testId="options-contactCenterId" hint="Sent in the ContactCenterId header of every request." />
        <Field field="backend.nickname" label={BACKEND_LABELS.nickname} value={value.nickname} onInput={set('nickname')}
          testId="options-nickname" hint="The name the agent sees." />
      </div>
    </section>
  );
}
