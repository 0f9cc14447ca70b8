import { browser, type Browser } from 'wxt/browser';
import { createBackend } from '../backends/registry';
import type { ChatBackend } from '../backends/types';
import { HostToBackgroundSchema, PageRequestSchema, parseMessage, WatcherReportSchema } from '../protocol/messages';
import { PAGE_API_PORT } from '../protocol/page-api';
import { UI_PORT } from '../protocol/ports';
import { PAGE_OFFER_RULE } from '../core/page-api';
import { siteFor } from '../core/settings';
import { debugItem, outcomesItem } from '../protocol/storage';
import { ChatRunner } from './chat-runner';
import { handleUiCommand } from './commands';
import { answerPageRequest, onPegaDesktopReady, startCrmSync } from './crm-wiring';
import { syncPegaRelay } from './pega-desktop-link';
import { FrameRegistry } from './frame-registry';
import { OfferBroker } from './offer-broker';
import { TabPages } from './tab-pages';
import { PageApiHub } from './page-api-hub';
import { hostOf } from './offer-context';
import { openPopupOnNotificationClick, showEvictedBadge } from './offer-presenter';
import { SessionStore } from './session-store';
import { SettingsCache } from './settings-cache';
import { grantedSites, syncWatcher } from './sites';
import { syncContextMenu, wireContextMenu } from './context-menu';
import { syncPageApi } from './page-api-scripts';
import { buildTabView } from './tab-views';
import { UiHub } from './ui-hub';
import { lookCache } from './looks';
import { reportReply } from './reports';
import { JourneyStore } from './journeys';
import { notifyPresenter, Presenter } from './presenter';
import { isPresenterCommand } from '../core/presenter';
import { indexedDbUploadStore } from './upload-store';
import { uploadsToKeep } from '../core/chat-uploads';
import { updateUnreadBadge } from './unread-badge';
import { VisitorStore } from './visitor-store';

/** Alarm that wakes a stopped worker while chats are live (30 s is the MV3 floor). */
const RESUME_ALARM = 'beckon-resume';
/** Poll period of a live chat shown in a UI, and of one nobody is looking at (no long-poll). */
const POLL_INTERVAL_MS = 1_000;
const BACKGROUND_POLL_INTERVAL_MS = 5_000;
/** The options page: the only extension page that sends one-off requests. */
const OPTIONS_PATH = '/options.html';

/** True when `url` is a page of this extension (at `path`, when given), whatever its id. */
function isExtensionPage(url: string | undefined, path?: string): boolean {
  if (!url) return false;
  const own = new URL(browser.runtime.getURL('/'));
  try {
    const parsed = new URL(url);
    // Chrome's dynamic URLs (web-accessible pages) use another host: the scheme says "extension".
    return parsed.protocol === own.protocol && (path === undefined || parsed.pathname === path);
  } catch {
    return false;
  }
}
/** Outcomes this recent are offered to the CRM sync again on start (it skips those it has). */
const OUTCOME_CATCH_UP_MS = 10 * 60_000;

/**
 * Composes the background and registers every listener synchronously, as MV3 requires for
 * a worker woken by an event. State is reloaded from storage on every start (`ready`).
 */
