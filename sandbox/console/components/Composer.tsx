/**
 * The message box. Enter sends, Shift+Enter starts a new line. Typing notices are
 * throttled: one TypingStarted per burst of typing, TypingStopped after a pause or when
 * the box is emptied (a sent message ends typing by itself on the server).
 *
 * Typing `/` opens the canned replies (CannedPicker.tsx), filtered by what follows the slash:
 * ↑/↓ choose, Enter puts the chosen reply (placeholders filled from the chat's user data) into
 * the box to be read and sent, Escape closes the list. The box is then an ARIA combobox.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fillPlaceholders } from '../../autopilot/placeholders.ts';
import type { CannedReply } from '../../canned/schemas.ts';
import { newClientMessageId } from '../api.ts';
import { cannedQuery, matchCanned } from '../canned-match.ts';
import { CANNED_LIST_ID, CannedPicker, cannedOptionId } from './CannedPicker.tsx';

/** Pause after the last keystroke before the agent counts as no longer typing. */
const TYPING_IDLE_MS = 4000;

/** Props of Composer. */
export interface ComposerProps {
  /** The visitor's nickname, for the label. */
  to: string;
  run(body: Record<string, unknown>): Promise<boolean>;
  /** Offer an "agents only" switch (during a consultation the consulting agent started). */
  canKeepAmongAgents?: boolean;
  /** Canned replies for the `/` list (none: no list). */
  canned?: CannedReply[];
  /** The chat's user data, for the canned replies' placeholders. */
  userData?: Record<string, string>;
  /** Called when the `/` list opens (the desk reads the replies again). */
  onCannedOpen?(): void;
}

/** The composer. */
export function Composer({ to, run, canKeepAmongAgents = false, canned = [], userData = {}, onCannedOpen }: ComposerProps) {
  const [text, setText] = useState('');
  const [agentsOnly, setAgentsOnly] = useState(false);
  const [sending, setSending] = useState(false);
  const [active, setActive] = useState(0);
  // The text for which the agent closed the list with Escape: it stays closed until the text changes.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout>>();

  const query = cannedQuery(text);
  const open = canned.length > 0 && query !== null && dismissed !== text;
  const matches = open ? matchCanned(canned, query) : [];
  useEffect(() => {
    if (open) onCannedOpen?.();
  }, [open]);
  useEffect(() => setActive(0), [query]);

  const setTyping = (on: boolean) => {
    clearTimeout(idle.current);
    if (on) idle.current = setTimeout(() => setTyping(false), TYPING_IDLE_MS);
    if (typing.current === on) return;
    typing.current = on;
    void run({ operationName: 'SendNotification', notifcation: on ? 'TypingStarted' : 'TypingStopped' });
  };
  useEffect(() => () => clearTimeout(idle.current), []);

  const pick = (reply: CannedReply) => {
    setText(fillPlaceholders(reply.text, userData).slice(0, 4000));
    setTyping(true);
  };

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

  const onKeyDown = (e: KeyboardEvent) => {
    if (open && !e.isComposing) {
      const n = matches.length;
      if (e.key === 'ArrowDown' && n > 0) return (e.preventDefault(), setActive((active + 1) % n));
      if (e.key === 'ArrowUp' && n > 0) return (e.preventDefault(), setActive((active - 1 + n) % n));
      if (e.key === 'Escape') return (e.preventDefault(), setDismissed(text));
      if (e.key === 'Enter' && !e.shiftKey && n > 0) return (e.preventDefault(), pick(matches[active]!));
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void send();
    }
  };

  return (
    <form class="composer" onSubmit={(e) => { e.preventDefault(); void send(); }}>
      <label for="composer-text" class="visually-hidden">Message to {to}</label>
      <div class="composer-box">
        <textarea id="composer-text" data-testid="composer" rows={2} maxLength={4000}
          placeholder={`Message ${to}… (Enter to send, Shift+Enter for a new line${canned.length > 0 ? ', / for canned replies' : ''})`}
          role={canned.length > 0 ? 'combobox' : undefined} aria-autocomplete={canned.length > 0 ? 'list' : undefined}
          aria-expanded={canned.length > 0 ? open : undefined} aria-controls={open ? CANNED_LIST_ID : undefined}
          aria-activedescendant={open && matches.length > 0 ? cannedOptionId(active) : undefined}
          value={text}
          onInput={(e) => {
            const value = e.currentTarget.value;
            setText(value);
            setTyping(value.trim() !== '' && cannedQuery(value) === null);
          }}
          onKeyDown={onKeyDown} />
        {open && <CannedPicker matches={matches} active={active} userData={userData} onPick={pick} />}
      </div>
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
