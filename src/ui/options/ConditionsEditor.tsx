import { useState } from 'preact/hooks';
import type { Condition } from '../../core/rules/rule-schema';
import { NUMERIC_SIGNALS, type NumericSignal } from '../../core/rules/signals';
import { useStaffT } from '../i18n/staff';
import { RadioGroup, Select } from './Controls';
import type { ConditionDraft, RuleDraft } from './draft';
import { Field } from './Field';
import { domId } from './field-errors';
import { CONDITION_KIND_LABELS, CONDITION_LABELS, SIGNAL_LABELS } from './labels';
import { newConditionDraft, removeAt, replaceAt } from './rule-drafts';

const KINDS = Object.keys(CONDITION_KIND_LABELS) as Condition['kind'][];
/** What an element condition's selector field means; the page's context menu makes click rules too. */
const ELEMENT_HINTS = { elementVisible: 'options.condition.elementVisibleHint', elementClicked: 'options.condition.elementClickedHint' } as const;

/** Props of {@link ConditionsEditor}. */
export interface ConditionsEditorProps {
  /** The rule's index. */
  index: number;
  match: RuleDraft['match'];
  conditions: ConditionDraft[];
  onMatch: (match: RuleDraft['match']) => void;
  onChange: (conditions: ConditionDraft[]) => void;
}

/** The fields of one condition, by kind. */
function ConditionFields({ c, field, testId, onChange }: { c: ConditionDraft; field: string; testId: string; onChange: (c: ConditionDraft) => void }) {
  const t = useStaffT();
  const f = (name: string) => `${field}.${name}`;
  switch (c.kind) {
    case 'pageName':
    case 'referrer':
      return (
        <Field field={f('pattern')} label={t(CONDITION_LABELS.pattern)} value={c.pattern} testId={`${testId}-pattern`} class="wide"
          onInput={(pattern) => onChange({ ...c, pattern })}
          hint={t(c.kind === 'pageName' ? 'options.condition.pageNameHint' : 'options.condition.referrerHint')} />
      );
    case 'query':
      return (
        <>
          <Field field={f('param')} label={t(CONDITION_LABELS.param)} value={c.param} testId={`${testId}-param`} onInput={(param) => onChange({ ...c, param })}
            hint={t('options.condition.paramHint')} />
          <Select field={f('test')} label={t(CONDITION_LABELS.test)} value={c.test} testId={`${testId}-test`} onChange={(test) => onChange({ ...c, test })}
            choices={[{ value: 'present', label: t('options.condition.test.present') }, { value: 'equals', label: t('options.condition.test.equals') }]} />
          {c.test === 'equals' ? (
            <Field field={f('equals')} label={t(CONDITION_LABELS.equals)} value={c.equals} testId={`${testId}-equals`} onInput={(equals) => onChange({ ...c, equals })} />
          ) : null}
        </>
      );
    case 'signal':
      return (
        <>
          <Select<NumericSignal> field={f('signal')} label={t(CONDITION_LABELS.signal)} value={c.signal} testId={`${testId}-signal`}
            choices={NUMERIC_SIGNALS.map((s) => ({ value: s, label: t(SIGNAL_LABELS[s]) }))} onChange={(signal) => onChange({ ...c, signal })} />
          <Field field={f('min')} label={t(CONDITION_LABELS.min)} type="number" min={0} value={c.min} testId={`${testId}-min`} class="narrow"
            onInput={(min) => onChange({ ...c, min })} />
        </>
      );
    case 'exitIntent':
      return <p class="hint condition-text">{t('options.condition.exitIntentText')}</p>;
    case 'elementVisible':
    case 'elementClicked':
      return (
        <Field field={f('selector')} label={t(CONDITION_LABELS.selector)} value={c.selector} testId={`${testId}-selector`} class="wide"
          onInput={(selector) => onChange({ ...c, selector })} hint={t(ELEMENT_HINTS[c.kind])} />
      );
  }
}

/** A rule's conditions: all or any must hold; add and remove conditions of every kind. */
export function ConditionsEditor({ index, match, conditions, onMatch, onChange }: ConditionsEditorProps) {
  const t = useStaffT();
  const [kind, setKind] = useState<Condition['kind']>('signal');
  const base = `rules.${index}.conditions`;
  return (
    // The id lets the error summary reach list-level problems (e.g. too many conditions).
    <div class="conditions" id={domId(base)}>
      <RadioGroup field={`rules.${index}.match`} legend={t('options.rule.match')} value={match} onChange={onMatch} inline choices={[
        { value: 'all', label: t('options.conditions.all'), testId: `options-rule-${index}-match-all` },
        { value: 'any', label: t('options.conditions.any'), testId: `options-rule-${index}-match-any` },
      ]} />
      {conditions.length === 0 ? <p class="empty">{t('options.conditions.empty')}</p> : null}
      {conditions.map((c, j) => {
        const legendId = `cond-${index}-${j}`;
        return (
          <fieldset class="condition" key={j} aria-labelledby={legendId} data-testid={`options-rule-${index}-condition-${j}`}>
            <div class="condition-head">
              <span id={legendId} class="condition-title">{t('options.conditions.title', { n: j + 1, kind: t(CONDITION_KIND_LABELS[c.kind]) })}</span>
              <button type="button" class="ghost danger small" aria-describedby={legendId} onClick={() => onChange(removeAt(conditions, j))}
                data-testid={`options-rule-${index}-condition-${j}-remove`}>
                {t('options.conditions.remove')}
              </button>
            </div>
            <div class="condition-fields">
              <ConditionFields c={c} field={`${base}.${j}`} testId={`options-rule-${index}-condition-${j}`} onChange={(next) => onChange(replaceAt(conditions, j, next))} />
            </div>
          </fieldset>
        );
      })}
      <div class="add-row">
        <Select field={`${base}.newKind`} label={t('options.conditions.newKind')} value={kind} onChange={setKind} testId={`options-rule-${index}-new-condition-kind`}
          choices={KINDS.map((k) => ({ value: k, label: t(CONDITION_KIND_LABELS[k]) }))} />
        <button type="button" class="secondary" onClick={() => onChange([...conditions, newConditionDraft(kind)])} data-testid={`options-rule-${index}-add-condition`}>
          {t('options.conditions.add')}
        </button>
      </div>
    </div>
  );
}
