import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createUiClient } from '../../src/ui/client';
import { PopupApp } from '../../src/ui/PopupApp';
import '../../src/ui/styles.css';
import './popup.css';

/** `popup.html?tab=<id>` pins the popup to a tab (used when it is opened as a page, e.g. in tests). */
async function targetTabId(): Promise<number | undefined> {
  const pinned = new URLSearchParams(location.search).get('tab');
  if (pinned !== null && /^\d+$/.test(pinned)) return Number(pinned);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const client = createUiClient({ tabId: await targetTabId() });
render(<PopupApp client={client} openOptions={() => void browser.runtime.openOptionsPage()} />, document.getElementById('app')!);
