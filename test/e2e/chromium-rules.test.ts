/**
 * Proactive rules in real Chromium against a real Sandbox: single-page-app navigation,
 * capping across tabs and sites, queue availability, and a page with a strict CSP.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agentClient, type AgentClient } from './support/agent.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { configureExtension, resetVisitorState, sendAsVisitor, waitForVisitorMessage } from './support/visitor.ts';
import { waitFor } from './support/wait.ts';
import { countInPageUi, uiOf } from './support/page-ui.ts';

const SECONDS_ON_PAGE = 3;

describe('proactive rules in Chromium', () => {
  let sandbox: TestSandbox;
  let ext: ChromiumExtension;
  let agent: AgentClient;

  const tabIdOf = async (page: Page) => {
    const worker = await ext.serviceWorker();
    return worker.evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({ url: u }))[0]?.id as number, page.url());
  };
  /** The popup's rule debugger, pinned to `page`'s tab and opened. */
  const debuggerFor = async (page: Page) => {
    const popup = await ext.openPage(`popup.html?tab=${await tabIdOf(page)}`);
    await popup.getByTestId('debug-panel').locator('summary').click();
    return popup;
  };
  /** Changes the first rule on the options page and saves. */
  const editFirstRule = async (edit: (options: Page) => Promise<void>) => {
    const options = await ext.openOptions();
    await edit(options);
    await options.getByTestId('options-save').click();
    await options.getByTestId('options-status').getByText('Saved.').waitFor({ timeout: 5_000 });
    await options.close();
  };
  const worker = async () => ext.serviceWorker();
  /** A chat on the demo site shows on every later page of it until it has ended: wait for that. */
  const chatEnded = async (ui: Page) => (await uiOf(ui)).getByTestId('beckon-chat-status').getByText('Chat ended').waitFor({ timeout: 10_000 });
  const open = async (url: string) => {
    const page = await ext.context.newPage();
    await page.goto(url);
    return page;
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ext = await launchChromium();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    const options = await ext.openOptions();
    await configureExtension(options, sandbox.url, SECONDS_ON_PAGE);
    await options.close();
  });
  beforeEach(async () => {
    // Every scenario starts as a new visitor: no offers made, declined or chatted yet.
    const popup = await ext.openPopup();
    await resetVisitorState(popup);
    await popup.waitForTimeout(300);
    await popup.close();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('a single-page-app route change resets time on page and re-evaluates the rules', async () => {
    const page = await open(`${sandbox.url}/demo/app.html?view=accounts`);
    await page.waitForTimeout(SECONDS_ON_PAGE * 1000 - 1200);
    await page.getByRole('link', { name: 'Statements' }).click(); // history.pushState, no page load
    const routedAt = Date.now();
    await (await uiOf(page)).getByTestId('beckon-offer').waitFor({ timeout: 15_000 });
    expect(Date.now() - routedAt).toBeGreaterThanOrEqual(SECONDS_ON_PAGE * 1000 - 300);
    await (await uiOf(page)).getByTestId('beckon-offer-accept').click();
    const chat = await agent.waitForInteraction((i) => i.state === 'Offered' && (i.userData.URL ?? '').includes('view=statements'));
    expect(chat.userData).toMatchObject({ 'Page Name': 'Statements — Beckon Bank', 'Time spent on page': `${SECONDS_ON_PAGE} s` });
    await agent.accept(chat.id, 'Sam');
    await agent.stop(chat.id);
    await chatEnded(page);
    await page.close();
  });

  it('after a decline there is no new offer within the cooldown, in another tab of another site either', async () => {
    const first = await open(`${sandbox.url}/demo/loans.html`);
    await (await uiOf(first)).getByTestId('beckon-offer-decline').click({ timeout: 15_000 });
    // localhost and 127.0.0.1 are two sites to the browser, served by the same Sandbox.
    const other = await open(`http://localhost:${sandbox.port}/demo/bill-payment.html`);
    await other.waitForTimeout(SECONDS_ON_PAGE * 1000 + 1500);
    expect(await countInPageUi(other, 'beckon-offer')).toBe(0);
    const popup = await debuggerFor(other);
    await expect(popup.getByTestId('debug-rule').first().textContent()).resolves.toMatch(/declined less than 30 min ago/);
    await Promise.all([popup.close(), first.close(), other.close()]);
  });

  it('a queue with no ready agent gets no offer until an agent becomes ready', async () => {
    await agent.notReady();
    const page = await open(`${sandbox.url}/demo/bill-payment.html`);
    await page.waitForTimeout(SECONDS_ON_PAGE * 1000 + 1500);
    expect(await countInPageUi(page, 'beckon-offer')).toBe(0);
    const popup = await debuggerFor(page);
    await expect(popup.getByTestId('debug-rule').first().textContent()).resolves.toMatch(/no agent is ready on Billing/);
    await agent.ready();
    await (await uiOf(page)).getByTestId('beckon-offer').waitFor({ timeout: 15_000 });
    await Promise.all([popup.close(), page.close()]);
  });

  it('a page with a strict Content-Security-Policy still gets the offer, styled, and the chat', async () => {
    const page = await open(`${sandbox.url}/demo/strict-csp.html`);
    const card = (await uiOf(page)).getByTestId('beckon-offer');
    await card.waitFor({ timeout: 15_000 });
    const style = await card.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, radius: getComputedStyle(el).borderRadius }));
    expect(style).toEqual({ bg: 'rgb(255, 255, 255)', radius: '14px' }); // the stylesheet applied despite the CSP
    await (await uiOf(page)).getByTestId('beckon-offer-accept').click();
    const chat = await agent.waitForInteraction((i) => i.state === 'Offered' && (i.userData.URL ?? '').includes('strict-csp'));
    await agent.accept(chat.id, 'Sam');
    await agent.send(chat.id, 'Hello on a strict page');
    await waitForVisitorMessage(page, 'Hello on a strict page');
    await sendAsVisitor(page, 'Works here too');
    await waitFor(async () => (await agent.interactions()).find((i) => i.id === chat.id)?.messages.some((m) => m.text === 'Works here too'), {
      timeoutMs: 15_000, what: 'the visitor message at the agent',
    });
    await agent.stop(chat.id);
    await chatEnded(page);
    await page.close();
  });

  it('custom UI mode offers through the badge, a notification and the popup, not the page', async () => {
    await editFirstRule((o) => o.getByTestId('options-rule-0-ui-custom').check());
    try {
      const page = await open(`${sandbox.url}/demo/loans.html`);
      const tabId = await tabIdOf(page);
      const sw = await worker();
      await waitFor(async () => (await sw.evaluate((id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }), tabId)) === 'chat', {
        timeoutMs: 15_000, what: 'the toolbar badge',
      });
      // The notification is raised right after the badge: wait for it too.
      await waitFor(async () => Object.keys(await sw.evaluate(() => (globalThis as any).chrome.notifications.getAll())).includes(`beckon-offer-${tabId}`), {
        what: 'the offer notification',
      });
      expect(await countInPageUi(page, 'beckon-offer')).toBe(0);
      const popup = await ext.openPage(`popup.html?tab=${tabId}`);
      await (await uiOf(popup)).getByTestId('beckon-offer-accept').click();
      await (await uiOf(popup)).getByTestId('beckon-chat').waitFor();
      const chat = await agent.waitForInteraction((i) => i.state === 'Offered' && (i.userData.URL ?? '').includes('loans'));
      expect(chat.queue).toBe('Billing');
      expect(await sw.evaluate((id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('');
      await agent.accept(chat.id, 'Sam');
      await agent.stop(chat.id);
      await chatEnded(popup);
      await Promise.all([popup.close(), page.close()]);
    } finally {
      await editFirstRule((o) => o.getByTestId('options-rule-0-ui-default').check());
    }
  });

  it('an unanswered offer withdraws itself after the auto-dismiss timeout and is recorded as timed out', async () => {
    await editFirstRule((o) => o.getByTestId('options-rule-0-autoDismiss').fill('2'));
    try {
      const page = await open(`${sandbox.url}/demo/index.html`);
      const card = (await uiOf(page)).getByTestId('beckon-offer');
      await card.waitFor({ timeout: 15_000 });
      await card.waitFor({ state: 'detached', timeout: 6_000 });
      const sw = await worker();
      const outcomes: { outcome: string; url: string }[] = await sw.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('outcomes')).outcomes);
      expect(outcomes.filter((o) => o.url.includes('/demo/index.html')).map((o) => o.outcome)).toEqual(['offered', 'timed-out']);
      await page.close();
    } finally {
      await editFirstRule((o) => o.getByTestId('options-rule-0-autoDismiss').fill('0'));
    }
  });

  it('disabling a site stops the watcher in its open tabs; enabling it starts the watcher there without a reload', async () => {
    const tab = await open(`http://localhost:${sandbox.port}/demo/loans.html`);
    let options = await ext.openOptions();
    await options.getByRole('button', { name: 'Disable http://localhost/demo/*' }).click();
    await options.getByTestId('options-site-message').getByText('Disabled http://localhost/demo/*').waitFor();
    await options.close();
    await tab.waitForTimeout(SECONDS_ON_PAGE * 1000 + 1500); // the tab was open before the threshold: it must stay quiet
    expect(await countInPageUi(tab, 'beckon-offer')).toBe(0);
    await tab.reload(); // a new page load on a disabled site: no watcher at all
    await tab.waitForTimeout(SECONDS_ON_PAGE * 1000 + 1500);
    expect(await countInPageUi(tab, 'beckon-offer')).toBe(0);

    options = await ext.openOptions();
    await options.getByTestId('options-site-input').fill(`http://localhost:${sandbox.port}/demo/`);
    await options.getByTestId('options-site-add').click(); // the permission was granted at install: no prompt
    await options.getByTestId('options-site-message').getByText('Enabled http://localhost/*').waitFor();
    await options.close();
    await (await uiOf(tab)).getByTestId('beckon-offer').waitFor({ timeout: 15_000 }); // the open tab, not reloaded
    await tab.close();
  });
});
