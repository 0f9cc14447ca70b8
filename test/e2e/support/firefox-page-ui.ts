/**
 * The in-page UI in Firefox (puppeteer-core over WebDriver BiDi). The UI is a moz-extension
 * frame (`page-frame.html`) in a closed shadow root: puppeteer lists the frame (with a stale
 * `about:blank` URL) and evaluates in it, but cannot resolve its element in the page, so
 * element clicks fail. The harness therefore reads positions inside the frame and clicks the
 * page with the mouse at those coordinates: a real pointer event that the page's hit testing
 * routes to the frame, which is exactly what a visitor does. Keys go where the focus is.
 *
 * The frame is looked up again on every call: a reload or a re-inserted host gives it a new
 * document, and a frame found a moment ago may be gone; such errors count as "not yet".
 */
import type { Frame, Page } from 'puppeteer-core';
import { waitFor } from './wait.ts';

const FRAME_PATH = '/page-frame.html';
const sel = (testId: string) => `[data-testid="${testId}"]`;

/** The page's UI frame now, if any (found by asking each frame where it is). */
export async function currentFirefoxPageUi(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame() || frame.detached) continue;
    const path = await frame.evaluate(() => location.pathname).catch(() => '');
    if (path === FRAME_PATH) return frame;
  }
  return undefined;
}

/** Waits for the UI frame and an element in it. */
export async function waitInFirefoxPageUi(page: Page, testId: string, timeoutMs = 15_000): Promise<Frame> {
  return waitFor(
    async () => {
      const frame = await currentFirefoxPageUi(page);
      return frame && (await frame.$(sel(testId)).catch(() => null)) ? frame : undefined;
    },
    { timeoutMs, what: `${testId} in the in-page UI` },
  );
}

/** Texts of every element with this test id in the UI frame ([] without a frame). */
export async function firefoxUiTexts(page: Page, testId: string): Promise<string[]> {
  const frame = await currentFirefoxPageUi(page);
  if (!frame) return [];
  return frame.evaluate((s: string) => [...document.querySelectorAll(s)].map((el) => el.textContent ?? ''), sel(testId)).catch(() => []);
}

/** The in-page host's box in the page (the frame fills it), once it is shown with a size. */
async function hostBox(page: Page): Promise<{ x: number; y: number; width: number } | undefined> {
  return page.evaluate(() => {
    // The host's name is random (two groups of six letters) and it sits directly in <html>.
    const host = [...document.documentElement.children].find((el) => /^[a-z]{6}-[a-z]{6}$/.test(el.localName));
    if (!host || getComputedStyle(host).visibility !== 'visible') return undefined;
    const r = host.getBoundingClientRect();
    return r.width > 0 && r.height > 0 ? { x: r.left, y: r.top, width: r.width } : undefined;
  });
}

/** Where to click the element, in page coordinates, once both it and the host are laid out. */
async function pagePoint(page: Page, testId: string): Promise<{ x: number; y: number } | undefined> {
  const frame = await currentFirefoxPageUi(page);
  if (!frame) return undefined;
  const inFrame = await frame.evaluate((s: string) => {
    const el = document.querySelector(s);
    if (!el) return undefined;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return undefined;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, frameWidth: innerWidth };
  }, sel(testId));
  const host = inFrame && (await hostBox(page));
  if (!inFrame || !host) return undefined;
  // The host may be zoomed against the page's own zoom: frame px to page px. A frame that
  // has no width yet (still resizing to what it reported) is not ready.
  const scale = host.width / inFrame.frameWidth;
  const point = { x: host.x + inFrame.x * scale, y: host.y + inFrame.y * scale };
  return Number.isFinite(point.x) && Number.isFinite(point.y) ? point : undefined;
}

/** Clicks an element of the UI with the mouse, at its centre, in page coordinates. */
export async function clickInFirefoxPageUi(page: Page, testId: string, timeoutMs = 15_000): Promise<void> {
  const point = await waitFor(() => pagePoint(page, testId), { timeoutMs, what: `${testId} laid out in the in-page UI` });
  await page.mouse.click(point.x, point.y);
}

/**
 * Clicks a field of the UI and types into it with the keyboard, then presses Enter if asked.
 * Typing starts once the field has the focus: the click reaches the frame's process a moment
 * after the page's, and keys sent before would go to the page.
 */
export async function typeInFirefoxPageUi(page: Page, testId: string, text: string, { enter = false } = {}): Promise<void> {
  await clickInFirefoxPageUi(page, testId);
  await waitFor(
    async () => {
      const frame = await currentFirefoxPageUi(page);
      return frame?.evaluate((s: string) => document.hasFocus() && document.activeElement?.matches(s) === true, sel(testId));
    },
    { timeoutMs: 5_000, what: `${testId} to have the focus` },
  );
  await page.keyboard.type(text);
  if (enter) await page.keyboard.press('Enter');
}
