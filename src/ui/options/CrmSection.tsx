import { useContext } from 'preact/hooks';
import { CRM_CONNECTORS } from '../../core/crm/settings';
import type { StaffKey } from '../../core/i18n/staff';
import { useStaffT } from '../i18n/staff';
import { Checkbox, RadioGroup, type Choice } from './Controls';
import { CrmConnectorFields } from './CrmConnectorFields';
import type { CrmDraft } from './crm-draft';
import { CrmTest, type CrmTestProps } from './CrmTest';
import { ErrorsContext, Field } from './Field';
import { CRM_CONNECTOR_LABELS, CRM_LABELS, CRM_RECORDS_OUTCOMES } from './labels';

/** Props of {@link CrmSection}. */
export interface CrmSectionProps {
  value: CrmDraft;
  onChange: (value: CrmDraft) => void;
  onCheck: CrmTestProps['onCheck'];
}

type Connector = CrmDraft['connector'];

const HINTS: Record<Connector, StaffKey> = {
  none: 'options.crm.hint.none', sandbox: 'options.crm.hint.sandbox', pega: 'options.crm.hint.pega', webhook: 'options.crm.hint.webhook',
};

/**
 * CRM sync: where each chat's interaction goes (pega.CS startInteraction on accept,
 * switchInteraction when focus moves, endInteraction with the transcript), the chosen
 * connector's settings, what every connector sends, and Test connection.
 */
export function CrmSection({ value, onChange, onCheck }: CrmSectionProps) {
  const t = useStaffT();
  const choices: readonly Choice<Connector>[] = CRM_CONNECTORS.map((kind) => ({
    value: kind, label: t(CRM_CONNECTOR_LABELS[kind]), hint: t(HINTS[kind]), testId: `options-crm-connector-${kind}`,
  }));
  const errors = useContext(ErrorsContext);
  const hasErrors = (kind: Connector) => [...errors.keys()].some((f) => f.startsWith(`crm.${kind}.`));
  const shown = CRM_CONNECTORS.filter((k): k is Exclude<Connector, 'none'> => k !== 'none' && (k === value.connector || hasErrors(k)));
  const off = value.connector === 'none';
  const set = <K extends keyof CrmDraft>(key: K) => (v: CrmDraft[K]) => onChange({ ...value, [key]: v });
  const setPersona = (key: keyof CrmDraft['persona']) => (v: string) => onChange({ ...value, persona: { ...value.persona, [key]: v } });
  return (
    <section class="card" id="crm" aria-labelledby="crm-title">
      <h2 id="crm-title">{t('options.section.crm')}</h2>
      <p class="section-intro">{t('options.crm.intro')}</p>
      <RadioGroup field="crm.connector" legend={t(CRM_LABELS.connector)} value={value.connector} choices={choices} onChange={set('connector')} />
      {shown.map((k) => <CrmConnectorFields key={k} kind={k} inUse={k === value.connector} value={value} onChange={onChange} />)}
      {/* Editable while off too: everything can be prepared before sync is switched on. */}
      <div class={`crm-common${off ? ' off' : ''}`}>
        <h3 class="sub">{t('options.crm.interaction')}</h3>
        <div class="grid">
          <Field field="crm.interactionClass" label={t(CRM_LABELS.interactionClass)} value={value.interactionClass} testId="options-crm-interactionClass"
            onInput={set('interactionClass')} hint={t('options.crm.interactionClassHint')} />
          <Field field="crm.flowName" label={t(CRM_LABELS.flowName)} value={value.flowName} testId="options-crm-flowName"
            onInput={set('flowName')} hint={t('options.crm.flowNameHint')} />
        </div>
        <h3 class="sub">{t(CRM_LABELS.persona)}</h3>
        <p class="hint">{t('options.crm.personaHint')}</p>
        <div class="grid">
          <Field field="crm.persona.contactId" label={t(CRM_LABELS['persona.contactId'])} value={value.persona.contactId}
            testId="options-crm-persona-contactId" onInput={setPersona('contactId')} />
          <Field field="crm.persona.accountNumber" label={t(CRM_LABELS['persona.accountNumber'])} value={value.persona.accountNumber}
            testId="options-crm-persona-accountNumber" onInput={setPersona('accountNumber')} />
          <Field field="crm.persona.name" label={t(CRM_LABELS['persona.name'])} value={value.persona.name}
            testId="options-crm-persona-name" onInput={setPersona('name')} hint={t('options.crm.optional')} />
        </div>
        <Checkbox field="crm.recordOutcomes" label={t(CRM_LABELS.recordOutcomes)} checked={value.recordOutcomes} testId="options-crm-recordOutcomes"
          onChange={set('recordOutcomes')}
          hint={t(off || CRM_RECORDS_OUTCOMES[value.connector] ? 'options.crm.outcomesHint' : 'options.crm.noOutcomesHint')} />
      </div>
      {off ? <p class="hint">{t('options.crm.offHint')}</p> : <CrmTest value={value} onCheck={onCheck} />}
    </section>
  );
}
