import { useStaffT } from '../i18n/staff';
import type { BackendDraft } from './draft';
import { Select, type Choice } from './Controls';
import { Field } from './Field';
import { BACKEND_KIND_LABELS, BACKEND_LABELS } from './labels';

/** Props of {@link BackendSection}. */
export interface BackendSectionProps {
  value: BackendDraft;
  onChange: (value: BackendDraft) => void;
}

const KINDS = ['gws', 'gms'] as const;

/**
 * Where chats go: which Genesys chat API, the server URL, what identifies this client to it
 * (a ContactCenterId for GWS, a chat service for GMS) and the visitor's nickname.
 */
export function BackendSection({ value, onChange }: BackendSectionProps) {
  const t = useStaffT();
  const set = (key: Exclude<keyof BackendDraft, 'kind'>) => (v: string) => onChange({ ...value, [key]: v });
  const kinds: readonly Choice<BackendDraft['kind']>[] = KINDS.map((kind) => ({ value: kind, label: t(BACKEND_KIND_LABELS[kind]) }));
  // `{URL}`, `{service name}`: the parts of the address the user's values fill in.
  const urlHint = t(value.kind === 'gws' ? 'options.backend.urlHint.gws' : 'options.backend.urlHint.gms', { url: `{${t('options.backend.urlWord')}}`, service: `{${t('options.backend.serviceWord')}}` });
  return (
    <section class="card" id="backend" aria-labelledby="backend-title">
      <h2 id="backend-title">{t('options.section.backend')}</h2>
      <p class="section-intro">{t('options.backend.intro')}</p>
      <div class="grid backend-grid">
        <Select field="backend.kind" label={t(BACKEND_LABELS.kind)} value={value.kind} choices={kinds}
          onChange={(kind) => onChange({ ...value, kind })} testId="options-backendKind" />
        <Field field="backend.url" label={t(BACKEND_LABELS.url)} type="url" value={value.url} onInput={set('url')} testId="options-backendUrl"
          class="wide" hint={urlHint} />
        {value.kind === 'gws' ? (
          <Field field="backend.contactCenterId" label={t(BACKEND_LABELS.contactCenterId)} value={value.contactCenterId}
            onInput={set('contactCenterId')} testId="options-contactCenterId" hint={t('options.backend.contactCenterIdHint')} />
        ) : (
          <Field field="backend.serviceName" label={t(BACKEND_LABELS.serviceName)} value={value.serviceName}
            onInput={set('serviceName')} testId="options-serviceName" hint={t('options.backend.serviceNameHint')} />
        )}
        <Field field="backend.nickname" label={t(BACKEND_LABELS.nickname)} value={value.nickname} onInput={set('nickname')}
          testId="options-nickname" hint={t('options.backend.nicknameHint')} />
      </div>
    </section>
  );
}
