import type { ComponentChildren } from 'preact';
import { FieldNotes, useFieldState } from './Field';

/** Props of {@link Checkbox}. */
export interface CheckboxProps {
  field: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ComponentChildren;
  testId?: string;
}

/** A checkbox with its label on the right, as platform checkboxes read. */
export function Checkbox({ field, label, checked, onChange, hint, testId }: CheckboxProps) {
  const { id, errors, describedBy, invalid } = useFieldState(field, Boolean(hint));
  return (
    <div class={`field check${errors ? ' invalid' : ''}`}>
      <div class="check-row">
        <input id={id} type="checkbox" checked={checked} aria-invalid={invalid} aria-describedby={describedBy} data-testid={testId}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
        <label for={id}>{label}</label>
      </div>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}

/** One choice of a {@link RadioGroup} or {@link Select}. */
export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
  testId?: string;
}

/** Props of {@link RadioGroup}. */
export interface RadioGroupProps<T extends string> {
  field: string;
  legend: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  /** Lays the choices out side by side (short labels). */
  inline?: boolean;
}

/**
 * Radio buttons in a fieldset whose legend names the question. The fieldset carries the
 * field's DOM id, so the error summary can focus it (focus lands on its checked radio).
 */
export function RadioGroup<T extends string>({ field, legend, value, choices, onChange, inline }: RadioGroupProps<T>) {
  const { id, errors, describedBy } = useFieldState(field, false);
  return (
    <fieldset id={id} class={`radios${inline ? ' inline' : ''}${errors ? ' invalid' : ''}`} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <div class="radio" key={c.value}>
          <input type="radio" id={`${id}-${c.value}`} name={id} value={c.value} checked={value === c.value} data-testid={c.testId}
            aria-describedby={c.hint ? `${id}-${c.value}-hint` : undefined} onChange={() => onChange(c.value)} />
          <label for={`${id}-${c.value}`}>{c.label}</label>
          {c.hint ? <p class="hint" id={`${id}-${c.value}-hint`}>{c.hint}</p> : null}
        </div>
      ))}
      <FieldNotes id={id} errors={errors} />
    </fieldset>
  );
}

/** Props of {@link Select}. */
export interface SelectProps<T extends string> {
  field: string;
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  testId?: string;
  class?: string;
}

/** A labelled native select (keyboard and screen-reader support come from the browser). */
export function Select<T extends string>({ field, label, value, choices, onChange, testId, class: cls }: SelectProps<T>) {
  const { id, errors, describedBy, invalid } = useFieldState(field, false);
  return (
    <div class={`field${errors ? ' invalid' : ''}${cls ? ` ${cls}` : ''}`}>
      <label for={id}>{label}</label>
      <select id={id} value={value} aria-invalid={invalid} aria-describedby={describedBy} data-testid={testId}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as T)}>
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
      <FieldNotes id={id} errors={errors} />
    </div>
  );
}
