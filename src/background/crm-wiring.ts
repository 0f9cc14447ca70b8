import { browser } from 'wxt/browser';
import type { CrmSettings } from '../core/crm/settings';
import { matchesPattern } from '../core/match-pattern';
import type { Settings } from '../core/settings';
import { createCrm, recordsOutcomes, type CrmEnv } from '../crm/registry';
import type { PageReply, PageRequest } from '../protocol/messages';
import { testCrmConnection } from './crm-delivery';
import { CrmSync } from './crm-sync';
import { hostOf } from './offer-context';
import { pegaDesktopCall } from './pega-desktop-link';
import type { SessionStore } from './session-store';
import { chatForTab } from './tab-views';

/** Alarm that wakes a stopped worker when a CRM event is due (backoff, or a CRM that was down). */
const CRM_ALARM = 'beckon-crm';

const env: CrmEnv = { fetch: (input, init) => fetch(input, init), pegaDesktop: pegaDesktopCall };
const connectorFor = (kind: string, crm: Parameters<typeof createCrm>[1]) => createCrm(kind, crm, env);

/**
 * Creates the CRM sync of the background and registers, synchronously (MV3), what drives
 * it besides the chats themselves: its wake-up alarm, and tab focus (switchInteraction).
 */
export function startCrmSync(deps: { store: SessionStore; settings: () => Promise<Settings>; ready: () => Promise<unknown>; onChange: () => void }): CrmSync {
  const crm = new CrmSync({
    crmSettings: async () => (await deps.settings()).crm,
    connector: connectorFor,
    recordsOutcomes,
    now: () => Date.now(),
    random: Math.random,
    newId: () => crypto.randomUUID(),
    wakeAt: (at) => {
      if (at === undefined) void browser.alarms.clear(CRM_ALARM);
      else void browser.alarms.create(CRM_ALARM, { when: Math.max(at, Date.now() + 1_000) });
    },
    onChange: deps.onChange,
  });
  const whenReady = (fn: () => unknown) => void deps.ready().then(fn).catch((e: unknown) => console.error('[beckon] CRM sync', e));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CRM_ALARM) whenReady(() => crm.pump());
  });
  const focusTab = (tab: { id?: number; url?: string } | undefined) =>
    whenReady(() => tab?.id !== undefined && crm.focus(chatForTab(deps.store.all(), tab.id, tab.url ? hostOf(tab.url) : undefined)?.id));
  // Focus moves with the tab in front. (Not windows.onFocusChanged: Firefox fires it often
  // enough to keep an idle event page from ever suspending.)
  browser.tabs.onActivated.addListener(({ tabId }) => void browser.tabs.get(tabId).then(focusTab, () => undefined));
  return crm;
}

/** A Pega desktop page load announced its relay: what waits for the desktop goes now. */
export async function onPegaDesktopReady(crm: CrmSync, settings: CrmSettings, url: string | undefined): Promise<void> {
  if (url && settings.connector === 'pega' && settings.pega.portal && matchesPattern(settings.pega.portal, url)) await crm.nudge('pega');
}

/** Answers the options page's CRM requests (Test connection, the sync log's Retry). */
export function answerPageRequest(crm: CrmSync, request: Exclude<PageRequest, { type: 'report.get' }>): Promise<PageReply> {
  if (request.type === 'crm.retry') return crm.retry(request.id);
  if (request.type === 'crm.discard') return crm.discard(request.id);
  return testCrmConnection(request.crm, connectorFor);
}
