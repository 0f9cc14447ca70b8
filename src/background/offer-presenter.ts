import { browser } from 'wxt/browser';
import type { TabOffer } from '../protocol/storage';

/** Path of the lazily injected offer and chat UI bundle (built from entrypoints/page-ui.ts). */
export const PAGE_UI_FILE = '/page-ui.js';
const NOTIFICATION_PREFIX = 'beckon-offer-';

/**
 * Shows an offer the way its rule asks (`bDefaultUI`): the in-page card, or — custom UI —
 * the toolbar badge, the popup and a system notification, with nothing put in the page.
 */
export async function presentOffer(tabId: number, offer: TabOffer): Promise<void> {
  if (offer.ui === 'default') return injectPageUi(tabId);
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#4338ca' }).catch(() => undefined);
  await browser.action.setBadgeText({ tabId, text: 'chat' }).catch(() => undefined);
  await browser.notifications
    .create(`${NOTIFICATION_PREFIX}${tabId}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Chat with us',
      message: `${offer.topic} Open Beckon from the toolbar to accept or decline.`,
    })
    .catch((e: unknown) => console.warn('[beckon] notification not shown', e));
}

/** Takes an offer's badge and notification down (the card removes itself with the view). */
export async function withdrawOffer(tabId: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
  await browser.notifications.clear(`${NOTIFICATION_PREFIX}${tabId}`).catch(() => undefined);
}

/** Opens the popup when an offer notification is clicked, where the browser allows it. */
export function openPopupOnNotificationClick(): void {
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    void (browser.action as unknown as { openPopup?: () => Promise<void> }).openPopup?.().catch(() => undefined);
  });
}

/** Injects the in-page UI (it mounts once per page, however often it is injected). */
export async function injectPageUi(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_UI_FILE] });
  } catch (e) {
    // The tab may have navigated away or closed; the next watcher report retries.
    console.warn(`[beckon] could not show the chat UI in tab ${tabId}:`, e);
  }
}
