/**
 * The in-page UI as a test reaches it. It lives in an extension-origin frame inside a closed
 * shadow root, which no selector engine pierces: the harness finds the frame among the page's
 * frames by its path, as DevTools sees it, and drives it like a user would (Playwright's
 * clicks are real pointer events at the element's position, hit-tested in the page).
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { waitFor } from './wait.ts';

/** Path of the frame page in the built extension. */
export const PAGE_FRAME_PATH = '/page-frame.html';

/** The page's UI frame now, if there is one. */
export function currentPageUi(page: Page): Frame | undefined {
  return page.frames().find((f) => !f.isDetached() && f.parentFrame() === page.mainFrame() && pathOf(f.url()) === PAGE_FRAME_PATH);
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Waits for the page's UI frame (the host injects it when an offer fires or a chat shows). */
export async function pageUi(page: Page, timeoutMs = 15_000): Promise<Frame> {
  return waitFor(() => currentPageUi(page), { timeoutMs, what: 'the in-page UI frame' });
}

/** An element of the in-page UI by test id, once the frame exists. */
export async function inPageUi(page: Page, testId: string, timeoutMs = 15_000): Promise<Locator> {
  return (await pageUi(page, timeoutMs)).getByTestId(testId);
}

/** How many elements with this test id the in-page UI shows now (0 without a frame). */
export async function countInPageUi(page: Page, testId: string): Promise<number> {
  return currentPageUi(page)?.getByTestId(testId).count() ?? 0;
}

/** Where a visitor sees the chat: the popup (an extension page) itself, or a web page's UI frame. */
export async function uiOf(page: Page, timeoutMs = 15_000): Promise<Page | Frame> {
  return page.url().startsWith('chrome-extension://') ? page : pageUi(page, timeoutMs);
}
