/**
 * Debian Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi, with the
 * production build (.output/firefox-mv3) installed as a temporary add-on.
 *
 * Firefox specifics (see test/README.md):
 * - The add-on's internal UUID is pinned with the pref `extensions.webextensions.uuids`, so
 *   its pages live at a known `moz-extension://<uuid>/`.
 * - Navigating a tab to a moz-extension:// page needs `--remote-allow-system-access`, and the
 *   `goto` promise never settles (the tab moves to the extension process): do not await it,
 *   wait for the document instead. `page.url()` stays stale; ask `location.href`.
 * - The MV3 background is an event page; `extensions.background.idle.timeout` (ms) sets how
 *   long it stays idle before Firefox suspends it. System access also lets the harness read
 *   and force the background state in the parent process (what about:debugging does).
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type BuiltManifest, optionsPath, popupPath, readManifest } from './manifest.ts';
import { FIREFOX_BUILD, FIREFOX_PATH, GECKO_ID } from './paths.ts';
import { waitFor } from './wait.ts';

/** The add-on's moz-extension:// host in every harness-launched Firefox. */
export const FIREFOX_ADDON_UUID = 'b3c0e7a1-5e4d-4b1c-9a2f-000000007400';

/** Parent-process view of the event page: Firefox's `extension.backgroundState`. */
export type BackgroundState = 'stopped' | 'starting' | 'running' | 'suspending';

export interface FirefoxExtension {
  browser: Browser;
  addonId: string;
  uuid: string;
  manifest: BuiltManifest;
  /** `moz-extension://<uuid>/<path>`. */
  url(path: string): string;
  /** Opens an extension page in a new tab; resolves once its document has loaded. */
  openPage(path: string, opts?: { selector?: string }): Promise<Page>;
  openPopup(opts?: { selector?: string }): Promise<Page>;
  openOptions(opts?: { selector?: string }): Promise<Page>;
  backgroundState(): Promise<BackgroundState>;
  /** Suspends the event page now (as the idle timeout would) and waits until it is stopped. */
  suspendBackground(): Promise<void>;
  /** Waits until the event page is in `state` (default running). */
  waitForBackground(state?: BackgroundState, timeoutMs?: number): Promise<void>;
  /**
   * Calls `fn(backgroundWindow)` and returns its JSON-serialisable result. `fn` runs in an
   * extension page (the popup if none given) and reaches the background page's global through
   * its argument (from `runtime.getBackgroundPage()`, which wakes a suspended event page), so
   * it must use `bg.location`, `bg.someGlobal`, not bare globals.
   */
  evaluateInBackground<R>(fn: (bg: Window) => R | Promise<R>, from?: Page): Promise<R>;
  /** `browser.runtime.sendMessage(message)` from an extension page (opens the popup if none given). */
  sendMessage(message: unknown, from?: Page): Promise<unknown>;
  /** Grants optional host permissions, as if the user had accepted the prompt. */
  grantHostPermissions(origins: string[]): Promise<void>;
  /** Evaluates an expression in the browser's privileged (chrome) scope; returns its JSON value. */
  chromeEval<R = unknown>(expression: string): Promise<R>;
  /** Closes Firefox (puppeteer deletes its temp profile). Idempotent. */
  close(): Promise<void>;
}

export interface LaunchFirefoxOptions {
  /** Unpacked build to install; default `.output/firefox-mv3`. */
  addonDir?: string;
  /** `extensions.background.idle.timeout` in ms (Firefox default 30000). */
  idleTimeoutMs?: number;
  /** More prefs, e.g. for a feature flag under test. */
  prefs?: Record<string, string | number | boolean>;
  headless?: boolean;
}

type BidiSend = (method: string, params: object) => Promise<{ result: Record<string, unknown> }>;

