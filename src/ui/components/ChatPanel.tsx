import { useEffect } from 'preact/hooks';
import type { Look } from '../../core/profiles/look';
import type { ChatView, UiToBackground } from '../../protocol/ports';
import type { FileAnswer } from '../client';
import { useWords, type Words } from '../i18n/words';
import { AttachFile } from './AttachFile';
import { BrandLogo } from './BrandLogo';
import { Composer } from './Composer';
import { Transcript } from './Transcript';
import { TranscriptDownload } from './TranscriptDownload';

/** One line saying where the chat stands, in the visitor's words. */
export function statusLine(chat: Pick<ChatView, 'status' | 'agents'>, w: Pick<Words, 't' | 'list'>): string {
  const { t } = w;
  switch (chat.status) {
    case 'requesting':
      return t('status.requesting');
    case 'waiting':
      return t('status.waiting');
    case 'connected':
    case 'conferenced':
      return chat.agents.length > 0 ? t('status.chatting', { agents: w.list(chat.agents) }) : t('status.connected');
    case 'transferred':
      return t('status.transferred');
    case 'ended':
      return t('status.ended');
  }
}

/** Props of {@link ChatPanel}. */
export interface ChatPanelProps {
  chat: ChatView;
  /** Sends a command about this chat to the background. */
  send: (msg: UiToBackground) => void;
  autoFocus?: boolean;
  /** Unsent text to start the composer with, and where its changes go (the page frame keeps it). */
  draft?: string;
  onDraft?: (text: string) => void;
  /** Downloads a file of the chat through the background (files the agent or the visitor sent). */
  onDownload?: (chatId: string, fileId: string) => Promise<FileAnswer>;
}

/** Tells the background what the visitor has seen, whenever the chat is on screen. */
function useReadReceipts(chat: ChatView, send: (msg: UiToBackground) => void): void {
  const last = chat.lastIndex;
  useEffect(() => {
    const mark = () => {
      if (document.visibilityState === 'visible' && last > 0 && chat.unread > 0) send({ type: 'chat.read', chatId: chat.id, index: last });
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [chat.id, last, chat.unread > 0]);
}

/** A chat: status, transcript, connection trouble, composer and End chat. Shared by page and popup. */
export function ChatPanel({ chat, send, autoFocus = false, draft, onDraft, onDownload }: ChatPanelProps) {
  const w = useWords();
  const ended = chat.status === 'ended';
  const chatId = chat.id;
  useReadReceipts(chat, send);
  return (
    <section class="bk-chat" aria-label={w.t('chat.label')} data-testid="beckon-chat" data-status={chat.status}>
      <header class="bk-chat-header">
        <p class="bk-status" role="status" data-testid="beckon-chat-status">
          {statusLine(chat, w)}
        </p>
        {!ended ? (
          <button type="button" class="bk-btn bk-link" onClick={() => send({ type: 'chat.end', chatId })} data-testid="beckon-end">
            {w.t('chat.end')}
          </button>
        ) : null}
      </header>
      {chat.offline ? (
        <p class="bk-banner" role="alert" data-testid="beckon-offline">
          {w.t('chat.offline')}
        </p>
      ) : null}
      <Transcript
        entries={chat.transcript}
        agentTyping={chat.agentTyping}
        onRetry={(clientMessageId) => send({ type: 'chat.retry', chatId, clientMessageId })}
        {...(onDownload ? { onDownload: (fileId: string) => onDownload(chatId, fileId) } : {})}
      />
      <Composer
        disabled={ended}
        autoFocus={autoFocus}
        initialText={draft}
        onTextChange={onDraft}
        onSend={(text) => send({ type: 'chat.send', chatId, text, clientMessageId: crypto.randomUUID() })}
        onTyping={(typing) => send({ type: 'chat.typing', chatId, typing })}
      />
      {chat.fileLimits && !ended ? (
        <AttachFile limits={chat.fileLimits} agentPresent={chat.agents.length > 0} disabled={ended}
          onAttach={(file) => send({ type: 'file.attach', chatId, ...file })} />
      ) : null}
      {chat.transcript.length > 0 ? <TranscriptDownload entries={chat.transcript} queue={chat.queue} startedAt={chat.startedAt} /> : null}
    </section>
  );
}

/** Props of {@link WindowBar}. */
export interface WindowBarProps {
  look: Look | undefined;
  /** What the bar says: the brand and the queue. */
  title: string;
  onMinimise: () => void;
  /** Shown once the chat has ended: closes the window. */
  onClose?: () => void;
}

/**
 * The chat window's title bar in the brand's colours: its logo, the title, Minimise and (for an
 * ended chat) Close. Kept with the panel: the in-page window and the options page's preview show
 * both, and one module keeps them in the widget's shared chunk instead of a chunk of its own.
 */
export function WindowBar({ look, title, onMinimise, onClose }: WindowBarProps) {
  const { t } = useWords();
  return (
    <div class="bk-window-bar">
      {look ? <BrandLogo look={look} size={24} /> : null}
      <span class="bk-title" data-testid="beckon-title">{title}</span>
      <button type="button" class="bk-icon" aria-label={t('window.minimise')} onClick={onMinimise}>
        –
      </button>
      {onClose ? (
        <button type="button" class="bk-icon" aria-label={t('window.close')} data-testid="beckon-close" onClick={onClose}>
          ×
        </button>
      ) : null}
    </div>
  );
}
