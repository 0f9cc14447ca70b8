/**
 * What a visitor does and sees, through the extension's real UI (the in-page UI frame,
 * popup, options). Works with any page object exposing Playwright-style locators.
 */
import type { Page } from 'playwright-core';
import { currentPageUi, uiOf } from './page-ui.ts';
import { waitFor } from './wait.ts';

/** Points the extension at a test Sandbox and shortens the rule's time on page, through the options page. */
export async function configureExtension(options: Page, sandboxUrl: string, secondsOnPage: number): Promise<void> {
  await options.getByTestId('options-backendUrl').fill(sandboxUrl);
  await options.getByTestId('options-rule-0-condition-0-min').fill(String(secondsOnPage));
  await options.getByTestId('options-save').click();
  await options.getByTestId('options-status').getByText('Saved.').waitFor({ timeout: 5_000 });
}

/** The visitor-side transcript's message texts, in order (in-page window or popup; [] while a page has no UI). */
export async function visitorMessages(page: Page): Promise<string[]> {
  const ui = page.url().startsWith('chrome-extension://') ? page : currentPageUi(page);
  return ui ? ui.getByTestId('beckon-message-text').allTextContents().catch(() => []) : [];
}

/** Types a message in the composer and presses Enter. */
export async function sendAsVisitor(page: Page, text: string): Promise<void> {
  const composer = (await uiOf(page)).getByTestId('beckon-composer');
  await composer.fill(text);
  await composer.press('Enter');
}

/** Waits until the visitor sees `text` in the transcript. */
export async function waitForVisitorMessage(page: Page, text: string, timeoutMs = 15_000): Promise<void> {
  await waitFor(async () => (await visitorMessages(page)).includes(text), { timeoutMs, what: `the visitor to see "${text}"` });
}

/**
 * Forgets the visitor's capping state (offers made, declines, chats) through the popup's
 * rule debugger, as a demo presenter would between two runs.
 */
export async function resetVisitorState(popup: Page): Promise<void> {
  await popup.getByTestId('debug-panel').locator('summary').click();
  await popup.getByTestId('debug-reset').click();
}
