import { useEffect, useRef, useState } from 'preact/hooks';
import { useWords } from '../i18n/words';

/** Props of {@link Composer}. */
export interface ComposerProps {
  disabled: boolean;
  onSend: (text: string) => void;
  /** Told when the visitor starts and stops typing (only on changes, so it is throttled by nature). */
  onTyping?: (typing: boolean) => void;
  autoFocus?: boolean;
  /** Text to start with (a draft kept across a reload of the page frame). */
  initialText?: string;
  /** Told of every change of the text, including the clear after sending. */
  onTextChange?: (text: string) => void;
}

/** Typing counts as stopped after this long without a keystroke. */
const TYPING_IDLE_MS = 5_000;

/** The message box: Enter sends, Shift+Enter starts a new line. */
export function Composer({ disabled, onSend, onTyping, autoFocus = false, initialText = '', onTextChange }: ComposerProps) {
  const { t } = useWords();
  const [text, setTextState] = useState(initialText);
  const setText = (value: string) => {
    setTextState(value);
    onTextChange?.(value);
  };
  const field = useRef<HTMLTextAreaElement>(null);
  const typing = useRef<{ on: boolean; idle?: ReturnType<typeof setTimeout> }>({ on: false });
  const setTyping = (on: boolean) => {
    clearTimeout(typing.current.idle);
    if (on) typing.current.idle = setTimeout(() => setTyping(false), TYPING_IDLE_MS);
    if (typing.current.on !== on) onTyping?.(on);
    typing.current.on = on;
  };
  useEffect(() => () => clearTimeout(typing.current.idle), []);
  const submit = () => {
    const trimmed = text.trim();
    if (!trimmed || disabled) return;
    onSend(trimmed);
    setText('');
    setTyping(false);
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
        {t('composer.label')}
      </label>
      <textarea
        id="bk-composer-field"
        ref={field}
        rows={2}
        maxLength={4000}
        placeholder={disabled ? t('composer.ended') : t('composer.placeholder')}
        value={text}
        disabled={disabled}
        autoFocus={autoFocus}
        data-testid="beckon-composer"
        onInput={(e) => {
          const value = (e.currentTarget as HTMLTextAreaElement).value;
          setText(value);
          setTyping(value.trim() !== '');
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <button type="submit" class="bk-btn bk-primary" disabled={disabled || !text.trim()} data-testid="beckon-send">
        {t('composer.send')}
      </button>
    </form>
  );
}
