import { useRef, useState } from 'preact/hooks';

/** Props of {@link Composer}. */
export interface ComposerProps {
  disabled: boolean;
  onSend: (text: string) => void;
  autoFocus?: boolean;
}

/** The message box: Enter sends, Shift+Enter starts a new line. */
export function Composer({ disabled, onSend, autoFocus = false }: ComposerProps) {
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const submit = () => {
    const trimmed = text.trim();
    if (!trimmed || disabled) return;
    onSend(trimmed);
    setText('');
    field.current?.focus();
  };
  return (
    <form
      class="bk-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label class="bk-sr-only" for="bk-composer-field">
        Message
      </label>
      <textarea
        id="bk-composer-field"
        ref={field}
        rows={2}
        maxLength={4000}
        placeholder={disabled ? 'This chat has ended' : 'Type a message…'}
        value={text}
        disabled={disabled}
        autoFocus={autoFocus}
        data-testid="beckon-composer"
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <button type="submit" class="bk-btn bk-primary" disabled={disabled || !text.trim()} data-testid="beckon-send">
        Send
      </button>
    </form>
  );
}
