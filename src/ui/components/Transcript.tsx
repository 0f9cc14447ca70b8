import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TranscriptEntry } from '../../core/chat-session';
import type { FileAnswer } from '../client';
import { useWords, type Words } from '../i18n/words';
import { FileLine } from './FileLine';

/** Lines rendered at first, and how many more "Show earlier messages" adds: a long chat stays light. */
export const TRANSCRIPT_WINDOW = 200;

interface LineProps {
  entry: TranscriptEntry;
  /** The visitor's words: times in its locale (one formatter per language), notices in its language. */
  w: Words;
  onRetry?: (clientMessageId: string) => void;
  onDownload?: (fileId: string) => Promise<FileAnswer>;
}

/**
 * One line. Lines are never changed in place, so a line re-renders only when it is replaced
 * (or the language changes).
 */
class Line extends Component<LineProps> {
  override shouldComponentUpdate(next: LineProps): boolean {
    return next.entry !== this.props.entry || next.w !== this.props.w || Boolean(next.onRetry) !== Boolean(this.props.onRetry) || Boolean(next.onDownload) !== Boolean(this.props.onDownload);
  }

  override render({ entry: e, w, onRetry, onDownload }: LineProps) {
    if (e.kind === 'file' && e.file) {
      return <FileLine entry={{ ...e, file: e.file }} time={w.clock(e.at)} {...(onRetry ? { onRetry } : {})} {...(onDownload ? { onDownload } : {})} />;
    }
    if (e.kind === 'notice') {
      // A notice Beckon wrote reads in the visitor's language; the server's own notices as they came.
      return (
        <li class="bk-notice" data-testid="beckon-notice">
          {e.phrase ? w.say(e.phrase, e.text) : e.text}
        </li>
      );
    }
    return (
      <li class={`bk-msg bk-from-${e.from}`} data-testid="beckon-message" data-from={e.from}>
        <span class="bk-meta">
          {e.from === 'visitor' ? w.t('chat.you') : e.nickname} · {w.clock(e.at)}
          {e.delivery && e.delivery !== 'sent' ? (
            <span class={`bk-delivery bk-${e.delivery}`} data-testid="beckon-delivery">
              {' '}
              · {w.t(e.delivery === 'pending' ? 'delivery.pending' : 'delivery.failed')}
              {e.delivery === 'failed' && onRetry && e.clientMessageId ? (
                <button type="button" class="bk-btn bk-link bk-retry" data-testid="beckon-retry" onClick={() => onRetry(e.clientMessageId!)}>
                  {w.t('chat.retry')}
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
  const w = useWords();
  const end = useRef<HTMLLIElement>(null);
  const [shown, setShown] = useState(TRANSCRIPT_WINDOW);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [entries.length, agentTyping]);
  const hidden = Math.max(0, entries.length - shown);
  return (
    <ol class="bk-transcript" aria-live="polite" aria-label={w.t('chat.transcript')} data-testid="beckon-transcript">
      {hidden > 0 ? (
        <li class="bk-earlier">
          <button type="button" class="bk-btn bk-link" data-testid="beckon-earlier" onClick={() => setShown(shown + TRANSCRIPT_WINDOW)}>
            {w.t('chat.earlier', { count: hidden })}
          </button>
        </li>
      ) : null}
      {entries.slice(hidden).map((e) => (
        <Line key={e.key} entry={e} w={w} onRetry={onRetry} onDownload={onDownload} />
      ))}
      {agentTyping ? (
        <li class="bk-typing" data-testid="beckon-typing" ref={end}>
          {w.t('chat.typing')}
        </li>
      ) : (
        <li class="bk-end" aria-hidden="true" ref={end} />
      )}
    </ol>
  );
}
