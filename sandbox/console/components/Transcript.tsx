/**
 * The chat transcript. Text is rendered as text nodes (never as HTML): what a visitor types
 * is untrusted. Typing notices are not lines of their own; the pane shows them as a status.
 * `role="log"` with `aria-live="polite"` makes screen readers announce new lines.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { AgentMessage } from '../../engine/types.ts';

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function describe(m: AgentMessage): string | null {
  const who = m.from.type === 'Agent' ? `${m.from.nickname} (agent)` : m.from.nickname;
  if (m.type === 'ParticipantJoined') return `${who} joined the chat`;
  if (m.type === 'ParticipantLeft') return `${who} left the chat`;
  return null;
}

/** The transcript list. */
export function Transcript({ messages }: { messages: AgentMessage[] }) {
  const list = useRef<HTMLOListElement>(null);
  const shown = messages.filter((m) => m.type !== 'TypingStarted' && m.type !== 'TypingStopped');

  // Follow new messages, unless the agent scrolled up to read older ones.
  useEffect(() => {
    const el = list.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 120) el.scrollTop = el.scrollHeight;
  }, [shown.length]);

  return (
    <ol class="transcript" ref={list} role="log" aria-live="polite" aria-label="Transcript" data-testid="transcript">
      {shown.map((m) => {
        const system = describe(m);
        if (system !== null || m.type !== 'Text') {
          return (
            <li key={m.index} class="system" data-testid="transcript-message" data-type={m.type} data-visibility={m.visibility}>
              {system ?? m.type}{m.visibility === 'Agents' ? ' (agents only)' : ''} · {time(m.utcTime)}
            </li>
          );
        }
        return (
          <li key={m.index} class={`bubble from-${m.from.type.toLowerCase()} ${m.visibility === 'Agents' ? 'agents-only' : ''}`}
            data-testid="transcript-message" data-type={m.type} data-visibility={m.visibility}>
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
