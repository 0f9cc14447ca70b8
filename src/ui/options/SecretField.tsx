import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { rich } from '../i18n/rich';
import { useStaffT } from '../i18n/staff';
import { FieldNotes, useFieldState } from './Field';

/** Props of {@link SecretField}. */
export interface SecretFieldProps {
  field: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: ComponentChildren;
  testId?: string;
  class?: string;
}

/**
 * A password input with a Show / Hide toggle: hidden by default (demos are screen-shared),
 * readable on demand to check what was pasted. The toggle is a pressed-state button, so
 * screen readers say whether the secret is shown.
 */
export function SecretField({ field, label, value, onInput, hint, testId, class: cls }: SecretFieldProps) {
  const t = useStaffT();
  const { id, errors, describedBy, invalid } = useFieldState(field, Boolean(hint));
  const [shown, setShown] = useState(false);
  return (
    <div class={`field${errors ? ' invalid' : ''}${cls ? ` ${cls}` : ''}`}>
      <label for={id}>{label}</label>
      <div class="secret-row">
        <input id={id} name={id} type={shown ? 'text' : 'password'} value={value} autocomplete="off" spellcheck={false}
          aria-invalid={invalid} aria-describedby={describedBy} data-testid={testId}
          onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)} />
        <button type="button" class="secondary small" aria-pressed={shown} aria-controls={id} data-testid={testId ? `${testId}-toggle` : undefined}
          onClick={() => setShown((s) => !s)}>
          {/* The field's name for screen readers only: the button sits next to its label. */}
          {rich(t, shown ? 'options.secret.hide' : 'options.secret.show', { field: <span class="sr-only">{label.toLowerCase()}</span> })}
        </button>
      </div>
      <FieldNotes id={id} hint={hint} errors={errors} />
    </div>
  );
}
