import { browser } from 'wxt/browser';
import { unreadCount, type ChatSession } from '../core/chat-session';

let shown = '';

/**
 * Shows the number of unread agent messages, over every live chat, on the toolbar icon.
 * (A tab's custom-UI offer sets its own badge text, which wins on that tab.)
 */
export async function updateUnreadBadge(sessions: readonly ChatSession[]): Promise<void> {
  const total = sessions.filter((s) => s.status !== 'ended').reduce((n, s) => n + unreadCount(s), 0);
  const text = total === 0 ? '' : total > 99 ? '99+' : String(total);
  if (text === shown) return;
  shown = text;
  await browser.action.setBadgeBackgroundColor({ color: '#b42318' }).catch(() => undefined);
  await browser.action.setBadgeText({ text }).catch(() => undefined);
}
