import type { ChatView } from '../../protocol/ports';
import { Composer } from './Composer';
import { Transcript } from './Transcript';

/** One line saying where the chat stands. */
export function statusLine(chat: ChatView): string {
  switch (chat.status) {
    case 'requesting':
      return 'Starting your chat…';
    case 'waiting':
      return 'Waiting for an agent…';
    case 'connected':
      return chat.agents.length > 0 ? `Chatting with ${chat.agents.join(', ')}` : 'Connected';
    case 'ended':
      return 'Chat ended';
  }
}

/** Props of {@link ChatPanel}. */
export interface ChatPanelProps {
  chat: ChatView;
  onSend: (text: string) => void;
  onEnd: () => void;
  autoFocus?: boolean;
}

/** A chat: status, transcript, connection trouble, composer and End chat. Shared by page and popup. */
export function ChatPanel({ chat, onSend, onEnd, autoFocus = false }: ChatPanelProps) {
  const ended = chat.status === 'ended';
  return (
    <section class="bk-chat" aria-label="Chat" data-testid="beckon-chat" data-status={chat.status}>
      <header class="bk-chat-header">
        <p class="bk-status" role="status" data-testid="beckon-chat-status">
          {statusLine(chat)}
        </p>
        {!ended ? (
          <button type="button" class="bk-btn bk-link" onClick={onEnd} data-testid="beckon-end">
            End chat
          </button>
        ) : null}
      </header>
      {chat.offline ? (
        <p class="bk-banner" role="alert" data-testid="beckon-offline">
          Cannot reach the chat server. Your messages are kept and will be sent when it is back.
        </p>
      ) : null}
      <Transcript entries={chat.transcript} agentTyping={chat.agentTyping} />
      <Composer disabled={ended} onSend={onSend} autoFocus={autoFocus} />
    </section>
  );
}
