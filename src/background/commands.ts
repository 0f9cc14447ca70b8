import { chatShownIn, queueMessageOnce, retryMessage } from '../core/chat-session';
import type { Settings } from '../core/settings';
import type { BackgroundToUi, UiToBackground } from '../protocol/ports';
import { attachFile, downloadFile } from './file-commands';
import { chatReport } from './reports';
import type { UploadStore } from './upload-store';
import type { Presenter } from './presenter';
import type { ChatBackend } from '../backends/types';
import type { ChatRunner } from './chat-runner';
import type { CrmSync } from './crm-sync';
import type { OfferBroker } from './offer-broker';
import type { SessionStore } from './session-store';
import { sendToWatcher } from './sites';
import type { VisitorStore } from './visitor-store';

/** What the command handler needs. */
export interface CommandDeps {
  store: SessionStore;
  runner: ChatRunner;
  broker: OfferBroker;
  visitors: VisitorStore;
  crm: CrmSync;
  now: () => number;
  newId: () => string;
  /** The site (host) a tab is on now. */
  siteOf: (tabId: number) => Promise<string | undefined>;
  /** The current settings (from memory). */
  settings: () => Promise<Settings>;
  uploads: UploadStore;
  backend: () => Promise<ChatBackend>;
  presenter: Presenter;
}

/**
 * Carries out a validated command from a UI on behalf of `tabId`. A page UI may only act
 * on its own tab's chat; the popup may act on any. Returns a message to show on refusal, or
 * the answer to a request (a file download).
 */
export async function handleUiCommand(
  deps: CommandDeps,
  tabId: number,
  msg: UiToBackground,
  fromPopup: boolean,
): Promise<string | void | BackgroundToUi> {
  const { store, runner, broker, now } = deps;
  /** The chat, if this UI may act on it: the popup any, a page UI only one shown in its tab. */
  const ownChat = async (chatId: string) => {
    const session = store.get(chatId);
    return session && (fromPopup || chatShownIn(session, tabId, await deps.siteOf(tabId))) ? session : undefined;
  };
  switch (msg.type) {
    case 'offer.accept':
      return broker.accept(tabId, msg.offerId);
    case 'offer.decline':
      return broker.decline(tabId, msg.offerId);
    case 'chat.read': {
      const session = await ownChat(msg.chatId);
      if (!session) return;
      await store.update(session.id, (s) => (msg.index > (s.readIndex ?? 0) ? { ...s, readIndex: Math.min(msg.index, s.lastIndex) } : s));
      return;
    }
    case 'chat.focus':
      // The popup's switcher: the user turned to another chat (the hub shows it there).
      if (!fromPopup) return 'Only the popup can switch chats.';
      if (!store.get(msg.chatId)) return 'That chat is no longer here.';
      await deps.crm.focus(msg.chatId);
      return;
    case 'chat.typing':
      if (store.get(msg.chatId)?.status !== 'ended') runner.setTyping(msg.chatId, msg.typing);
      return;
    case 'report.get': {
      const session = await ownChat(msg.chatId);
      if (!session) return { type: 'report', requestId: msg.requestId, error: 'That chat is not here any more.' };
      return { type: 'report', requestId: msg.requestId, report: await chatReport(session, now()) };
    }
    case 'file.attach':
    case 'file.download': {
      const session = await ownChat(msg.chatId);
      if (!session) return 'That chat is not open here.';
      const fileDeps = { ...deps, nickname: async () => (await deps.settings()).backend.nickname };
      if (msg.type === 'file.download') return downloadFile(fileDeps, session, msg);
      if (session.status === 'ended') return 'This chat has ended.';
      return attachFile(fileDeps, session, msg);
    }
    case 'chat.retry':
    case 'chat.send':
    case 'chat.end': {
      const session = await ownChat(msg.chatId);
      if (!session) return 'That chat is not open here.';
      if (session.status === 'ended') return 'This chat has ended.';
      if (msg.type === 'chat.retry') {
        await store.update(session.id, (s) => retryMessage(s, msg.clientMessageId));
      } else if (msg.type === 'chat.send') {
        const { backend } = await deps.settings();
        // Persisted as pending before any request is made: nothing typed is ever lost. A UI
        // re-sends what it has not seen stored yet, so a repeat of a known id is a no-op.
        await store.update(session.id, (s) => queueMessageOnce(s, msg.text, msg.clientMessageId, backend.nickname, now()));
      } else {
        await store.update(session.id, (s) => ({ ...s, endRequested: true }));
      }
      runner.ensure(session.id);
      return;
    }
    case 'debug.offerNow':
    case 'debug.offerIn':
    case 'debug.cancelOffer':
      if (!fromPopup) return 'Only the popup has the presenter controls.';
      if (msg.type === 'debug.offerNow') return deps.presenter.command('offer-now', tabId);
      if (msg.type === 'debug.offerIn') return deps.presenter.offerIn(tabId, msg.seconds);
      return deps.presenter.cancel(tabId);
    case 'debug.fastForward':
    case 'debug.exitIntent':
    case 'debug.resetVisitor':
      if (!fromPopup) return 'Only the popup can use the rule debugger.';
      if (msg.type === 'debug.resetVisitor') {
        await deps.visitors.reset();
        await broker.forgetTab(tabId);
      }
      // The watcher applies the change and reports at once, so the debugger updates.
      return sendToWatcher(tabId, {
        type: 'watcher.debug',
        ...(msg.type === 'debug.fastForward' ? { fastForwardMs: msg.seconds * 1000 } : {}),
        ...(msg.type === 'debug.exitIntent' ? { exitIntent: true } : {}),
      });
    default:
      return;
  }
}
