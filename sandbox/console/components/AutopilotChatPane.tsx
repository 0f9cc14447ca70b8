/**
 * A chat the autopilot rings for, handles, or stopped on, as a human watches it: the
 * transcript (read again whenever the autopilot's state changes), what the autopilot is doing,
 * and "Take over": the human joins under a nickname and the autopilot leaves (a warm transfer),
 * after which the chat is the human's, in their own list. Also the chat's report.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AutopilotChat } from '../../autopilot/status.ts';
import type { Credentials } from '../api.ts';
import { getWatchedChat, takeOver, type WatchedChat } from '../demo-api.ts';
import { ReportButtons } from './ReportButtons.tsx';
import { Transcript } from './Transcript.tsx';

/** Props of AutopilotChatPane. */
export interface AutopilotChatPaneProps {
  chat: AutopilotChat;
  creds: Credentials;
  /** Changes when the autopilot's state changed (AutopilotUpdated). */
  revision: number;
  /** The human took the chat over: the desk shows it as their own. */
  onTakenOver(chatId: string): void;
}

const STATUS = { ringing: 'rings for', chatting: 'is chatting as', stopped: 'stopped on this chat' } as const;

/** The watched chat. */
export function AutopilotChatPane({ chat: c, creds, revision, onTakenOver }: AutopilotChatPaneProps) {
  const [chat, setChat] = useState<WatchedChat | null>(null);
  const [nickname, setNickname] = useState(creds.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    getWatchedChat(creds, c.chatId).then((w) => current && setChat(w), () => current && setChat(null));
    return () => {
      current = false;
    };
  }, [c.chatId, revision]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await takeOver(creds, c.chatId, nickname.trim());
      onTakenOver(c.chatId);
    } catch (err) {
      setError((err as Error).message);
    }
    setBusy(false);
  };

  const status = c.state === 'stopped' ? `The autopilot (${c.nickname ?? c.agent}) stopped on this chat: ${c.reason ?? ''}.`
    : c.state === 'ringing' ? `The autopilot ${STATUS.ringing} this chat and will accept it in a moment.` : `The autopilot ${STATUS.chatting} ${c.nickname ?? c.agent}.`;
  return (
    <section class="pane" aria-labelledby="pane-title" data-testid="autopilot-pane">
      <header class="pane-head">
        <div>
          <h2 id="pane-title">{c.visitor}</h2>
          <p class="muted small">{c.queue} · autopilot {c.agent}</p>
        </div>
        <span class={`state state-${c.state === 'stopped' ? 'Ended' : c.state === 'ringing' ? 'Offered' : 'Chatting'}`} data-testid="autopilot-state">{c.state}</span>
        <ReportButtons chatId={c.chatId} creds={creds} />
      </header>
      <p class="notice" role="status" data-testid="autopilot-status">{status}{c.lastError ? ` Last error: ${c.lastError}` : ''}</p>
      {error && <p class="error" role="alert">{error}</p>}
      <Transcript messages={chat?.messages ?? []} />
      {c.state !== 'stopped' && (
        <form class="accept" onSubmit={submit}>
          <label for="takeover-nickname">Take this chat over as</label>
          <div class="accept-row">
            <input id="takeover-nickname" data-testid="takeover-nickname" required maxLength={100} value={nickname}
              onInput={(e) => setNickname(e.currentTarget.value)} />
            <button class="primary" type="submit" data-testid="takeover-button" disabled={busy || nickname.trim() === ''}>Take over</button>
          </div>
          <p class="muted small">The visitor sees you join and {c.nickname ?? 'the autopilot'} leave; the autopilot stops on this chat.</p>
        </form>
      )}
    </section>
  );
}
