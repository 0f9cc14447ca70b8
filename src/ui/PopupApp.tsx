import { useStore } from '@nanostores/preact';
import type { UiClient } from './client';
import { ChatPanel } from './components/ChatPanel';
import { ChatSwitcher } from './components/ChatSwitcher';
import { CrmStatusLine } from './components/CrmStatusLine';
import { OfferCard } from './components/OfferCard';
import { PresenterControls } from './components/PresenterControls';
import { ReportDownload } from './components/ReportDownload';
import { RuleDebugger } from './components/RuleDebugger';

/**
 * The toolbar popup: the current tab's open offer (Accept / Decline) and its chat (or the
 * newest live chat elsewhere) with a composer; a switcher when several chats run, and the
 * shown chat's CRM interaction and sync state.
 */
export function PopupApp({ client, openOptions }: { client: UiClient; openOptions: () => void }) {
  const view = useStore(client.$view);
  const link = useStore(client.$link);
  const notice = useStore(client.$notice);
  return (
    <main class="bk-popup">
      <header class="bk-popup-header">
        <h1>Beckon</h1>
        <button type="button" class="bk-btn bk-link" onClick={openOptions} data-testid="popup-open-options">
          Settings
        </button>
      </header>
      {notice ? (
        <p class="bk-banner" role="alert" data-testid="popup-notice">
          {notice}
        </p>
      ) : null}
      {!view ? (
        <p class="bk-empty">{link === 'gone' ? 'Beckon was updated. Reopen this popup.' : 'Connecting…'}</p>
      ) : (
        <>
          {view.evicted && (view.chat || view.offer) ? (
            <p class="bk-banner" role="status" data-testid="popup-evicted">
              This page keeps hiding the chat window ({view.evicted}), so the chat continues here.
            </p>
          ) : null}
          {view.offer ? (
            <OfferCard
              offer={view.offer}
              focus
              onAccept={() => client.send({ type: 'offer.accept', offerId: view.offer!.id })}
              onDecline={() => client.send({ type: 'offer.decline', offerId: view.offer!.id })}
            />
          ) : null}
          {view.chats ? <ChatSwitcher chats={view.chats} current={view.chat?.id} send={client.send} /> : null}
          {view.chat?.crm ? <CrmStatusLine crm={view.chat.crm} /> : null}
          {view.chat ? (
            <ChatPanel chat={view.chat} autoFocus={!view.offer} send={client.send} onDownload={client.downloadFile} />
          ) : null}
          {view.chat ? <ReportDownload chatId={view.chat.id} fetchReport={client.fetchReport} /> : null}
          {!view.offer && !view.chat ? (
            <p class="bk-empty" data-testid="popup-empty">
              No chat offer on this tab yet. On an enabled site, an offer appears when a rule matches; the rule debugger
              below says what each rule is waiting for.
            </p>
          ) : null}
          <PresenterControls countdownAt={view.countdownAt} send={client.send} />
          <RuleDebugger debug={view.debug} send={client.send} />
        </>
      )}
    </main>
  );
}
