/**
 * One Sandbox, one ready agent and one headless Chromium with the snapshot of the build,
 * shared by the browser benchmarks of a run (starting Chromium costs seconds on two cores).
 * Built on the e2e harness, so the benchmarks drive the extension exactly as the tests do.
 */
import type { Page } from 'playwright-core';
import { agentClient } from '../../test/e2e/support/agent.ts';
import { launchChromium, type ChromiumExtension } from '../../test/e2e/support/chromium.ts';
import { startTestSandbox, type TestSandbox } from '../../test/e2e/support/sandbox.ts';
import { configureExtension, resetVisitorState } from '../../test/e2e/support/visitor.ts';

/** The demo page every browser benchmark loads. */
export const DEMO_PAGE = '/demo/bill-payment.html';

export interface BenchSession {
  sandbox: TestSandbox;
  ext: ChromiumExtension;
  /** `<sandbox>/demo/bill-payment.html`. */
  demoUrl: string;
  /** `chrome-extension://<id>/<file>`: how trace events name the extension's scripts. */
  scriptUrl(file: string): string;
  /** Sets the first rule's seconds on page through the options page (as the e2e tests do). */
  setSecondsOnPage(seconds: number): Promise<void>;
  /** Points the extension at another chat server (the backend URL on the options page); `sandbox.url` is the default. */
  useBackend(url: string): Promise<void>;
  /** Forgets offers made and declined (capping), through the popup's rule debugger. */
  resetVisitor(): Promise<void>;
  /** A new tab, not yet navigated. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Sets only the backend URL on an options page and saves (as a visitor's admin would). */
export async function setBackendUrl(options: Page, url: string): Promise<void> {
  await options.getByTestId('options-backendUrl').fill(url);
  await options.getByTestId('options-save').click();
  await options.getByTestId('options-status').getByText('Saved.').waitFor({ timeout: 5_000 });
}

/** Starts the Sandbox and Chromium with the unpacked build in `extensionDir`. */
export async function startSession(extensionDir: string): Promise<BenchSession> {
  const sandbox = await startTestSandbox();
  let ext: ChromiumExtension | undefined;
  try {
    // Offers wait for a ready agent on the rule's queue (the availability gate).
    await agentClient(sandbox.url, sandbox.agents[0]!).ready();
    ext = await launchChromium({ extensionDir, headless: true });
  } catch (error) {
    await ext?.close();
    await sandbox.close();
    throw error;
  }
  const browser = ext;
  let seconds: number | undefined;
  let backendUrl = sandbox.url;
  return {
    sandbox,
    ext: browser,
    demoUrl: sandbox.url + DEMO_PAGE,
    scriptUrl: (file) => browser.url(file),
    async setSecondsOnPage(s) {
      if (s === seconds) return;
      const options = await browser.openOptions();
      await configureExtension(options, backendUrl, s);
      await options.close();
      seconds = s;
    },
    async useBackend(url) {
      const options = await browser.openOptions();
      await setBackendUrl(options, url);
      await options.close();
      backendUrl = url;
    },
    async resetVisitor() {
      const popup = await browser.openPopup();
      await resetVisitorState(popup);
      await popup.waitForTimeout(300); // the reset is a message to the background: let it land
      await popup.close();
    },
    newPage: () => browser.context.newPage(),
    async close() {
      await browser.close();
      await sandbox.close();
    },
  };
}
