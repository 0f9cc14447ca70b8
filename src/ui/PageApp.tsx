import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import type { FrameUiState } from '../protocol/page-frame';
import type { UiClient } from './client';
import { ChatPanel } from './components/ChatPanel';
import { OfferCard } from './components/OfferCard';
import type { FrameHost } from './frame-link';

const FRESH: FrameUiState = { minimised: false, closedChatId: null, draft: '' };

/**
 * The in-page UI (in its frame): the offer card, then the chat window. It can be minimised to
 * a button and, once the chat is over, closed. Its state (and the composer's draft) is kept by
 * the host, so a frame the page removed comes back as it was.
 */
export function PageApp({ client, host }: { client: UiClient; host?: FrameHost }) {
  const view = useStore(client.$view);
  const notice = useStore(client.$notice);
  const [ui, setUi] = useState<FrameUiState>(host?.initialState ?? FRESH);
  const update = (patch: Partial<FrameUiState>) => {
    const next = { ...ui, ...patch };
    setUi(next);
    host?.reportState(next);
  };
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
  if (!chat || ui.closedChatId === chat.id) return null;
  if (ui.minimised) {
    return (
      <div class="bk-dock">
        <button type="button" class="bk-btn bk-primary bk-bubble" onClick={() => update({ minimised: false })} data-testid="beckon-restore">
          Chat{chat.status === 'ended' ? ' (ended)' : ''}
        </button>
      </div>
    );
  }
  return (
    <div class="bk-dock bk-window" data-testid="beckon-window">
      <div class="bk-window-bar">
        <span class="bk-title">Beckon chat · {chat.queue}</span>
        <button type="button" class="bk-icon" aria-label="Minimise chat" onClick={() => update({ minimised: true })}>
          –
        </button>
        {chat.status === 'ended' ? (
          <button type="button" class="bk-icon" aria-label="Close chat" data-testid="beckon-close" onClick={() => update({ closedChatId: chat.id })}>
            ×
          </button>
        ) : null}
      </div>
      {notice ? (
        <p class="bk-banner" role="alert">
          {notice}
        </p>
      ) : null}
      <ChatPanel chat={chat} send={client.send} onDownload={client.downloadFile} draft={ui.draft} onDraft={(draft) => update({ draft })} />
    </div>
  );
}