export function startBackground(): void {
  const now = () => Date.now();
  const newId = () => crypto.randomUUID();
  const settings = new SettingsCache();
  const store = new SessionStore(browser.storage.local);
  const tabPages = new TabPages();
  const frames = new FrameRegistry();
  const uploads = indexedDbUploadStore();
  const urlOf = (tabId: number) => browser.tabs.get(tabId).then((t) => t.url, () => undefined);
  const siteOf = async (tabId: number) => {
    const url = await urlOf(tabId);
    return url ? hostOf(url) : undefined;
  };
  /** The demo profile's look on a tab: its enabled site's profile, in the language it says. */
  const looks = lookCache();
  const lookOn = async (tabId: number, url: string | undefined) => {
    const s = await settings.get();
    return looks(s.profiles, url ? siteFor(s, url)?.options.profileId : undefined, await tabPages.lang(tabId));
  };

  // Offer outcomes also go to the CRM, when that option is on.
  const visitors = new VisitorStore(now, (record) => void ready.then(() => crm.outcomes([record])).catch((e: unknown) => console.error('[beckon] CRM sync', e)));
  // One adapter per configuration: it learns what the server offers (long-poll) as it goes.
  let adapter: { key: string; backend: ChatBackend } | undefined;
  const backend = async () => {
    const { backend: config } = await settings.get();
    const key = JSON.stringify(config);
    if (adapter?.key !== key) adapter = { key, backend: createBackend(config.kind, config, { fetch: (input, init) => fetch(input, init) }) };
    return adapter.backend;
  };
  const runner = new ChatRunner({
    store, now, random: Math.random, pollIntervalMs: POLL_INTERVAL_MS, backend, uploads,
    pollIntervalFor: (id) => (hub.isShown(id) ? POLL_INTERVAL_MS : BACKGROUND_POLL_INTERVAL_MS),
    onIdleChange: (anyRunning) => {
      if (anyRunning) void browser.alarms.create(RESUME_ALARM, { periodInMinutes: 0.5 });
      else void browser.alarms.clear(RESUME_ALARM);
    },
  });
  // The CRM sync follows the chats; it never holds them up.
  const crm = startCrmSync({ store, settings: () => settings.get(), ready: () => ready, onChange: () => hub.publishAll() });
  const ready: Promise<void> = Promise.all([store.load(now()), crm.load()]).then(async () => {
    runner.resumeAll();
    // Files of chats that ended, or delivered, while the worker was away: their bytes go.
    await uploads.prune(uploadsToKeep(store.all())).catch((e: unknown) => console.error('[beckon] upload store', e));
    // Catches up on what a stopped worker may not have queued: chat changes, recent outcomes.
    await crm.reconcile(store.all());
    await crm.outcomes(((await outcomesItem.getValue()) ?? []).filter((o) => now() - o.at < OUTCOME_CATCH_UP_MS));
    crm.pump();
  });

  const hub: UiHub = new UiHub({
    view: async (tabId, fromPopup, chosenChatId) => {
      await ready;
      const debug = fromPopup ? (await debugItem.getValue())[tabId] : undefined;
      const crmStatus = (id: string) => crm.statusOf(id, store.get(id));
      const evicted = fromPopup ? await frames.evictedIn(tabId) : undefined;
      const popup = fromPopup ? { crmStatus, ...(chosenChatId ? { chosenChatId } : {}), ...(evicted ? { evicted } : {}) } : undefined;
      const url = await urlOf(tabId);
      const view = buildTabView(tabId, await broker.offerFor(tabId), store.all(), popup, debug, url ? hostOf(url) : undefined, await tabPages.since(tabId));
      const countdownAt = fromPopup ? presenter.countdownOf(tabId) : undefined;
      return { ...view, look: await lookOn(tabId, url), ...(countdownAt ? { countdownAt } : {}) };
    },
    isOwnFrame: (tabId, secret) => frames.isOwn(tabId, secret),
    onShown: (chatId) => runner.wake(chatId),
    handle: async (tabId, msg, fromPopup) => {
      await ready;
      return handleUiCommand({ store, runner, broker, visitors, crm, now, newId, siteOf, settings: () => settings.get(), uploads, backend, presenter }, tabId, msg, fromPopup);
    },
  });
  const journeys = new JourneyStore();
  const broker = new OfferBroker({
    store, runner, visitors, backend, settings: () => settings.get(), now, newId, publish: (tabId) => hub.publish(tabId), journeys, tabPages,
    // A page hears what became of the offers it made (its DOM event), and only of those.
    onOutcome: (tabId, offer, outcome) => offer.ruleId === PAGE_OFFER_RULE && pageApi.offerOutcome(tabId, offer.queue, outcome),
  });
  const presenter = new Presenter({
    broker, visitors, store, runner, now, siteOf, publish: (tabId) => hub.publish(tabId),
    setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  });
  const pageApi: PageApiHub = new PageApiHub({
    broker, store, runner, visitors, backend, settings: () => settings.get(), now, newId,
    suppressed: (tabId, queue, reason) => pageApi.offerOutcome(tabId, queue, 'suppressed', reason),
  });
  store.onChange((session) => {
    // A chat shows in its own tab and in every tab on its site: refresh them all.
    hub.publishAll();
    pageApi.chatChanged(session);
    void updateUnreadBadge(store.all());
    // The CRM acts on the chat's state outside the worker: only once that state is stored.
    void ready.then(() => store.stored()).then(() => crm.reconcile([session])).catch((e: unknown) => console.error('[beckon] CRM sync', e));
  });

  browser.runtime.onMessage.addListener(((raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    if (sender.id !== browser.runtime.id) return false;
    if (isExtensionPage(sender.url, OPTIONS_PATH)) {
      const request = parseMessage(PageRequestSchema, raw);
      if (!request.ok) {
        sendResponse({ ok: false, message: `Rejected a malformed request: ${request.error}` });
        return false;
      }
      const value = request.value;
      const answer = ready.then(() => (value.type === 'report.get' ? reportReply(store, value.chatId, now()) : answerPageRequest(crm, value)));
      answer.then(sendResponse, (e: unknown) => sendResponse({ ok: false, message: String(e) }));
      return true;
    }
    // From here on: content scripts in a tab's top frame (watcher, in-page host, Pega relay).
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0 || isExtensionPage(sender.url)) return false;
    const type = (raw as { type?: unknown } | null)?.type;
    if (type === 'pega.ready') {
      void ready.then(async () => onPegaDesktopReady(crm, (await settings.get()).crm, sender.tab?.url)).catch((e: unknown) => console.error('[beckon] CRM sync', e));
      return false;
    }
    if (type === 'frame.register' || type === 'frame.evicted') {
      const host = parseMessage(HostToBackgroundSchema, raw);
      if (!host.ok) {
        sendResponse({ ok: false, error: host.error });
        return false;
      }
      const done = host.value.type === 'frame.register'
        ? frames.register(tabId, host.value.secret)
        : frames.evict(tabId, host.value.reason).then(() => showEvictedBadge(tabId)).then(() => hub.publish(tabId));
      done.then(() => sendResponse({ ok: true }), (e: unknown) => sendResponse({ ok: false, error: String(e) }));
      return true;
    }
    const parsed = parseMessage(WatcherReportSchema, raw);
    if (!parsed.ok) {
      sendResponse({ wakeInMs: null, error: parsed.error });
      return false;
    }
    ready
      .then(() => broker.onPageContext(tabId, parsed.value))
      .then(sendResponse, (e: unknown) => {
        console.error('[beckon] page context failed', e);
        sendResponse({ wakeInMs: null });
      });
    return true; // Answer asynchronously through sendResponse.
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

  // The presenter's keyboard shortcuts act on the active tab; what cannot be done is said in a notification.
  browser.commands.onCommand.addListener((command, tab) => {
    if (!isPresenterCommand(command)) return;
    void ready
      .then(async () => tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id)
      .then((tabId) => (tabId === undefined ? 'No tab to act on.' : presenter.command(command, tabId)))
      .then((problem) => problem && notifyPresenter(problem))
      .catch((e: unknown) => console.error('[beckon] presenter command', e));
  });
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === UI_PORT) hub.attach(port);
    else if (port.name === PAGE_API_PORT) pageApi.attach(port, ready);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RESUME_ALARM) void ready.then(() => runner.resumeAll());
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void broker.forgetTab(tabId);
    void frames.forget(tabId);
    void journeys.forget(tabId);
  });
  openPopupOnNotificationClick();
  // "Offer a chat when this is clicked" on enabled sites: a click rule for the element under the pointer.
  wireContextMenu(settings);

  const resync = () =>
    void settings
      .get()
      .then(async (s) => {
        // One look at the granted permissions for the three that follow the enabled sites.
        const granted = await grantedSites(s);
        await Promise.all([syncWatcher(s, granted), syncPageApi(s, granted), syncContextMenu(s, granted), syncPegaRelay(s.crm)]);
      })
      .catch((e) => console.error('[beckon] site sync failed', e));
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  settings.onChange(() => {
    resync();
    hub.publishAll();
    // A connector just turned on takes the live chats, and what waited while it was off goes.
    void ready.then(() => crm.reconcile(store.active())).then(() => crm.nudge()).catch((e: unknown) => console.error('[beckon] CRM sync', e));
  });
}
