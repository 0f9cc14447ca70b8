/**
 * The in-page UI on pages that are hostile to it (issue 9), in real Chromium against a real
 * Sandbox: each page gets its offer visible and clickable by a real pointer, the chat works
 * both ways, and the page's own script (test/e2e/fixtures/hostile/probe.js, asked through the
 * page's main world) finds no transcript text, no keystrokes, nothing to click, no frame to read.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { agentClient, type AgentClient } from './support/agent.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { hostileSettings, startHostileSite, type HostilePage, type HostileSite } from './support/hostile-site.ts';
import { currentPageUi, pageUi } from './support/page-ui.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { waitFor } from './support/wait.ts';

/** What the page's script reports (probe.js `look()`). */
interface Look {
  text: string;
  keys: string[];
  hosts: { name: string; shadowRoot: boolean }[];
  buttons: string[];
  frames: number;
  frameReads: string[];
}

describe('the in-page UI on hostile pages (Chromium)', () => {
  let sandbox: TestSandbox;
  let site: HostileSite;
  let ext: ChromiumExtension;
  let agent: AgentClient;
  const known = new Set<string>();

  const look = (page: Page) => page.evaluate(() => (window as any).__hostile.look() as Look);
  const tabIdOf = async (page: Page) =>
    (await ext.serviceWorker()).evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({ url: u }))[0]?.id as number, page.url());

  /** Opens a hostile page and waits for the offer card in the page's UI frame. */
  async function offerOn(name: HostilePage, viewport?: { width: number; height: number }): Promise<{ page: Page; ui: Frame }> {
    const page = await ext.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(site.url(name));
    const ui = await pageUi(page, 20_000);
    await ui.getByTestId('beckon-offer').waitFor({ timeout: 15_000 });
    return { page, ui };
  }

  /** The card or window is inside the viewport, and the page's hit testing finds the widget there, not a layer over it. */
  async function expectOnScreen(page: Page, ui: Frame, testId: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = (await ui.getByTestId(testId).boundingBox())!;
    const view = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(view.width);
    expect(box.y + box.height).toBeLessThanOrEqual(view.height);
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName ?? '', { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(hit).toMatch(/^[a-z]{6}-[a-z]{6}$/);
    return box;
  }

  /** Start chat (a real click in the frame), the agent answers, the visitor replies by keyboard. */
  async function chatBothWays(page: Page, label: string): Promise<string> {
    const ui = await pageUi(page);
    await ui.getByTestId('beckon-offer-accept').click();
    const chat = await agent.waitForInteraction((i) => i.state === 'Offered' && !known.has(i.id));
    known.add(chat.id);
    await agent.accept(chat.id, 'Alex');
    await agent.send(chat.id, `Agent secret ${label}`);
    await waitFor(async () => (await (await pageUi(page)).getByTestId('beckon-message-text').allTextContents()).includes(`Agent secret ${label}`), {
      what: `the agent message on ${label}`,
    });
    const keysBefore = (await look(page)).keys.length;
    await (await pageUi(page)).getByTestId('beckon-composer').click();
    await page.keyboard.type(`my card 4111 ${label}`);
    await page.keyboard.press('Enter');
    await waitFor(async () => (await agent.interaction(chat.id))?.messages.some((m) => m.text === `my card 4111 ${label}`), { what: `the visitor message from ${label}` });
    const seen = await look(page);
    expect(seen.keys.length).toBe(keysBefore); // not one keystroke reached the page
    expect(seen.text).not.toContain('Agent secret');
    expect(seen.text).not.toContain('4111');
    expect(seen.buttons.filter((b) => /Start chat|Send|End chat|No thanks/.test(b))).toEqual([]);
    for (const host of seen.hosts) expect(host.shadowRoot).toBe(false);
    for (const read of seen.frameReads) expect(read).toBe('blocked');
    return chat.id;
  }

  async function endChat(page: Page, chatId: string): Promise<void> {
    await agent.stop(chatId);
    await (await pageUi(page)).getByTestId('beckon-chat-status').getByText('Chat ended').waitFor({ timeout: 10_000 });
    await page.close();
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    site = await startHostileSite();
    ext = await launchChromium();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    const worker = await ext.serviceWorker();
    const current = (await worker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings)) ?? DEFAULT_SETTINGS;
    await worker.evaluate((s) => (globalThis as any).chrome.storage.local.set({ settings: s }), hostileSettings(current, sandbox.url, site));
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await sandbox?.close();
  });

  it('a strict CSP with Trusted Types: the offer shows and the chat works, out of the page script\'s reach', async () => {
    const { page, ui } = await offerOn('strict');
    await expectOnScreen(page, ui, 'beckon-offer');
    await endChat(page, await chatBothWays(page, 'strict'));
  });

  it('a cross-origin isolated page (COOP and COEP) still gets the widget and the chat', async () => {
    const { page, ui } = await offerOn('isolated');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expectOnScreen(page, ui, 'beckon-offer');
    await endChat(page, await chatBothWays(page, 'isolated'));
  });

  it('an aggressive !important CSS reset cannot hide, fade, shrink or move the widget', async () => {
    const { page, ui } = await offerOn('reset');
    const box = await expectOnScreen(page, ui, 'beckon-offer');
    expect(box.width).toBeGreaterThan(280); // full size: not scaled, clipped or shrunk
    await endChat(page, await chatBothWays(page, 'reset'));
  });

  it('a transform, a filter and zoom on <html> of a long, scrolled page: the card is in the viewport at its own size', async () => {
    const page = await ext.context.newPage();
    await page.goto(site.url('transform'));
    await page.evaluate(() => window.scrollTo(0, 2500));
    const ui = await pageUi(page, 20_000);
    await ui.getByTestId('beckon-offer').waitFor({ timeout: 15_000 });
    const box = await expectOnScreen(page, ui, 'beckon-offer');
    expect(box.width).toBeGreaterThan(280); // zoom .5 on the page, not on the widget
    await endChat(page, await chatBothWays(page, 'transform'));
  });

  it('a full-viewport layer at the top z-index and a popover of the page\'s own cannot cover it', async () => {
    const { page, ui } = await offerOn('overlay');
    await page.waitForFunction(() => document.getElementById('top-cover')?.matches(':popover-open'));
    await expectOnScreen(page, ui, 'beckon-offer');
    await endChat(page, await chatBothWays(page, 'overlay'));
  });

  it('a single-page app that rewrites <html> and replaces <body> gets the chat back at once, draft and all', async () => {
    const { page } = await offerOn('rewrite');
    await page.waitForFunction(() => document.title === 'Rewritten 1' && document.body.textContent?.includes('New body'));
    const chatId = await chatBothWays(page, 'rewrite');
    await (await pageUi(page)).getByTestId('beckon-composer').click();
    await page.keyboard.type('half a sentence');
    await page.evaluate(() => (window as any).__rewriteHtml());
    await waitFor(async () => (await currentPageUi(page)?.getByTestId('beckon-composer').inputValue().catch(() => '')) === 'half a sentence', {
      what: 'the chat window back with its draft',
    });
    const ui = await pageUi(page);
    expect(await ui.getByTestId('beckon-message-text').allTextContents()).toEqual(['Agent secret rewrite', 'my card 4111 rewrite']);
    await expectOnScreen(page, ui, 'beckon-window');
    await endChat(page, chatId);
  });

  it('a right-to-left page and a 320 px wide phone screen: the widget stays left to right and fits', async () => {
    const { page, ui } = await offerOn('rtl', { width: 320, height: 640 });
    expect(await ui.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
    const accept = (await ui.getByTestId('beckon-offer-accept').boundingBox())!;
    const decline = (await ui.getByTestId('beckon-offer-decline').boundingBox())!;
    expect(accept.x).toBeLessThan(decline.x); // not mirrored
    await expectOnScreen(page, ui, 'beckon-offer');
    const chatId = await chatBothWays(page, 'rtl');
    const window = await expectOnScreen(page, await pageUi(page), 'beckon-window');
    expect(window.width).toBeGreaterThan(240); // the full width, minus a margin
    await endChat(page, chatId);
  });

  it('a page that owns custom element names, the widget\'s old one included, cannot make the offer vanish', async () => {
    const { page, ui } = await offerOn('elements');
    expect(await page.evaluate(() => customElements.get('beckon-chat') !== undefined)).toBe(true); // the old name is the page's
    await expectOnScreen(page, ui, 'beckon-offer');
    await endChat(page, await chatBothWays(page, 'elements'));
  });

  it('a copy of the frame that a page embeds (with a leaked URL) shows nothing, and forged inits change nothing', async () => {
    const { page } = await offerOn('reset');
    const frameUrl = await (await ext.serviceWorker()).evaluate(() => (globalThis as any).chrome.runtime.getURL('/page-frame.html') as string);
    await page.evaluate((url) => (window as any).__hostile.embed(url), frameUrl);
    await waitFor(() => page.frames().find((f) => f.url().endsWith('/page-frame.html') && f !== currentPageUi(page)), { what: 'the embedded copy' });
    expect(await page.evaluate(() => (window as any).__hostile.forgeInit() as number)).toBe(1);
    await page.waitForTimeout(1_000);
    const copy = page.frames().find((f) => f.url().endsWith('/page-frame.html') && f !== currentPageUi(page))!;
    expect(await copy.evaluate(() => document.getElementById('app')?.childElementCount ?? -1)).toBe(0);
    expect((await look(page)).frameReads).toEqual(['blocked']);
    await (await pageUi(page)).getByTestId('beckon-offer-decline').click(); // the real widget is unaffected
    await page.close();
  });

  it('a page that removes the widget in a loop gets a bounded number of restores; the chat goes on in the popup', async () => {
    const page = await ext.context.newPage();
    await page.goto(site.url('fight'));
    const tabId = await tabIdOf(page);
    const badge = async () => (await ext.serviceWorker()).evaluate((t) => (globalThis as any).chrome.action.getBadgeText({ tabId: t }) as Promise<string>, tabId);
    await waitFor(async () => (await badge()) === 'chat', { timeoutMs: 20_000, what: 'the badge to say the chat moved to the popup' });
    expect(currentPageUi(page)).toBeUndefined();
    const popup = await ext.openPage(`popup.html?tab=${tabId}`);
    await popup.getByTestId('popup-evicted').waitFor();
    await popup.getByTestId('beckon-offer-accept').click();
    const chat = await agent.waitForInteraction((i) => i.state === 'Offered' && !known.has(i.id));
    known.add(chat.id);
    await agent.accept(chat.id, 'Alex');
    await agent.send(chat.id, 'Agent secret fight');
    await popup.getByTestId('beckon-message-text').getByText('Agent secret fight').waitFor();
    expect((await look(page)).text).not.toContain('Agent secret');
    await agent.stop(chat.id);
    await popup.close();
    await page.close();
  });
});
