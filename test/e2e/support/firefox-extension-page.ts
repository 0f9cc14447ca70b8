/**
 * Driving the add-on's own pages (options, popup) in Firefox as a user does. Their CSP forbids
 * eval, and puppeteer's locators and `waitForFunction` build functions in the page, so they
 * fail there ("call to Function() blocked by CSP"). What works: `page.evaluate` (WebDriver
 * BiDi calls the function with its own privileges), `page.$`, `page.waitForSelector` and
 * element handles, whose clicks and typing are real pointer and key events.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import type { Settings } from '../../../src/core/settings.ts';
import type { FirefoxExtension } from './firefox.ts';
import { waitFor } from './wait.ts';

const byTestId = (testId: string) => `[data-testid="${testId}"]`;

async function element(page: Page, testId: string, timeoutMs = 15_000): Promise<ElementHandle> {
  const handle = await page.waitForSelector(byTestId(testId), { visible: true, timeout: timeoutMs });
  if (!handle) throw new Error(`${testId} is not on the page`);
  return handle;
}

/** Clicks the element with this test id. */
export async function clickTestId(page: Page, testId: string): Promise<void> {
  await (await element(page, testId)).click();
}

/**
 * Replaces a field's text by typing: a triple click selects what is there, the keyboard types
 * over it. Fails if the field does not end up holding exactly `text`.
 */
export async function typeIntoTestId(page: Page, testId: string, text: string): Promise<void> {
  const field = await element(page, testId);
  await field.click({ count: 3 });
  await field.type(text);
  const value = await field.evaluate((el) => (el as HTMLInputElement).value);
  if (value !== text) throw new Error(`${testId} holds ${JSON.stringify(value)} after typing ${JSON.stringify(text)}`);
}

/** Waits until the element with this test id shows exactly `text`. */
export async function waitForTestIdText(page: Page, testId: string, text: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(
    () => page.evaluate((sel: string, want: string) => document.querySelector(sel)?.textContent === want, byTestId(testId), text),
    { timeoutMs, what: `${testId} to say ${JSON.stringify(text)}` },
  );
}

export interface FirefoxSettings {
  backendUrl: string;
  /** Visible seconds on page before the default rule offers a chat. */
  secondsOnPage: number;
  /** The Sandbox CRM's URL, for CRM sync (the default connector). */
  crmSandboxUrl?: string;
}

/** Points the add-on at a test Sandbox through its options page, typed and saved as a user would. */
export async function configureFirefoxExtension(ext: FirefoxExtension, settings: FirefoxSettings): Promise<void> {
  const options = await ext.openOptions({ selector: byTestId('options-save') });
  try {
    await typeIntoTestId(options, 'options-backendUrl', settings.backendUrl);
    await typeIntoTestId(options, 'options-rule-0-condition-0-min', String(settings.secondsOnPage));
    if (settings.crmSandboxUrl !== undefined) await typeIntoTestId(options, 'options-crm-sandbox-url', settings.crmSandboxUrl);
    await clickTestId(options, 'options-save');
    await waitForTestIdText(options, 'options-status', 'Saved.');
  } finally {
    await options.close();
  }
}

/** Stores whole settings from the add-on's options page, as a save there would (no form typing). */
export async function storeFirefoxSettings(ext: FirefoxExtension, settings: Settings): Promise<void> {
  const options = await ext.openOptions();
  try {
    await options.evaluate(async (s) => {
      await (globalThis as any).browser.storage.local.set({ settings: s });
    }, settings);
  } finally {
    await options.close();
  }
}
