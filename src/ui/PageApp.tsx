import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { UiClient } from './client';
import { ChatPanel } from './components/ChatPanel';
import { OfferCard } from './components/OfferCard';

/**
 * The in-page UI: the offer card, then the chat window. It can be minimised to a button
 * and, once the chat is over, closed.
 */
export function PageApp({ client }: { client: UiClient }) {
  const view = useStore(client.$view);
  const notice = useStore(client.$notice);
  const [minimised, setMinimised] = useState(false);
  const [closedChat, setClosedChat] = useState<string | null>(null);
  if (!view) return null;
  // A custom-UI offer lives in the popup and a notification, never in the page.
  if (view.offer && view.offer.ui === 'default') {
    const offerId = view.offer.id;
    return (
      <div class="bk-dock">
        <OfferCard
          offer={view.offer}
          onAccept={() => client.send({ type: 'offer.accept', offerId })}
          onDecline={() => client.send({ type: 'offer.decline', offerId })}
        />
      </div>
    );
  }
  const chat = view.chat;
  if (!chat || closedChat === chat.id) return null;
  if (minimised) {
    return (
      <div class="bk-dock">
        <button type="button" class="bk-btn bk-primary bk-bubble" onClick={() => setMinimised(false)} data-testid="beckon-restore">
          Chat{chat.status === 'ended' ? ' (ended)' : ''}
        </button>
      </div>
    );
  }
  return (
    <div class="bk-dock bk-window" data-testid="beckon-window">
      <div class="bk-window-bar">
        <span class="bk-title">Beckon chat · {chat.queue}</span>
        <button type="button" class="bk-icon" aria-label="Minimise chat" onClick={() => setMinimised(true)}>
          –
        </button>
        {chat.status === 'ended' ? (
          <button type="button" class="bk-icon" aria-label="Close chat" data-testid="beckon-close" onClick={() => setClosedChat(chat.id)}>
            ×
          </button>
        ) : null}
      </div>
      {notice ? (
        <p class="bk-banner" role="alert">
          {notice}
        </p>
      ) : null}
      <ChatPanel chat={chat} send={client.send} />
    </div>
  );
}
