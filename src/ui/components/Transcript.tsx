import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TranscriptEntry } from '../../core/chat-session';
import type { FileAnswer } from '../client';
import { FileLine } from './FileLine';

const DELIVERY_LABEL = { pending: 'Sending…', sent: 'Sent', failed: 'Not delivered' } as const;
/** Lines rendered at first, and how many more "Show earlier messages" adds: a long chat stays light. */
export const TRANSCRIPT_WINDOW = 200;

/** One formatter for every line (making one per call was most of a long chat's render time). */
const CLOCK = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

/** Clock time of a transcript line, in the visitor's locale ('' for a time stamp out of range). */
function timeOf(at: number): string {
  return Number.isFinite(at) && Math.abs(at) <= 8.64e15 ? CLOCK.format(at) : '';
}

interface LineProps {
  entry: TranscriptEntry;
  onRetry?: (clientMessageId: string) => void;
  onDownload?: (fileId: string) => Promise<FileAnswer>;
}

/** One line. Lines are never changed in place, so a line re-renders only when it is replaced. */
class Line extends Component<LineProps> {
  override shouldComponentUpdate(next: LineProps): boolean {
    return next.entry !== this.props.entry || Boolean(next.onRetry) !== Boolean(this.props.onRetry) || Boolean(next.onDownload) !== Boolean(this.props.onDownload);
  }

  override render({ entry: e, onRetry, onDownload }: LineProps) {
    if (e.kind === 'file' && e.file) {
      return <FileLine entry={{ ...e, file: e.file }} time={timeOf(e.at)} {...(onRetry ? { onRetry } : {})} {...(onDownload ? { onDownload } : {})} />;
    }
    if (e.kind === 'notice') {
      return (
        <li class="bk-notice" data-testid="beckon-notice">
          {e.text}
        </li>
      );
    }
    return (
      <li class={`bk-msg bk-from-${e.from}`} data-testid="beckon-message" data-from={e.from}>
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
    );
  }
}

/**
 * The transcript. Text is rendered as text (never HTML); new lines are announced to screen
 * readers through the polite live region; the list follows the newest line. Only the last
 * {@link TRANSCRIPT_WINDOW} lines are in the page until the visitor asks for earlier ones, and
 * a new line renders only itself: the cost of a message does not grow with the chat.
 */
export function Transcript({ entries, agentTyping, onRetry, onDownload }: {
  entries: TranscriptEntry[];
  agentTyping: boolean;
  onRetry?: (clientMessageId: string) => void;
  onDownload?: (fileId: string) => Promise<FileAnswer>;
}) {
  const end = useRef<HTMLLIElement>(null);
  const [shown, setShown] = useState(TRANSCRIPT_WINDOW);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [entries.length, agentTyping]);
  const hidden = Math.max(0, entries.length - shown);
  return (
    <ol class="bk-transcript" aria-live="polite" aria-label="Chat transcript" data-testid="beckon-transcript">
      {hidden > 0 ? (
        <li class="bk-earlier">
          <button type="button" class="bk-btn bk-link" data-testid="beckon-earlier" onClick={() => setShown(shown + TRANSCRIPT_WINDOW)}>
            Show earlier messages ({hidden})
          </button>
        </li>
      ) : null}
      {entries.slice(hidden).map((e) => (
        <Line key={e.key} entry={e} onRetry={onRetry} onDownload={onDownload} />
      ))}
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
