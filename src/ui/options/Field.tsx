import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { domId } from './field-errors';

/** The current errors by field name; fields look theirs up, so errors need no prop drilling. */
export const ErrorsContext = createContext<Map<string, string[]>>(new Map());

/** Ids and ARIA wiring of one field: its control, its hint and its error messages. */
export function useFieldState(field: string, hasHint: boolean) {
  const errors = useContext(ErrorsContext).get(field);
  const id = domId(field);
  const describedBy = [errors ? `${id}-error` : '', hasHint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return { id, errors, describedBy: describedBy || undefined, invalid: errors ? ('true' as const) : undefined };
}

/** A field's hint and errors, with the ids its control's `aria-describedby` points at. */
export function FieldNotes({ id, hint, errors }: { id: string; hint?: ComponentChildren; errors?: string[] }) {
  return (
    <>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      {errors ? (
        <p class="error" id={`${id}-error`} data-testid={`${id}-error`}>
          {errors.join(' ')}
        </p>
      ) : null}
    </>
  );
}

/** Props of {@link Field}. */
export interface FieldProps {
  /** Dotted form path (`rules.0.queue`): the key of its errors and, as `f-rules-0-queue`, its DOM id. */
  field: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: ComponentChildren;
  type?: 'text' | 'url' | 'number' | 'time';
  /** Renders a textarea of this many rows instead of an input. */
  rows?: number;
  testId?: string;
  placeholder?: string;
  /** Extra class on the wrapper (e.g. `narrow`). */
  class?: string;
  min?: number;
  max?: number;
  /** A `<datalist>` id with suggestions (e.g. time zones). */
  list?: string;
  /** Keeps the label for screen readers only, where column headings already say it visually. */
  hideLabel?: boolean;
}

/** A labelled input or textarea whose hint and error are tied to it for screen readers. */
export function Field({ field, label, value, onInput, hint, type = 'text', rows, testId, placeholder, class: cls, min, max, list, hideLabel }: FieldProps) {
  const { id, errors, describedBy, invalid } = useFieldState(field, Boolean(hint));
  const common = {
    id,
    name: id,
    value,
    placeholder,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    'data-testid': testId,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={`field${errors ? ' invalid' : ''}${cls ? ` ${cls}` : ''}`}>
      <label for={id} class={hideLabel ? 'sr-only' : undefined}>{label}</label>
      {rows ? (
        <textarea {...common} rows={rows} spellcheck={false} />
      ) : (
        <input {...common} type={type} min={min} max={max} list={list} step={type === 'number' ? 'any' : undefined} />
      )}
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}
