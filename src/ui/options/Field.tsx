/** Props of {@link Field}. */
export interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  type?: 'text' | 'url' | 'number';
}

/** A labelled input whose error and hint are tied to it for screen readers. */
export function Field({ id, label, value, onInput, error, hint, type = 'text' }: FieldProps) {
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={`options-${id}`}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${id}-error`} data-testid={`options-${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
