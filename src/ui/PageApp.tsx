import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FrameUiState } from '../protocol/page-frame';
import type { UiClient } from './client';
import { ChatPanel, WindowBar } from './components/ChatPanel';
import { OfferCard } from './components/OfferCard';
import { showLook, type FrameHost } from './frame-link';
import { useWordsFor } from './i18n/load';
import { VisitorLanguage } from './i18n/words';
import { DEFAULT_BRAND, lookStyle } from './look';

const FRESH: FrameUiState = { minimised: false, closedChatId: null, draft: '' };

/**
 * The in-page UI (in its frame): the offer card, then the chat window, in the demo profile's
 * look and language (the frame's document takes the language's `lang` and direction, the host
 * the profile's corner). It can be minimised to a button and, once the chat is over, closed.
 * Its state (and the composer's draft) is kept by the host, so a frame the page removed comes
 * back as it was. Nothing shows until the language's catalog is in: no flash of English.
 */
export function PageApp({ client, host }: { client: UiClient; host?: FrameHost }) {
  const view = useStore(client.$view);
  const notice = useStore(client.$notice);
  const [ui, setUi] = useState<FrameUiState>(host?.initialState ?? FRESH);
  const look = view?.look;
  const words = useWordsFor(look?.language);
  const corner = look?.corner ?? 'bottom-right';
  const brand = look?.brand ?? DEFAULT_BRAND;
  useEffect(() => {
    if (!words) return;
    showLook(document, { lang: words.lang, dir: words.dir, corner, title: brand });
    host?.reportLook(corner, brand);
  }, [words, corner, brand]);
  const update = (patch: Partial<FrameUiState>) => {
    const next = { ...ui, ...patch };
    setUi(next);
    host?.reportState(next);
  };
  if (!view || !words) return null;
  const { t } = words;
  const dock = (content: ComponentChildren, extra = '') => (
    <VisitorLanguage.Provider value={words}>
      <div class={`bk-dock${extra}`} style={lookStyle(look)} data-testid={extra ? 'beckon-window' : undefined}>
        {content}
      </div>
    </VisitorLanguage.Provider>
  );
  // A custom-UI offer lives in the popup and a notification, never in the page.
  if (view.offer && view.offer.ui === 'default') {
    const offerId = view.offer.id;
    return dock(
      <OfferCard
        offer={view.offer}
        look={look}
        onAccept={() => client.send({ type: 'offer.accept', offerId })}
        onDecline={() => client.send({ type: 'offer.decline', offerId })}
      />,
    );
  }
  const chat = view.chat;
  if (!chat || ui.closedChatId === chat.id) return null;
  if (ui.minimised) {
    return dock(
      <button type="button" class="bk-btn bk-primary bk-bubble" onClick={() => update({ minimised: false })} data-testid="beckon-restore">
        {t(chat.status === 'ended' ? 'window.restoreEnded' : 'window.restore')}
      </button>,
    );
  }
  return dock(
    <>
      <WindowBar look={look} title={t('window.title', { brand, queue: chat.queue })} onMinimise={() => update({ minimised: true })}
        onClose={chat.status === 'ended' ? () => update({ closedChatId: chat.id }) : undefined} />
      {notice ? (
        <p class="bk-banner" role="alert">
          {words.say(notice.phrase ?? notice.message, notice.message)}
        </p>
      ) : null}
      <ChatPanel chat={chat} send={client.send} onDownload={client.downloadFile} draft={ui.draft} onDraft={(draft) => update({ draft })} />
    </>,
    ' bk-window',
  );
}
