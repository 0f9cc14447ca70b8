/**
 * Debian Chromium, headless, with the production build (.output/chrome-mv3) loaded in a
 * throwaway profile, driven by playwright-core. Lifecycle helpers stop the MV3 service worker
 * through the browser's CDP session (`Target.closeTarget` on the worker target).
 *
 * Note: Playwright attaches DevTools to the worker, and an attached worker never idles out,
 * so the 30 s idle stop does not happen under test: use `stopServiceWorker()`.
 *
 * Offline: `Network.emulateNetworkConditions({offline: true})` on the worker's own target makes
 * its fetch() fail ("TypeError: Failed to fetch"), as a real offline browser does. Playwright
 * 1.65's `context.setOffline()` sends the same command to pages and (through its own worker
 * session) to service workers; `setOffline()` below does both, so it does not rest on that.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { launchChromiumWithExtension, resolveChromium } from '../../../scripts/lib/chromium.ts';
import { type BuiltManifest, optionsPath, popupPath, readManifest } from './manifest.ts';
import { CHROME_BUILD, CHROMIUM_PATH } from './paths.ts';
import { waitFor, withTimeout } from './wait.ts';

export interface ChromiumExtension {
  context: BrowserContext;
  extensionId: string;
  /** The built manifest.json. */
  manifest: BuiltManifest;
  /** `chrome-extension://<id>/<path>`. */
  url(path: string): string;
  /** The running service worker, waiting (up to 10 s) for it to run. */
  serviceWorker(): Promise<Worker>;
  /** True while the worker runs (its CDP target exists). */
  isServiceWorkerRunning(): Promise<boolean>;
  /** Stops the worker as Chrome does when idle, and waits until it is gone. */
  stopServiceWorker(): Promise<void>;
  /** Opens an extension page in a new tab and waits for it to load. */
  openPage(path: string): Promise<Page>;
  /** The action popup's page (`action.default_popup`), opened as a tab. */
  openPopup(): Promise<Page>;
  /** The options page (`options_ui.page` / `options_page`), opened as a tab. */
  openOptions(): Promise<Page>;
  /** `chrome.runtime.sendMessage(message)` from an extension page (opens the popup if none given). */
  sendMessage(message: unknown, from?: Page): Promise<unknown>;
  /**
   * Takes the whole browser off the network (or back): pages through `context.setOffline`,
   * and the extension's service worker through `Network.emulateNetworkConditions` on its own
   * target (see the note at the top). A worker started while offline is covered by Playwright.
   */
  setOffline(offline: boolean): Promise<void>;
  /** Sends a DevTools command to the service worker's own target (e.g. `Runtime.getHeapUsage`) and returns its result. */
  workerCdp<T = unknown>(method: string, params?: object): Promise<T>;
  /** Closes the browser and deletes the profile. Idempotent. */
  close(): Promise<void>;
}

export interface LaunchChromiumExtensionOptions {
  /** Unpacked build to load; default `.output/chrome-mv3`. */
  extensionDir?: string;
  /** Default true; `E2E_HEADED=1` shows the window (needs a display). */
  headless?: boolean;
}

