/**
 * The chat window as a visitor uses it, in real Chromium against a real Sandbox: keyboard
 * only, the host page's shortcuts, typing both ways, the unread count, transcript download.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, type AgentClient, type AgentInteraction } from './support/agent.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { configureExtension, waitForVisitorMessage } from './support/visitor.ts';
import { waitFor } from './support/wait.ts';
import { uiOf } from './support/page-ui.ts';

describe('the chat window in use', () => {
  let sandbox: TestSandbox;
  let ext: ChromiumExtension;
  let agent: AgentClient;
  let page: Page;
  let chat: AgentInteraction;

  const badge = async () => (await ext.serviceWorker()).evaluate(() => (globalThis as any).chrome.action.getBadgeText({}) as Promise<string>);
  const agentMessages = async () => (await agent.interaction(chat.id))!.messages;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ext = await launchChromium();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    const options = await ext.openOptions();
    await configureExtension(options, sandbox.url, 1);
    await options.close();
    page = await ext.context.newPage();
    await page.goto(`${sandbox.url}/demo/`); // the home page has "/" and "?" shortcuts
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('works from the keyboard alone, and announces the transcript to screen readers', async () => {
    const accept = (await uiOf(page)).getByTestId('beckon-offer-accept');
    await accept.waitFor({ timeout: 15_000 });
    await accept.focus();
    await page.keyboard.press('Enter');
    chat = await agent.waitForInteraction((i) => i.state === 'Offered');
    await agent.accept(chat.id, 'Alex');
    await expect((await uiOf(page)).getByTestId('beckon-transcript').getAttribute('aria-live')).resolves.toBe('polite');
    const composer = (await uiOf(page)).getByTestId('beckon-composer');
    await composer.focus();
    await page.keyboard.type('First line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await agentMessages()).some((m) => m.text === 'First line\nsecond line'), { what: 'the two-line message' });
    await expect(composer.inputValue()).resolves.toBe('');
  });

  it("typing in the composer never triggers the host page's shortcuts", async () => {
    const composer = (await uiOf(page)).getByTestId('beckon-composer');
    await composer.focus();
    await page.keyboard.type('/? is that right?');
    await expect(composer.inputValue()).resolves.toBe('/? is that right?');
    expect(await page.evaluate(() => document.body.dataset.shortcutsFired ?? 'none')).toBe('none');
    expect(await page.locator('#shortcut-help').isHidden()).toBe(true);
    await page.keyboard.press('Enter');
    // The page's shortcuts still work outside the chat.
    await page.locator('h1').first().click();
    await page.keyboard.press('?');
    expect(await page.evaluate(() => document.body.dataset.shortcutsFired)).toBe('1');
  });

  it('typing shows on both sides', async () => {
    await (await uiOf(page)).getByTestId('beckon-composer').fill('');
    await (await uiOf(page)).getByTestId('beckon-composer').pressSequentially('thinking');
    await waitFor(async () => (await agentMessages()).some((m) => m.type === 'TypingStarted' && m.from.type === 'Customer'), {
      what: 'the visitor typing notice at the agent',
    });
    await agent.operation(chat.id, 'SendNotification', { notification: 'TypingStarted' });
    await (await uiOf(page)).getByTestId('beckon-typing').waitFor({ timeout: 10_000 });
    await agent.send(chat.id, 'Done thinking?');
    await (await uiOf(page)).getByTestId('beckon-typing').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('counts unread agent messages on the toolbar icon while the window is minimised', async () => {
    await (await uiOf(page)).getByRole('button', { name: 'Minimise chat' }).click();
    await agent.send(chat.id, 'Unread one');
    await agent.send(chat.id, 'Unread two');
    await waitFor(async () => (await badge()) === '2', { what: 'the unread badge to say 2' });
    await (await uiOf(page)).getByTestId('beckon-restore').click();
    await waitFor(async () => (await badge()) === '', { what: 'the unread badge to clear' });
  });

  it('downloads the transcript as text, HTML and JSON', async () => {
    await waitForVisitorMessage(page, 'Unread two');
    for (const [format, check] of [
      ['text', (s: string) => expect(s).toMatch(/Alex: Unread two/)],
      ['html', (s: string) => expect(s).toContain('<li class="message agent">')],
      ['json', (s: string) => expect(JSON.parse(s).messages.some((m: { text: string }) => m.text === 'First line\nsecond line')).toBe(true)],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), (await uiOf(page)).getByTestId(`beckon-download-${format}`).click()]);
      check(await readFile((await download.path())!, 'utf8'));
    }
    await agent.stop(chat.id);
  });
});
