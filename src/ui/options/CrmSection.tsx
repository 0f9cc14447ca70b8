import { useContext } from 'preact/hooks';
import { CRM_CONNECTORS } from '../../core/crm/settings';
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

const HINTS: Record<Connector, string> = {
  none: 'Nothing is sent to a CRM.',
  sandbox: 'The CRM of the local Beckon Sandbox: interactions, switches, transcripts and outcomes show beside each chat in the agent console.',
  pega: 'Calls pega.CS (startInteraction, switchInteraction, endInteraction) in an open Pega Customer Service desktop tab.',
  webhook: 'POSTs each event as JSON to your endpoint, optionally signed.',
};

const CHOICES: readonly Choice<Connector>[] = CRM_CONNECTORS.map((value) => ({
  value, label: CRM_CONNECTOR_LABELS[value], hint: HINTS[value], testId: `options-crm-connector-${value}`,
}));

/**
 * CRM sync: where each chat's interaction goes (pega.CS startInteraction on accept,
 * switchInteraction when focus moves, endInteraction with the transcript), the chosen
 * connector's settings, what every connector sends, and Test connection.
 */
export function CrmSection({ value, onChange, onCheck }: CrmSectionProps) {
  const errors = useContext(ErrorsContext);
  const hasErrors = (kind: Connector) => [...errors.keys()].some((f) => f.startsWith(`crm.${kind}.`));
  const shown = CRM_CONNECTORS.filter((k): k is Exclude<Connector, 'none'> => k !== 'none' && (k === value.connector || hasErrors(k)));
  const off = value.connector === 'none';
  const set = <K extends keyof CrmDraft>(key: K) => (v: CrmDraft[K]) => onChange({ ...value, [key]: v });
  const setPersona = (key: keyof CrmDraft['persona']) => (v: string) => onChange({ ...value, persona: { ...value.persona, [key]: v } });
  return (
    <section class="card" id="crm" aria-labelledby="crm-title">
      <h2 id="crm-title">CRM sync</h2>
      <p class="section-intro">Each chat becomes an interaction in a CRM, kept in step with the chat; the CRM sync log below shows every event.</p>
      <RadioGroup field="crm.connector" legend={CRM_LABELS.connector!} value={value.connector} choices={CHOICES} onChange={set('connector')} />
      {shown.map((k) => <CrmConnectorFields key={k} kind={k} inUse={k === value.connector} value={value} onChange={onChange} />)}
      {/* Editable while off too: everything can be prepared before sync is switched on. */}
      <div class={`crm-common${off ? ' off' : ''}`}>
        <h3 class="sub">Interaction</h3>
        <div class="grid">
          <Field field="crm.interactionClass" label={CRM_LABELS.interactionClass!} value={value.interactionClass} testId="options-crm-interactionClass"
            onInput={set('interactionClass')} hint="The class of pega.CS.startInteraction, e.g. PegaCA-Work-Interaction-Chat." />
          <Field field="crm.flowName" label={CRM_LABELS.flowName!} value={value.flowName} testId="options-crm-flowName"
            onInput={set('flowName')} hint="The flow it starts, e.g. CPMInteraction." />
        </div>
        <h3 class="sub">{CRM_LABELS.persona}</h3>
        <p class="hint">The customer every interaction is about: sent as the ContactId and AccountNumber params.</p>
        <div class="grid">
          <Field field="crm.persona.contactId" label={CRM_LABELS['persona.contactId']!} value={value.persona.contactId}
            testId="options-crm-persona-contactId" onInput={setPersona('contactId')} />
          <Field field="crm.persona.accountNumber" label={CRM_LABELS['persona.accountNumber']!} value={value.persona.accountNumber}
            testId="options-crm-persona-accountNumber" onInput={setPersona('accountNumber')} />
          <Field field="crm.persona.name" label={CRM_LABELS['persona.name']!} value={value.persona.name}
            testId="options-crm-persona-name" onInput={setPersona('name')} hint="Optional." />
        </div>
        <Checkbox field="crm.recordOutcomes" label={CRM_LABELS.recordOutcomes} checked={value.recordOutcomes} testId="options-crm-recordOutcomes"
          onChange={set('recordOutcomes')}
          hint={off || CRM_RECORDS_OUTCOMES[value.connector]
            ? 'Offers made, accepted, declined, timed out and suppressed are sent too.'
            : 'Pega has no API for offer outcomes: with the Pega desktop, only interactions are recorded.'} />
      </div>
      {off ? <p class="hint">CRM sync is off: choose a connector to test it.</p> : <CrmTest value={value} onCheck={onCheck} />}
    </section>
  );
}
