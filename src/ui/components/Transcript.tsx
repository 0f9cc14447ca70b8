import { useEffect, useRef } from 'preact/hooks';
import type { TranscriptEntry } from '../../core/chat-session';

const DELIVERY_LABEL = { pending: 'Sending…', sent: 'Sent', failed: 'Not delivered' } as const;

/** Clock time of a transcript line, in the visitor's locale. */
function timeOf(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * The transcript. Text is rendered as text (never HTML); new lines are announced to screen
 * readers through the polite live region; the list follows the newest line.
 */
export function Transcript({ entries, agentTyping, onRetry }: { entries: TranscriptEntry[]; agentTyping: boolean; onRetry?: (clientMessageId: string) => void }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [entries.length, agentTyping]);
  return (
    <ol class="bk-transcript" aria-live="polite" aria-label="Chat transcript" data-testid="beckon-transcript">
      {entries.map((e) =>
        e.kind === 'notice' ? (
          <li key={e.key} class="bk-notice" data-testid="beckon-notice">
            {e.text}
          </li>
        ) : (
          <li key={e.key} class={`bk-msg bk-from-${e.from}`} data-testid="beckon-message" data-from={e.from}>
            <span class="bk-meta">
              {e.from === 'visitor' ? 'You' : e.nickname} · {timeOf(e.at)}
              {e.delivery && e.delivery !== 'sent' ? (
                <span class={`bk-delivery bk-${e.delivery}`} data-testid="beckon-delivery">
                  {' '}
                  · {DELIVERY_LABEL[e.delivery]}
                  {e.delivery === 'failed' && onRetry && e.clientMessageId ? (
                    <button type="button" class="bk-btn bk-link bk-retry" data-testid="beckon-retry" onClick={() => onRetry(e.clientMessageId!)}>
                      Retry
                    </button>
                  ) : null}
                </span>
              ) : null}
            </span>
            <span class="bk-text" data-testid="beckon-message-text">
              {e.text}
            </span>
          </li>
        ),
      )}
      {agentTyping ? (
        <li class="bk-typing" data-testid="beckon-typing" ref={end}>
          Agent is typing…
        </li>
      ) : (
        <li class="bk-end" aria-hidden="true" ref={end} />
      )}
    </ol>
  );
}