/** Launches Chromium with the extension and waits for its service worker. */
export async function launchChromium(opts: LaunchChromiumExtensionOptions = {}): Promise<ChromiumExtension> {
  const extensionDir = opts.extensionDir ?? CHROME_BUILD;
  const manifest = await readManifest(extensionDir);
  const profileDir = await mkdtemp(join(tmpdir(), 'beckon-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await launchChromiumWithExtension({
      executablePath: resolveChromium(CHROMIUM_PATH),
      profileDir,
      extensionDir,
      headless: opts.headless ?? !process.env.E2E_HEADED,
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }

  const isExtensionWorker = (w: Worker) => w.url().startsWith('chrome-extension://');
  const first =
    context.serviceWorkers().find(isExtensionWorker) ??
    (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 15_000 }));
  const extensionId = new URL(first.url()).host;
  const origin = `chrome-extension://${extensionId}/`;
  const url = (path: string) => origin + path.replace(/^\//, '');

  // A browser-level CDP session: Target.* sees the worker whether or not a page is open.
  const browser = context.browser();
  if (!browser) throw new Error('playwright-core gave no Browser for the persistent context');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const workerTargets = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.filter(
      (t) => t.type === 'service_worker' && t.url.startsWith(origin),
    );

  // DevTools sessions of our own on worker targets (non-flat: a browser-level Playwright
  // session cannot address a flat child session), used to emulate offline in the worker.
  const workerSessions = new Map<string, string>();
  let nextId = 0;
  const replies = new Map<number, (reply: { error?: { message: string }; result?: unknown }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const reply = JSON.parse(event.message) as { id?: number; error?: { message: string }; result?: unknown };
    if (reply.id !== undefined) replies.get(reply.id)?.(reply);
  });
  const sendToWorker = <T = unknown>(sessionId: string, method: string, params: object) =>
    withTimeout(
      new Promise<T>((resolve, reject) => {
        const id = ++nextId;
        replies.set(id, (reply) => {
          replies.delete(id);
          if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
          else resolve(reply.result as T);
        });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      }),
      5_000,
      `${method} on the service worker`,
    );

  /** Our own DevTools session on a worker target, attached once. */
  const sessionFor = async (targetId: string) => {
    let sessionId = workerSessions.get(targetId);
    if (!sessionId) {
      ({ sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false }));
      workerSessions.set(targetId, sessionId);
    }
    return sessionId;
  };

  const openPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(url(path));
    return page;
  };

  let closing: Promise<void> | undefined;
  const harness: ChromiumExtension = {
    context,
    extensionId,
    manifest,
    url,
    isServiceWorkerRunning: async () => (await workerTargets()).length > 0,
    async serviceWorker() {
      return waitFor(
        async () => {
          const running = await workerTargets();
          if (running.length === 0) return undefined;
          // Playwright keeps one Worker per target and re-attaches it when the worker restarts;
          // a quick evaluate proves the attachment is live (it hangs on a stopped worker).
          const worker = context.serviceWorkers().filter((w) => w.url() === running[0]!.url).at(-1);
          if (!worker) return undefined;
          await withTimeout(worker.evaluate(() => 1), 1_000, 'service worker evaluate');
          return worker;
        },
        { timeoutMs: 10_000, what: 'the extension service worker to run' },
      );
    },
    async stopServiceWorker() {
      // Open UIs reconnect at once and wake a new worker, maybe before we look: a stop is
      // proven by the worker being gone, or by a fresh instance without the old one's mark.
      const mark = `stop-${Math.random()}`;
      const before = await harness.serviceWorker().catch(() => undefined);
      await before?.evaluate((m) => ((globalThis as Record<string, unknown>).__beckonInstance = m), mark).catch(() => undefined);
      for (const target of await workerTargets()) {
        await cdp.send('Target.closeTarget', { targetId: target.targetId });
      }
      await waitFor(
        async () => {
          if ((await workerTargets()).length === 0) return true;
          const now = context.serviceWorkers().filter((w) => w.url().startsWith(origin)).at(-1);
          const seen = await withTimeout(now!.evaluate(() => (globalThis as Record<string, unknown>).__beckonInstance), 500, 'worker mark');
          return seen !== mark;
        },
        { what: 'the service worker to stop' },
      );
    },
    openPage,
    openPopup: () => openPage(popupPath(manifest)),
    openOptions: () => openPage(optionsPath(manifest)),
    async sendMessage(message, from) {
      const page = from ?? (await harness.openPopup());
      try {
        return await page.evaluate(
          (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
          message,
        );
      } finally {
        if (!from) await page.close();
      }
    },
    async workerCdp<T>(method: string, params: object = {}) {
      await harness.serviceWorker();
      const [target] = await workerTargets();
      if (!target) throw new Error('no service worker to ask');
      return sendToWorker<T>(await sessionFor(target.targetId), method, params);
    },
    async setOffline(offline) {
      await context.setOffline(offline);
      const conditions = { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
      for (const target of await workerTargets()) {
        const sessionId = await sessionFor(target.targetId);
        await sendToWorker(sessionId, 'Network.enable', {});
        await sendToWorker(sessionId, 'Network.emulateNetworkConditions', conditions);
      }
      if (!offline) {
        // Detaching drops the emulation with the session, also for a worker that went away.
        for (const sessionId of workerSessions.values()) await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
        workerSessions.clear();
      }
    },
    close: () =>
      (closing ??= context
        .close()
        .catch(() => undefined)
        .finally(() => rm(profileDir, { recursive: true, force: true }))),
  };
  return harness;
}
