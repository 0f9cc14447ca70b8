import { useState } from 'preact/hooks';
import type { Condition } from '../../core/rules/rule-schema';
import { NUMERIC_SIGNALS, SIGNAL_LABELS, type NumericSignal } from '../../core/rules/signals';
import { RadioGroup, Select } from './Controls';
import type { ConditionDraft, RuleDraft } from './draft';
import { Field } from './Field';
import { domId } from './field-errors';
import { CONDITION_KIND_LABELS, CONDITION_LABELS, RULE_LABELS } from './labels';
import { newConditionDraft, removeAt, replaceAt } from './rule-drafts';

const KINDS = Object.keys(CONDITION_KIND_LABELS) as Condition['kind'][];
const SIGNAL_CHOICES = NUMERIC_SIGNALS.map((s) => ({ value: s, label: SIGNAL_LABELS[s] }));
/** What an element condition's selector field means; the page's context menu makes click rules too. */
const ELEMENT_HINTS = {
  elementVisible: 'Holds once an element matching it has been on screen on this page, e.g. #pricing or [data-testid="plans"].',
  elementClicked:
    'Holds once the visitor clicked an element matching it (or inside one) on this page, e.g. button[data-testid="apply"]. ' +
    'Right-click an element on an enabled site and choose "Offer a chat when this is clicked" to make such a rule.',
} as const;

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
  const f = (name: string) => `${field}.${name}`;
  switch (c.kind) {
    case 'pageName':
    case 'referrer':
      return (
        <Field field={f('pattern')} label={CONDITION_LABELS.pattern!} value={c.pattern} testId={`${testId}-pattern`} class="wide"
          onInput={(pattern) => onChange({ ...c, pattern })}
          hint={c.kind === 'pageName' ? 'Glob or /regex/ on the page name, e.g. *Payment*' : 'Glob or /regex/ on the referring URL, e.g. https://*.google.*/**'} />
      );
    case 'query':
      return (
        <>
          <Field field={f('param')} label={CONDITION_LABELS.param!} value={c.param} testId={`${testId}-param`} onInput={(param) => onChange({ ...c, param })}
            hint="e.g. utm_campaign" />
          <Select field={f('test')} label={CONDITION_LABELS.test!} value={c.test} testId={`${testId}-test`} onChange={(test) => onChange({ ...c, test })}
            choices={[{ value: 'present', label: 'is present' }, { value: 'equals', label: 'equals' }]} />
          {c.test === 'equals' ? (
            <Field field={f('equals')} label={CONDITION_LABELS.equals!} value={c.equals} testId={`${testId}-equals`} onInput={(equals) => onChange({ ...c, equals })} />
          ) : null}
        </>
      );
    case 'signal':
      return (
        <>
          <Select<NumericSignal> field={f('signal')} label={CONDITION_LABELS.signal!} value={c.signal} choices={SIGNAL_CHOICES} testId={`${testId}-signal`}
            onChange={(signal) => onChange({ ...c, signal })} />
          <Field field={f('min')} label={CONDITION_LABELS.min!} type="number" min={0} value={c.min} testId={`${testId}-min`} class="narrow"
            onInput={(min) => onChange({ ...c, min })} />
        </>
      );
    case 'exitIntent':
      return <p class="hint condition-text">The pointer leaves the page through the top of the window (towards the tabs or the address bar).</p>;
    case 'elementVisible':
    case 'elementClicked':
      return (
        <Field field={f('selector')} label={CONDITION_LABELS.selector!} value={c.selector} testId={`${testId}-selector`} class="wide"
          onInput={(selector) => onChange({ ...c, selector })} hint={ELEMENT_HINTS[c.kind]} />
      );
  }
}

/** A rule's conditions: all or any must hold; add and remove conditions of every kind. */
export function ConditionsEditor({ index, match, conditions, onMatch, onChange }: ConditionsEditorProps) {
  const [kind, setKind] = useState<Condition['kind']>('signal');
  const base = `rules.${index}.conditions`;
  return (
    // The id lets the error summary reach list-level problems (e.g. too many conditions).
    <div class="conditions" id={domId(base)}>
      <RadioGroup field={`rules.${index}.match`} legend={RULE_LABELS.match!} value={match} onChange={onMatch} inline choices={[
        { value: 'all', label: 'All of them', testId: `options-rule-${index}-match-all` },
        { value: 'any', label: 'Any of them', testId: `options-rule-${index}-match-any` },
      ]} />
      {conditions.length === 0 ? <p class="empty">No conditions: the rule offers as soon as a page matches its URL patterns.</p> : null}
      {conditions.map((c, j) => {
        const legendId = `cond-${index}-${j}`;
        return (
          <fieldset class="condition" key={j} aria-labelledby={legendId} data-testid={`options-rule-${index}-condition-${j}`}>
            <div class="condition-head">
              <span id={legendId} class="condition-title">Condition {j + 1}: {CONDITION_KIND_LABELS[c.kind]}</span>
              <button type="button" class="ghost danger small" aria-describedby={legendId} onClick={() => onChange(removeAt(conditions, j))}
                data-testid={`options-rule-${index}-condition-${j}-remove`}>
                Remove
              </button>
            </div>
            <div class="condition-fields">
              <ConditionFields c={c} field={`${base}.${j}`} testId={`options-rule-${index}-condition-${j}`} onChange={(next) => onChange(replaceAt(conditions, j, next))} />
            </div>
          </fieldset>
        );
      })}
      <div class="add-row">
        <Select field={`${base}.newKind`} label="New condition" value={kind} onChange={setKind} testId={`options-rule-${index}-new-condition-kind`}
          choices={KINDS.map((k) => ({ value: k, label: CONDITION_KIND_LABELS[k] }))} />
        <button type="button" class="secondary" onClick={() => onChange([...conditions, newConditionDraft(kind)])} data-testid={`options-rule-${index}-add-condition`}>
          Add condition
        </button>
      </div>
    </div>
  );
}
