/**
 * Debian Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi, with the
 * production build (.output/firefox-mv3) installed as a temporary add-on.
 *
 * Firefox specifics (see test/README.md):
 * - The add-on's internal UUID is pinned with the pref `extensions.webextensions.uuids`, so
 *   its pages live at a known `moz-extension://<uuid>/`.
 * - Firefox 141+ lets WebDriver BiDi navigate to moz-extension:// only with
 *   `--remote-allow-system-access` (else "Navigation to … is not allowed in this context").
 * - The `goto` promise of a moz-extension:// page never settles (the tab moves to the
 *   extension process): do not await it, wait for the document instead. `page.url()` stays
 *   stale; ask `location.href`. The extension CSP forbids eval, so puppeteer's locators and
 *   `waitForFunction` fail there: see firefox-extension-page.ts.
 * - The MV3 background is an event page; `extensions.background.idle.timeout` (ms) sets how
 *   long it stays idle before Firefox suspends it. The harness reads and forces its state in
 *   the parent process (what about:debugging does) through Firefox's DevTools server on a
 *   private Unix socket (firefox-devtools.ts): BiDi no longer reaches the parent process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { connectParentProcessConsole, type ParentProcessConsole } from './firefox-devtools.ts';
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
  /**
   * Suspends the event page now, as the idle timeout would (what about:debugging's
   * "Terminate background script" does), and resolves once Firefox has stopped it. It may
   * start again at once if something wakes it (an open chat window reconnecting).
   */
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
  /**
   * Evaluates an expression (awaited if it is a promise) in the parent process with chrome
   * privileges (`WebExtensionPolicy`, `ChromeUtils`, `Services`); returns its JSON value.
   */
  chromeEval<R = unknown>(expression: string): Promise<R>;
  /** Closes Firefox (puppeteer deletes its temp profile, the harness its socket folder). Idempotent. */
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

/** Launches Firefox ESR with the add-on installed. */
export async function launchFirefox(opts: LaunchFirefoxOptions = {}): Promise<FirefoxExtension> {
  const addonDir = opts.addonDir ?? FIREFOX_BUILD;
  const manifest = await readManifest(addonDir);
  // The DevTools server listens on a socket in a folder only this user can enter (mode 0700).
  const socketDir = await mkdtemp(join(tmpdir(), 'beckon-firefox-'));
  const socketPath = join(socketDir, 'devtools.sock');
  let browser: Browser | undefined;
  let devtools: ParentProcessConsole | undefined;
  const cleanUp = async () => {
    devtools?.close();
    await browser?.close().catch(() => undefined);
    await rm(socketDir, { recursive: true, force: true });
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: opts.headless ?? !process.env.E2E_HEADED,
      // Since Firefox 141 WebDriver BiDi navigates only to http(s), file, blob and about:blank
      // unless system access is allowed: the add-on's own moz-extension:// pages need it.
      args: ['--start-debugger-server', socketPath, '--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_ADDON_UUID }),
        // The DevTools server, with the parent process, and no prompt to accept the harness.
        'devtools.debugger.remote-enabled': true,
        'devtools.chrome.enabled': true,
        'devtools.debugger.prompt-connection': false,
        ...(opts.idleTimeoutMs !== undefined ? { 'extensions.background.idle.timeout': opts.idleTimeoutMs } : {}),
        ...opts.prefs,
      },
    });
    devtools = await connectParentProcessConsole(socketPath);
    const addonId = await browser.installExtension(addonDir);
    return harnessFor(browser, addonId, manifest, devtools.evaluate, cleanUp);
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

function harnessFor(
  browser: Browser,
  addonId: string,
  manifest: BuiltManifest,
  chromeEval: ParentProcessConsole['evaluate'],
  close: () => Promise<void>,
): FirefoxExtension {
  const origin = `moz-extension://${FIREFOX_ADDON_UUID}/`;
  const url = (path: string) => origin + path.replace(/^\//, '');
  const extension = `WebExtensionPolicy.getByID(${JSON.stringify(addonId)}).extension`;

  const openPage = async (path: string, opts: { selector?: string } = {}) => {
    const page = await browser.newPage();
    // Never settles for moz-extension:// targets; the waits below are what count.
    void page.goto(url(path)).catch(() => undefined);
    // Polled with evaluate: waitForFunction builds a Function() in the page, which the CSP refuses.
    await waitFor(
      () => page.evaluate((expected: string) => location.href === expected && document.readyState === 'complete', url(path)),
      { timeoutMs: 15_000, what: `${path} to load` },
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
      // The state is read in the same evaluation: an open port may wake a fresh page at once.
      // Firefox skips a suspension while a listener's promise is pending, as its idle timer
      // does (it tries again a period later), so try again until it takes.
      const suspend = `${extension}.terminateBackground({ ignoreDevToolsAttached: true }).then(() => ${extension}.backgroundState)`;
      await waitFor(async () => (await chromeEval<BackgroundState>(suspend)) === 'stopped', {
        timeoutMs: 10_000,
        intervalMs: 250,
        what: 'Firefox to suspend the background page',
      });
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
    chromeEval,
    close,
  };
  return harness;
}
