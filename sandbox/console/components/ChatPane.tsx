/**
 * The selected chat: who and where the visitor is, the transcript, and what the agent can
 * do in the chat's state (accept or reject an offer; write, transfer, consult, end; or
 * close a chat the visitor left).
 */
import { useState } from 'preact/hooks';
import type { CannedReply } from '../../canned/schemas.ts';
import type { Interaction } from '../../engine/types.ts';
import { act, type Credentials, fetchFile, sendFile } from '../api.ts';
import { saveBlob } from '../downloads.ts';
import { isTyping } from '../state.ts';
import { AcceptForm } from './AcceptForm.tsx';
import { ChatActions } from './ChatActions.tsx';
import { Composer } from './Composer.tsx';
import { CrmPanel } from './CrmPanel.tsx';
import { FilePicker } from './FilePicker.tsx';
import { ReportButtons } from './ReportButtons.tsx';
import { Transcript } from './Transcript.tsx';
import { VisitorContext } from './VisitorContext.tsx';

/** Props of ChatPane. */
export interface ChatPaneProps {
  interaction: Interaction;
  creds: Credentials;
  agents: string[];
  queues: string[];
  /** Changes when the chat's CRM interaction should be read again (see CrmPanel). */
  crmRevision: string;
  /** Canned replies for the composer's `/` list, and what to call when it opens. */
  canned?: CannedReply[];
  onCannedOpen?(): void;
  /** Set when the autopilot stopped on this chat (a takeover): says so above the transcript. */
  autopilotNote?: string | null;
}

/** A line saying why an offered chat is offered, or null for an ordinary queue offer. */
function offerNote(i: Interaction): string | null {
  if (i.offer?.kind === 'Consultation') return `${i.offer.from ?? 'An agent'} asks you to consult on this chat. The visitor will not see you or your messages.`;
  if (i.offer?.kind === 'Transfer') return `${i.offer.from ?? 'An agent'} transferred this chat to you.`;
  if (i.offer?.from) return `${i.offer.from} transferred this chat to ${i.queue}.`;
  return null;
}

/** The chat pane. */
export function ChatPane({ interaction: i, creds, agents, queues, crmRevision, canned = [], onCannedOpen, autopilotNote = null }: ChatPaneProps) {
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

  /** Sends the visitor a file. */
  const attach = async (file: File): Promise<boolean> => {
    setError(null);
    try {
      await sendFile(creds, i.id, file);
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    }
  };

  /** Saves a file of the chat: fetched with the agent's credentials, handed to the browser as a download. */
  const download = async (fileId: string, name: string): Promise<void> => {
    setError(null);
    try {
      saveBlob(await fetchFile(creds, i.id, fileId), name);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const consultant = i.role === 'Consultant';
  const endLabel = i.state === 'Ended' ? 'Close chat' : consultant ? 'Leave consultation' : 'End chat';
  const note = offerNote(i);
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
        {i.state !== 'Offered' && <ReportButtons chatId={i.id} creds={creds} />}
        {i.state !== 'Offered' && (
          <button type="button" class="danger" data-testid="end-chat" onClick={() => void run({ operationName: 'StopProcessing' })}>
            {endLabel}
          </button>
        )}
      </header>
      <div class="context-row">
        <VisitorContext userData={i.userData} />
        <CrmPanel chatId={i.id} creds={creds} revision={crmRevision} />
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {autopilotNote && <p class="notice" role="status" data-testid="autopilot-stopped">{autopilotNote}</p>}
      <Transcript messages={i.messages} onDownload={download} />
      {isTyping(i.messages, 'Customer') && i.state === 'Chatting' && (
        <p class="typing" role="status" data-testid="visitor-typing">{i.customer.nickname} is typing…</p>
      )}
      {i.state === 'Offered' && note && <p class="notice" data-testid="offer-note">{note}</p>}
      {i.state === 'Offered' && (
        <AcceptForm defaultNickname={creds.name} onAccept={(nickname) => run({ operationName: 'Accept', nickname })}
          onReject={() => run({ operationName: 'Reject' })} />
      )}
      <ChatActions interaction={i} me={creds.name} agents={agents} queues={queues} run={run} />
      {consultant && i.state === 'Chatting' && <p class="notice">You are consulting: only agents see what you write here.</p>}
      {i.state === 'Chatting' && (
        <Composer to={consultant ? 'the agents' : i.customer.nickname} run={run}
          canKeepAmongAgents={!consultant && i.consultation?.state === 'Joined'}
          canned={canned} userData={i.userData} onCannedOpen={onCannedOpen} />
      )}
      {i.state === 'Chatting' && !consultant && i.customerApi === 'GMS' && <FilePicker onSend={attach} />}
      {i.state === 'Ended' && <p class="notice">The visitor left the chat. Close it when you have finished your notes.</p>}
    </section>
  );
}