/** Launches Firefox ESR with the add-on installed. */
export async function launchFirefox(opts: LaunchFirefoxOptions = {}): Promise<FirefoxExtension> {
  const addonDir = opts.addonDir ?? FIREFOX_BUILD;
  const manifest = await readManifest(addonDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: opts.headless ?? !process.env.E2E_HEADED,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_ADDON_UUID }),
      ...(opts.idleTimeoutMs !== undefined ? { 'extensions.background.idle.timeout': opts.idleTimeoutMs } : {}),
      ...opts.prefs,
    },
  });
  try {
    const addonId = await browser.installExtension(addonDir);
    return await harnessFor(browser, addonId, manifest);
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

async function harnessFor(browser: Browser, addonId: string, manifest: BuiltManifest): Promise<FirefoxExtension> {
  const origin = `moz-extension://${FIREFOX_ADDON_UUID}/`;
  const url = (path: string) => origin + path.replace(/^\//, '');

  // Raw BiDi: a chrome-scope browsing context is where privileged code can run.
  const send = ((browser as unknown as { connection: { send: BidiSend } }).connection.send).bind(
    (browser as unknown as { connection: object }).connection,
  ) as BidiSend;
  const tree = await send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeContext = (tree.result.contexts as { context: string }[])[0]?.context;
  if (!chromeContext) throw new Error('No chrome-scope context: is --remote-allow-system-access honoured?');

  const chromeEval = async <R>(expression: string): Promise<R> => {
    const { result } = await send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: chromeContext },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type !== 'success') throw new Error(`chromeEval failed: ${JSON.stringify(result.exceptionDetails)}`);
    const value = (result.result as { value?: string }).value;
    return (value === undefined ? undefined : JSON.parse(value)) as R;
  };
  const extension = `WebExtensionPolicy.getByID(${JSON.stringify(addonId)}).extension`;

  const openPage = async (path: string, opts: { selector?: string } = {}) => {
    const page = await browser.newPage();
    // Never settles for moz-extension:// targets; the waits below are what count.
    void page.goto(url(path)).catch(() => undefined);
    await page.waitForFunction(
      (expected: string) => location.href === expected && document.readyState === 'complete',
      { timeout: 15_000 },
      url(path),
    );
    if (opts.selector) await page.waitForSelector(opts.selector, { timeout: 15_000 });
    return page;
  };

  const fromExtensionPage = async <R>(from: Page | undefined, run: (page: Page) => Promise<R>): Promise<R> => {
    const page = from ?? (await openPage(popupPath(manifest)));
    try {
      return await run(page);
    } finally {
      if (!from) await page.close();
    }
  };

  const harness: FirefoxExtension = {
    browser,
    addonId,
    uuid: FIREFOX_ADDON_UUID,
    manifest,
    url,
    openPage,
    openPopup: (o) => openPage(popupPath(manifest), o),
    openOptions: (o) => openPage(optionsPath(manifest), o),
    backgroundState: () => chromeEval<BackgroundState>(`${extension}.backgroundState`),
    async suspendBackground() {
      await chromeEval(`${extension}.terminateBackground({ ignoreDevToolsAttached: true }).then(() => true)`);
      await harness.waitForBackground('stopped');
    },
    async waitForBackground(state = 'running', timeoutMs = 10_000) {
      await waitFor(async () => (await harness.backgroundState()) === state, {
        timeoutMs,
        what: `the background page to be ${state}`,
      });
    },
    evaluateInBackground: (fn, from) =>
      fromExtensionPage(from, (page) =>
        // A string, so BiDi evaluates it with its own privileges: the extension CSP forbids eval().
        page.evaluate(`(async () => {
          const bg = await browser.runtime.getBackgroundPage();
          return (${fn.toString()})(bg);
        })()`),
      ) as never,
    sendMessage: (message, from) =>
      fromExtensionPage(from, (page) =>
        page.evaluate(
          (m: unknown) =>
            (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(m),
          message,
        ),
      ),
    async grantHostPermissions(origins) {
      await chromeEval(`(async () => {
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        await ExtensionPermissions.add(${JSON.stringify(addonId)}, { permissions: [], origins: ${JSON.stringify(origins)} }, ${extension});
        return true;
      })()`);
    },
    chromeEval,
    close: () => browser.close().catch(() => undefined),
  };
  return harness;
}
