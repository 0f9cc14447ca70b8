import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import type { UiClient } from './client';
import { ChatPanel } from './components/ChatPanel';
import { ChatSwitcher } from './components/ChatSwitcher';
import { CrmStatusLine } from './components/CrmStatusLine';
import { OfferCard } from './components/OfferCard';
import { PresenterControls } from './components/PresenterControls';
import { ReportDownload } from './components/ReportDownload';
import { RuleDebugger } from './components/RuleDebugger';
import { useWordsFor } from './i18n/load';
import { useStaffT } from './i18n/staff';
import { VisitorLanguage, type Words } from './i18n/words';
import { lookStyle } from './look';

/** What the visitor sees in the popup, in the tab's demo language, direction and colours. */
function VisitorPart({ words, style, children }: { words: Words; style: Record<string, string> | undefined; children: ComponentChildren }) {
  return (
    <VisitorLanguage.Provider value={words}>
      <div class="bk-visitor" lang={words.lang} dir={words.dir} style={style} data-testid="popup-visitor">
        {children}
      </div>
    </VisitorLanguage.Provider>
  );
}

/**
 * The toolbar popup: the current tab's open offer (Accept / Decline) and its chat (or the
 * newest live chat elsewhere) with a composer; a switcher when several chats run, and the
 * shown chat's CRM interaction and sync state. The offer and the chat speak the tab's demo
 * language (shown once its catalog is in); the rest is for staff (the staff catalog).
 */
export function PopupApp({ client, openOptions }: { client: UiClient; openOptions: () => void }) {
  const view = useStore(client.$view);
  const link = useStore(client.$link);
  const notice = useStore(client.$notice);
  const words = useWordsFor(view?.look?.language);
  const t = useStaffT();
  const style = lookStyle(view?.look);
  return (
    <main class="bk-popup">
      <header class="bk-popup-header">
        <h1>{t('popup.title')}</h1>
        <button type="button" class="bk-btn bk-link" onClick={openOptions} data-testid="popup-open-options">
          {t('popup.settings')}
        </button>
      </header>
      {notice ? (
        <p class="bk-banner" role="alert" data-testid="popup-notice" lang={words?.lang}>
          {words ? words.say(notice.phrase ?? notice.message, notice.message) : notice.message}
        </p>
      ) : null}
      {!view ? (
        <p class="bk-empty">{link === 'gone' ? t('popup.updated') : t('popup.connecting')}</p>
      ) : (
        <>
          {view.evicted && (view.chat || view.offer) ? (
            <p class="bk-banner" role="status" data-testid="popup-evicted">
              {t('popup.evicted', { reason: view.evicted })}
            </p>
          ) : null}
          {words && (view.offer || view.chats) ? (
            <VisitorPart words={words} style={style}>
              {view.offer ? (
                <OfferCard
                  offer={view.offer}
                  look={view.look}
                  focus
                  onAccept={() => client.send({ type: 'offer.accept', offerId: view.offer!.id })}
                  onDecline={() => client.send({ type: 'offer.decline', offerId: view.offer!.id })}
                />
              ) : null}
              {view.chats ? <ChatSwitcher chats={view.chats} current={view.chat?.id} send={client.send} /> : null}
            </VisitorPart>
          ) : null}
          {view.chat?.crm ? <CrmStatusLine crm={view.chat.crm} /> : null}
          {words && view.chat ? (
            <VisitorPart words={words} style={style}>
              <ChatPanel chat={view.chat} autoFocus={!view.offer} send={client.send} onDownload={client.downloadFile} />
            </VisitorPart>
          ) : null}
          {view.chat ? <ReportDownload chatId={view.chat.id} fetchReport={client.fetchReport} /> : null}
          {!view.offer && !view.chat ? (
            <p class="bk-empty" data-testid="popup-empty">
              {t('popup.empty')}
            </p>
          ) : null}
          <PresenterControls countdownAt={view.countdownAt} send={client.send} />
          <RuleDebugger debug={view.debug} send={client.send} />
        </>
      )}
    </main>
  );
}
