import { browser } from 'wxt/browser';
import { PAGE_HOST_FILE } from '../protocol/page-frame';
import type { TabOffer } from '../protocol/storage';

const NOTIFICATION_PREFIX = 'beckon-offer-';

/**
 * Shows an offer the way its rule asks (`bDefaultUI`): the in-page card, or — custom UI —
 * the toolbar badge, the popup and a system notification, with nothing put in the page.
 */
export async function presentOffer(tabId: number, offer: TabOffer): Promise<void> {
  if (offer.ui === 'default') return injectPageUi(tabId);
  if (offer.ui === 'page') return; // the page shows it itself and answers with accept() or decline()
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

/** Says on the toolbar that the page pushed the chat window out, so the chat goes on in the popup. */
export async function showEvictedBadge(tabId: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#b42318' }).catch(() => undefined);
  await browser.action.setBadgeText({ tabId, text: 'chat' }).catch(() => undefined);
  await browser.action.setTitle({ tabId, title: 'Beckon: this page hides the chat window. Open Beckon to continue the chat here.' }).catch(() => undefined);
}

/**
 * Injects the in-page host (`page-ui.js`, built apart by scripts/content-bundles.ts). It
 * mounts once per document and, on later injections, puts the UI back if the page took it.
 */
export async function injectPageUi(tabId: number): Promise<void> {
  try {
    // The host bundle is a build-hook asset, not one of WXT's known paths: hence the cast.
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PAGE_HOST_FILE as never] });
  } catch (e) {
    // The tab may have navigated away or closed; the next watcher report retries.
    console.warn(`[beckon] could not show the chat UI in tab ${tabId}:`, e);
  }
}
