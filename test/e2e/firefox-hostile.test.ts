/**
 * The in-page UI on hostile pages in real Firefox ESR (issue 9): the same fixture pages as the
 * Chromium spec (test/e2e/fixtures/hostile). The offer is clicked by the mouse at its place in
 * the page, the chat works both ways, and the page's own script finds nothing of it.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { agentClient, type AgentClient } from './support/agent.ts';
import { launchFirefox, type FirefoxExtension } from './support/firefox.ts';
import { clickInFirefoxPageUi, currentFirefoxPageUi, firefoxUiTexts, typeInFirefoxPageUi, waitInFirefoxPageUi } from './support/firefox-page-ui.ts';
import { hostileSettings, startHostileSite, type HostilePage, type HostileSite } from './support/hostile-site.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { waitFor } from './support/wait.ts';

interface Look {
  text: string;
  keys: string[];
  hosts: { name: string; shadowRoot: boolean }[];
  buttons: string[];
  frameReads: string[];
}

describe('the in-page UI on hostile pages (Firefox)', () => {
  let sandbox: TestSandbox;
  let site: HostileSite;
  let ext: FirefoxExtension;
  let agent: AgentClient;
  const known = new Set<string>();

  const look = (page: Page) => page.evaluate(() => (window as any).__hostile.look() as Look);

  async function offerOn(name: HostilePage, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await ext.browser.newPage();
    // puppeteer's setViewport also asks for a screen orientation, which this Firefox does not know.
    if (viewport) await (page.mainFrame() as unknown as { browsingContext: { setViewport(o: object): Promise<void> } }).browsingContext.setViewport({ viewport });
    await page.goto(site.url(name));
    await waitInFirefoxPageUi(page, 'beckon-offer', 20_000);
    return page;
  }

  /** The widget is inside the viewport and on top: the page's hit testing finds it there. */
  async function expectOnScreen(page: Page): Promise<{ width: number; height: number }> {
    const box = await page.evaluate(() => {
      const host = [...document.documentElement.children].find((el) => /^[a-z]{6}-[a-z]{6}$/.test(el.localName))!;
      const r = host.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height, hit: hit === host, vw: innerWidth, vh: innerHeight };
    });
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.vw);
    expect(box.bottom).toBeLessThanOrEqual(box.vh);
    expect(box.hit).toBe(true);
    return box;
  }

  async function chatBothWays(page: Page, label: string): Promise<string> {
    await clickInFirefoxPageUi(page, 'beckon-offer-accept');
    const chat = await agent.waitForInteraction((i) => i.state === 'Offered' && !known.has(i.id), { timeoutMs: 15_000 });
    known.add(chat.id);
    await agent.accept(chat.id, 'Alex');
    await agent.send(chat.id, `Agent secret ${label}`);
    await waitFor(async () => (await firefoxUiTexts(page, 'beckon-message-text')).includes(`Agent secret ${label}`), { timeoutMs: 15_000, what: 'the agent message' });
    const keysBefore = (await look(page)).keys.length;
    await typeInFirefoxPageUi(page, 'beckon-composer', `my card 4111 ${label}`, { enter: true });
    await waitFor(async () => (await agent.interaction(chat.id))?.messages.some((m) => m.text === `my card 4111 ${label}`), { timeoutMs: 15_000, what: 'the visitor message' });
    const seen = await look(page);
    expect(seen.keys.length).toBe(keysBefore);
    expect(seen.text).not.toContain('Agent secret');
    expect(seen.text).not.toContain('4111');
    expect(seen.buttons.filter((b) => /Start chat|Send|End chat|No thanks/.test(b))).toEqual([]);
    for (const host of seen.hosts) expect(host.shadowRoot).toBe(false);
    for (const read of seen.frameReads) expect(read).toBe('blocked');
    return chat.id;
  }

  async function endChat(page: Page, chatId: string): Promise<void> {
    await agent.stop(chatId);
    await waitFor(async () => (await firefoxUiTexts(page, 'beckon-chat-status')).includes('Chat ended'), { timeoutMs: 15_000, what: 'the end of the chat' });
    await page.close();
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    site = await startHostileSite();
    ext = await launchFirefox();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    const options = await ext.openOptions();
    await options.evaluate(async (settings) => {
      const api = (globalThis as any).browser;
      await api.storage.local.set({ settings });
    }, hostileSettings(DEFAULT_SETTINGS, sandbox.url, site));
    await options.close();
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await sandbox?.close();
  });

  it('a strict CSP with Trusted Types: the offer shows and the chat works, out of the page script\'s reach', async () => {
    const page = await offerOn('strict');
    await expectOnScreen(page);
    await endChat(page, await chatBothWays(page, 'strict'));
  });

  it('a cross-origin isolated page (COOP and COEP) still gets the widget and the chat', async () => {
    const page = await offerOn('isolated');
    await expectOnScreen(page);
    await endChat(page, await chatBothWays(page, 'isolated'));
  });

  it('an !important reset, and a transformed, filtered and zoomed root cannot hide, move or shrink it', async () => {
    for (const name of ['reset', 'transform'] as const) {
      const page = await offerOn(name);
      const box = await expectOnScreen(page);
      expect(box.width * (name === 'transform' ? 0.5 : 1)).toBeGreaterThan(150); // its own size, whatever the page's zoom
      await clickInFirefoxPageUi(page, 'beckon-offer-decline');
      await page.close();
    }
  });

  it('a layer at the top z-index and a popover of the page\'s own cannot cover it', async () => {
    const page = await offerOn('overlay');
    await waitFor(() => page.evaluate(() => document.getElementById('top-cover')?.matches(':popover-open') === true), { what: 'the page popover' });
    await expectOnScreen(page);
    await endChat(page, await chatBothWays(page, 'overlay'));
  });

  it('a single-page app that rewrites <html> gets the chat back with its draft', async () => {
    const page = await offerOn('rewrite');
    await waitFor(() => page.evaluate(() => document.title === 'Rewritten 1' && document.body.textContent?.includes('New body') === true), { what: 'the rewrites' });
    const chatId = await chatBothWays(page, 'rewrite');
    await typeInFirefoxPageUi(page, 'beckon-composer', 'half a sentence');
    await page.evaluate(() => (window as any).__rewriteHtml());
    await waitFor(async () => {
      const frame = await currentFirefoxPageUi(page);
      return (await frame?.evaluate(() => (document.querySelector('[data-testid="beckon-composer"]') as HTMLTextAreaElement | null)?.value).catch(() => '')) === 'half a sentence';
    }, { what: 'the chat window back with its draft' });
    expect(await firefoxUiTexts(page, 'beckon-message-text')).toEqual(['Agent secret rewrite', 'my card 4111 rewrite']);
    await endChat(page, chatId);
  });

  it('a right-to-left page on a 320 px screen, and a page that owns custom element names', async () => {
    const rtl = await offerOn('rtl', { width: 320, height: 640 });
    const frame = (await currentFirefoxPageUi(rtl))!;
    expect(await frame.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
    await expectOnScreen(rtl);
    await clickInFirefoxPageUi(rtl, 'beckon-offer-decline');
    await rtl.close();
    const elements = await offerOn('elements');
    await expectOnScreen(elements);
    await endChat(elements, await chatBothWays(elements, 'elements'));
  });

  it('a copy of the frame a page embeds (its URL known) shows nothing, and forged inits change nothing', async () => {
    const page = await offerOn('reset');
    await page.evaluate((url) => (window as any).__hostile.embed(url), ext.url('page-frame.html'));
    await waitFor(() => page.evaluate(() => (window as any).__hostile.forgeInit() as number).then((n) => n === 1), { what: 'the embedded copy' });
    await new Promise((r) => setTimeout(r, 1_000));
    const frames = [];
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      frames.push(await frame.evaluate(() => [location.pathname, document.getElementById('app')?.childElementCount ?? -1]).catch(() => ['gone', -1]));
    }
    // Ours shows the offer; the copy the page embedded shows nothing.
    expect(frames.sort()).toEqual([['/page-frame.html', 0], ['/page-frame.html', 1]]);
    expect((await look(page)).frameReads).toEqual(['blocked']);
    await clickInFirefoxPageUi(page, 'beckon-offer-decline'); // the real widget is unaffected
    await page.close();
  });
});
