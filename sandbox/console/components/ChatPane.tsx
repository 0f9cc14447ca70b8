/**
 * The selected chat: who and where the visitor is, the transcript, and what the agent can
 * do in the chat's state (accept an offer, write, end; or close a chat the visitor left).
 */
import { useState } from 'preact/hooks';
import type { Interaction } from '../../engine/types.ts';
import { act, type Credentials } from '../api.ts';
import { isTyping } from '../state.ts';
import { AcceptForm } from './AcceptForm.tsx';
import { Composer } from './Composer.tsx';
import { Transcript } from './Transcript.tsx';
import { VisitorContext } from './VisitorContext.tsx';

/** Props of ChatPane. */
export interface ChatPaneProps {
  interaction: Interaction;
  creds: Credentials;
}

/** The chat pane. */
export function ChatPane({ interaction: i, creds }: ChatPaneProps) {
  const [error, setError] = useState<string | null>(null);

  /** Runs an operation, showing the server's sentence if it fails. */
  const run = async (body: Record<string, unknown>): Promise<boolean> => {
    setError(null);
    try {
      await act(creds, i.id, body);
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    }
  };

  const endLabel = i.state === 'Ended' ? 'Close chat' : 'End chat';
  return (
    <section class="pane" aria-labelledby="pane-title">
      <header class="pane-head">
        <div>
          <h2 id="pane-title">{i.customer.nickname}</h2>
          <p class="muted small">
            {i.queue}
            {i.subject ? ` · ${i.subject}` : ''} · started {new Date(i.createdAt).toLocaleTimeString()}
          </p>
        </div>
        <span class={`state state-${i.state}`} data-testid="chat-state">{i.state === 'Offered' ? 'Waiting' : i.state}</span>
        {i.state !== 'Offered' && (
          <button type="button" class="danger" data-testid="end-chat" onClick={() => void run({ operationName: 'StopProcessing' })}>
            {endLabel}
          </button>
        )}
      </header>
      <VisitorContext userData={i.userData} />
      {error && <p class="error" role="alert">{error}</p>}
      <Transcript messages={i.messages} />
      {isTyping(i.messages, 'Customer') && i.state === 'Chatting' && (
        <p class="typing" role="status" data-testid="visitor-typing">{i.customer.nickname} is typing…</p>
      )}
      {i.state === 'Offered' && <AcceptForm defaultNickname={creds.name} onAccept={(nickname) => run({ operationName: 'Accept', nickname })} />}
      {i.state === 'Chatting' && <Composer to={i.customer.nickname} run={run} />}
      {i.state === 'Ended' && <p class="notice">The visitor left the chat. Close it when you have finished your notes.</p>}
    </section>
  );
}
