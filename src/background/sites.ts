import { browser } from 'wxt/browser';
import type { Settings } from '../core/settings';

/** Id of the dynamically registered watcher content script. */
const WATCHER_ID = 'beckon-watcher';
/** The watcher bundle (built from entrypoints/watcher.ts). */
const WATCHER_FILE = '/watcher.js';

/** The enabled sites whose host permission the user has actually granted. */
export async function grantedSites(settings: Settings): Promise<string[]> {
  const checks = await Promise.all(
    settings.enabledSites.map(async (p) => ((await browser.permissions.contains({ origins: [p] })) ? p : null)),
  );
  return checks.filter((p): p is string => p !== null);
}

/**
 * Registers the watcher on exactly the enabled, granted sites, and starts it in tabs that
 * are already open there (a registered script only runs on later page loads).
 */
export async function syncWatcher(settings: Settings): Promise<void> {
  const matches = await grantedSites(settings);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [WATCHER_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [WATCHER_ID] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: WATCHER_ID, matches, js: [WATCHER_FILE], runAt: 'document_idle', persistAcrossSessions: false },
  ]);
  const tabs = await browser.tabs.query({ url: matches });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id }, files: [WATCHER_FILE] }).catch(() => undefined),
    ),
  );
}
