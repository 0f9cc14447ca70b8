/**
 * The chat transcript. Text is rendered as text nodes (never as HTML): what a visitor types
 * is untrusted. Typing notices are not lines of their own; the pane shows them as a status.
 * Files (either side) get a line with a Download button (FileLine.tsx); what the GMS dialect
 * adds (a new nickname, a custom notice, a pushed page) reads as a sentence, a pushed page a
 * link only when it is http(s). `role="log"` with `aria-live="polite"` makes screen readers
 * announce new lines.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { AgentMessage } from '../../engine/types.ts';
import { FileLine } from './FileLine.tsx';
import { isHttpUrl } from './VisitorContext.tsx';

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function describe(m: AgentMessage): string | null {
  const who = m.from.type === 'Agent' ? `${m.from.nickname} (agent)` : m.from.nickname;
  if (m.type === 'ParticipantJoined') return `${who} joined the chat`;
  if (m.type === 'ParticipantLeft') return `${who} left the chat`;
  if (m.type === 'NicknameUpdated') return `The visitor is now called ${m.text ?? m.from.nickname}`;
  if (m.type === 'CustomNotice') return `Notice from ${who}: ${m.text ?? ''}`;
  return null;
}

/** Props of Transcript. */
export interface TranscriptProps {
  messages: AgentMessage[];
  /** Saves a file of the chat (FileLine's Download). */
  onDownload?(fileId: string, name: string): Promise<void>;
}

/** The transcript list. */
export function Transcript({ messages, onDownload = async () => {} }: TranscriptProps) {
  const list = useRef<HTMLOListElement>(null);
  const shown = messages.filter((m) => m.type !== 'TypingStarted' && m.type !== 'TypingStopped');
  const deleted = new Set(messages.filter((m) => m.type === 'FileDeleted').map((m) => m.userData?.['file-id'] ?? m.text));

  // Follow new messages, unless the agent scrolled up to read older ones.
  useEffect(() => {
    const el = list.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 120) el.scrollTop = el.scrollHeight;
  }, [shown.length]);

  return (
    <ol class="transcript" ref={list} role="log" aria-live="polite" aria-label="Transcript" data-testid="transcript">
      {shown.map((m) => {
        const attrs = { key: m.index, 'data-testid': 'transcript-message', 'data-type': m.type, 'data-visibility': m.visibility };
        if (m.type === 'FileUploaded' || m.type === 'FileDeleted') {
          return (
            <li {...attrs} class="system file">
              <FileLine message={m} deleted={deleted.has(m.userData?.['file-id'] ?? m.text)} onDownload={onDownload} /> · {time(m.utcTime)}
            </li>
          );
        }
        if (m.type === 'PushUrl') {
          const url = m.text ?? '';
          return (
            <li {...attrs} class="system">
              {m.from.nickname} shared a page: {isHttpUrl(url) ? <a href={url} target="_blank" rel="noopener noreferrer">{url}</a> : url} · {time(m.utcTime)}
            </li>
          );
        }
        const system = describe(m);
        if (system !== null || m.type !== 'Text') {
          return (
            <li {...attrs} class="system">
              {system ?? m.type}{m.visibility === 'Agents' ? ' (agents only)' : ''} · {time(m.utcTime)}
            </li>
          );
        }
        return (
          <li {...attrs} class={`bubble from-${m.from.type.toLowerCase()} ${m.visibility === 'Agents' ? 'agents-only' : ''}`}>
            <span class="meta">
              {m.from.nickname} · {time(m.utcTime)}{m.visibility === 'Agents' ? ' · agents only' : ''}
            </span>
            <span class="text">{m.text}</span>
          </li>
        );
      })}
    </ol>
  );
}
