/**
 * The message box. Enter sends, Shift+Enter starts a new line. Typing notices are
 * throttled: one TypingStarted per burst of typing, TypingStopped after a pause or when
 * the box is emptied (a sent message ends typing by itself on the server).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { newClientMessageId } from '../api.ts';

/** Pause after the last keystroke before the agent counts as no longer typing. */
const TYPING_IDLE_MS = 4000;

/** Props of Composer. */
export interface ComposerProps {
  /** The visitor's nickname, for the label. */
  to: string;
  run(body: Record<string, unknown>): Promise<boolean>;
  /** Offer an "agents only" switch (during a consultation the consulting agent started). */
  canKeepAmongAgents?: boolean;
}

/** The composer. */
export function Composer({ to, run, canKeepAmongAgents = false }: ComposerProps) {
  const [text, setText] = useState('');
  const [agentsOnly, setAgentsOnly] = useState(false);
  const [sending, setSending] = useState(false);
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout>>();

  const setTyping = (on: boolean) => {
    clearTimeout(idle.current);
    if (on) idle.current = setTimeout(() => setTyping(false), TYPING_IDLE_MS);
    if (typing.current === on) return;
    typing.current = on;
    void run({ operationName: 'SendNotification', notifcation: on ? 'TypingStarted' : 'TypingStopped' });
  };
  useEffect(() => () => clearTimeout(idle.current), []);

  const send = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    clearTimeout(idle.current);
    typing.current = false;
    // The same clientMessageId on a retry means the server stores the message once.
    const message = {
      operationName: 'SendMessage', text: body, clientMessageId: newClientMessageId(),
      ...(canKeepAmongAgents && agentsOnly ? { visibility: 'Agents' } : {}),
    };
    const sent = (await run(message)) || (await run(message));
    if (sent) setText('');
    setSending(false);
  };

  return (
    <form class="composer" onSubmit={(e) => { e.preventDefault(); void send(); }}>
      <label for="composer-text" class="visually-hidden">Message to {to}</label>
      <textarea id="composer-text" data-testid="composer" rows={2} maxLength={4000} placeholder={`Message ${to}… (Enter to send, Shift+Enter for a new line)`}
        value={text}
        onInput={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          setTyping(value.trim() !== '');
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            void send();
          }
        }} />
      {canKeepAmongAgents && (
        <label class="agents-only">
          <input type="checkbox" data-testid="composer-agents-only" checked={agentsOnly} onChange={(e) => setAgentsOnly(e.currentTarget.checked)} />
          Agents only
        </label>
      )}
      <button class="primary" type="submit" data-testid="send-button" disabled={sending || text.trim() === ''}>Send</button>
    </form>
  );
}
