import { chatShownIn, unreadCount, type ChatSession } from '../core/chat-session';
import { OFFLINE_AFTER_FAILURES } from '../core/backoff';
import type { ChatSummary, ChatView, CrmChatStatus, TabView } from '../protocol/ports';
import type { TabDebug, TabOffer } from '../protocol/storage';

/**
 * The chat a tab shows: a live chat of this tab or of the site it is on (the tab's own
 * first), else its most recent ended one, so the end can be read: on the site where it took
 * place, or on the page the visitor was on when it ended. An ended chat never comes back on
 * another site (`pageSince`: when the tab's current page was entered).
 */
export function chatForTab(sessions: readonly ChatSession[], tabId: number, site?: string, pageSince?: number): ChatSession | undefined {
  const own = sessions
    .filter((s) => chatShownIn(s, tabId, site))
    .sort((a, b) => Number(b.tabId === tabId) - Number(a.tabId === tabId) || b.createdAt - a.createdAt);
  const endedHere = (s: ChatSession) => s.site === undefined || s.site === site || (pageSince !== undefined && (s.endedAt ?? 0) >= pageSince);
  return own.find((s) => s.status !== 'ended') ?? own.find((s) => s.tabId === tabId && endedHere(s));
}

/** The newest chat that is not over, wherever it runs (the popup falls back to it). */
export function latestActiveChat(sessions: readonly ChatSession[]): ChatSession | undefined {
  return sessions.filter((s) => s.status !== 'ended').sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** What the UIs render of a session. */
export function toChatView(s: ChatSession): ChatView {
  return {
    id: s.id,
    status: s.status,
    queue: s.queue,
    agents: s.agents,
    agentTyping: s.agentTyping,
    transcript: s.transcript,
    offline: s.failures >= OFFLINE_AFTER_FAILURES,
    unread: unreadCount(s),
    lastIndex: s.lastIndex,
    startedAt: s.createdAt,
    ...(s.lastError ? { lastError: s.lastError } : {}),
    ...(s.fileLimits ? { fileLimits: s.fileLimits } : {}),
  };
}

/** What only the popup gets: the chat its switcher picked, each chat's CRM state, and whether the page pushed its UI out. */
export interface PopupExtras {
  chosenChatId?: string;
  crmStatus: (chatId: string) => CrmChatStatus;
  /** Why the tab's page pushed the in-page UI out, if it did. */
  evicted?: string;
}

/** A line of the popup's chat switcher. */
function toSummary(s: ChatSession): ChatSummary {
  return { id: s.id, status: s.status, queue: s.queue, startedAt: s.createdAt, unread: unreadCount(s), ...(s.site ? { site: s.site } : {}) };
}

/**
 * Builds the view for one tab. The popup (`popup` given) may show a chat of another tab:
 * the one its switcher picked, else the tab's own, else the newest live one; it also gets
 * the switcher's list and the chat's CRM state.
 */
export function buildTabView(
  tabId: number,
  offer: TabOffer | undefined,
  sessions: readonly ChatSession[],
  popup: PopupExtras | undefined,
  debug?: TabDebug,
  site?: string,
  pageSince?: number,
): TabView {
  const chosen = popup?.chosenChatId ? sessions.find((s) => s.id === popup.chosenChatId) : undefined;
  // A chat the page started through its API shows in the page's own widget, and in the popup.
  const shown = popup ? sessions : sessions.filter((s) => s.origin !== 'page-chat');
  const live = chosen ?? chatForTab(shown, tabId, site, pageSince) ?? (popup ? latestActiveChat(sessions) : undefined);
  // An offer the page shows with its own UI (page API) is nobody else's to show.
  const openOffer = offer?.status === 'open' && offer.ui !== 'page' ? offer : undefined;
  // A fresh offer takes the place of an old, ended chat in the page.
  const chat = live && (live.status !== 'ended' || !openOffer || chosen) ? toChatView(live) : null;
  // The switcher's list (popup only): chats not over, and the one shown.
  const running = popup ? sessions.filter((s) => s.status !== 'ended' || s.id === live?.id).sort((a, b) => a.createdAt - b.createdAt) : [];
  return {
    tabId,
    offer: openOffer
      ? {
          id: openOffer.id, topic: openOffer.topic, queue: openOffer.queue, metadata: openOffer.metadata, ui: openOffer.ui === 'custom' ? 'custom' : 'default',
          ...(openOffer.expiresAt === undefined ? {} : { expiresAt: openOffer.expiresAt }),
        }
      : null,
    chat: chat && popup ? { ...chat, crm: popup.crmStatus(chat.id) } : chat,
    ...(debug ? { debug } : {}),
    ...(running.length > 1 ? { chats: running.map(toSummary) } : {}),
    ...(popup?.evicted ? { evicted: popup.evicted } : {}),
  };
}
