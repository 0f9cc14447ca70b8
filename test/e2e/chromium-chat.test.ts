/**
 * The foundation path in real Chromium against a real Sandbox: offer after time on page,
 * decline, accept, the agent's side through the agent API, the popup, and service-worker
 * stops in the middle of the chat with nothing lost or duplicated on either side.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, type AgentClient, type AgentInteraction } from './support/agent.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { configureExtension, resetVisitorState, sendAsVisitor, visitorMessages, waitForVisitorMessage } from './support/visitor.ts';
import { waitFor } from './support/wait.ts';
import { currentPageUi, uiOf } from './support/page-ui.ts';

const SECONDS_ON_PAGE = 2;

describe('proactive chat in Chromium', () => {
  let sandbox: TestSandbox;
  let ext: ChromiumExtension;
  let agent: AgentClient;
  let page: Page;
  let chat: AgentInteraction;

  const agentTexts = async () =>
    (await agent.interactions()).find((i) => i.id === chat.id)!.messages.filter((m) => m.type === 'Text').map((m) => m.text);
  const waitForAgentText = (text: string) =>
    waitFor(async () => (await agentTexts()).includes(text), { timeoutMs: 15_000, what: `the agent to see "${text}"` });
  /** Capping allows one offer per visit by default; each scenario starts as a new visitor. */
  const newVisitor = async () => {
    const popup = await ext.openPopup();
    await resetVisitorState(popup);
    await popup.waitForTimeout(300);
    await popup.close();
  };
  const tabIdOf = async (url: string) => {
    const worker = await ext.serviceWorker();
    return worker.evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({ url: u }))[0]?.id as number, url);
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ext = await launchChromium();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready(); // offers wait for a ready agent on the rule's queue
    const options = await ext.openOptions();
    await configureExtension(options, sandbox.url, SECONDS_ON_PAGE);
    await options.close();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('asks for nothing at install beyond the Sandbox host; other sites are optional', () => {
    expect(ext.manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(ext.manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(ext.manifest.content_scripts ?? []).toEqual([]); // the watcher is registered per enabled site
    expect(ext.manifest.permissions).not.toContain('tabs'); // no "read your browsing history" warning
  });

  it('leaves the Sandbox agent console alone: out of the box only the demo site is watched', async () => {
    const console = await ext.context.newPage();
    await console.goto(`${sandbox.url}/console/`);
    await console.waitForTimeout(SECONDS_ON_PAGE * 1000 + 1500);
    expect(currentPageUi(console)).toBeUndefined();
    const matches = await (await ext.serviceWorker()).evaluate(async () =>
      ((await (globalThis as any).chrome.scripting.getRegisteredContentScripts()) as { matches: string[] }[]).flatMap((s) => s.matches),
    );
    expect(matches).toEqual(['http://127.0.0.1/demo/*', 'http://localhost/demo/*']);
    await console.close();
  });

  it('offers a chat only after the configured time on page, and Decline dismisses it', async () => {
    const loans = await ext.context.newPage();
    await loans.goto(`${sandbox.url}/demo/loans.html`);
    const loadedAt = Date.now();
    const offer = (await uiOf(loans)).getByTestId('beckon-offer');
    await offer.waitFor({ timeout: 15_000 });
    expect(Date.now() - loadedAt).toBeGreaterThanOrEqual(SECONDS_ON_PAGE * 1000 - 250);
    await expect((await uiOf(loans)).getByTestId('beckon-offer-topic').textContent()).resolves.toContain('Chat with us');
    await (await uiOf(loans)).getByTestId('beckon-offer-decline').click();
    await offer.waitFor({ state: 'detached', timeout: 5_000 });
    await loans.waitForTimeout(SECONDS_ON_PAGE * 1000 + 1000);
    expect(await offer.count()).toBe(0); // not offered again on this page
    await loans.close();
  });

  it('Accept starts a chat on the rule queue with the page context as user data', async () => {
    await newVisitor();
    page = await ext.context.newPage();
    await page.goto(`${sandbox.url}/demo/bill-payment.html`);
    await (await uiOf(page)).getByTestId('beckon-offer-accept').click({ timeout: 15_000 });
    await expect((await uiOf(page)).getByTestId('beckon-chat-status').textContent()).resolves.toMatch(/Starting|Waiting/);

    chat = await agent.waitForInteraction((i) => i.state === 'Offered');
    expect(chat.queue).toBe('Billing');
    expect(chat.userData).toMatchObject({
      'Page Name': 'Bill Payment — Beckon Bank',
      URL: `${sandbox.url}/demo/bill-payment.html`,
    });
    expect(chat.userData['Time spent on page']).toMatch(/^\d+ s$/);
  });

  it('the visitor sees the agent join, and messages flow both ways', async () => {
    await agent.accept(chat.id, 'Alex');
    await (await uiOf(page)).getByTestId('beckon-chat-status').getByText('Chatting with Alex').waitFor({ timeout: 10_000 });
    await (await uiOf(page)).getByText('Alex joined the chat').waitFor();
    await agent.send(chat.id, 'Hello, I am Alex. How can I help?');
    await waitForVisitorMessage(page, 'Hello, I am Alex. How can I help?');
    await sendAsVisitor(page, 'My bill looks too high');
    await waitForAgentText('My bill looks too high');
  });

  it('the popup shows the tab offer and the chat, and its composer reaches page and agent', async () => {
    await newVisitor();
    const other = await ext.context.newPage();
    // Another site (localhost, not 127.0.0.1): the live chat shows on its own site, not here.
    await other.goto(`http://localhost:${sandbox.port}/demo/`);
    await (await uiOf(other)).getByTestId('beckon-offer').waitFor({ timeout: 15_000 });
    const popupForOther = await ext.openPage(`popup.html?tab=${await tabIdOf(other.url())}`);
    await (await uiOf(popupForOther)).getByTestId('beckon-offer').waitFor();
    await (await uiOf(popupForOther)).getByTestId('beckon-offer-decline').click();
    await (await uiOf(other)).getByTestId('beckon-offer').waitFor({ state: 'detached', timeout: 5_000 });
    await (await uiOf(popupForOther)).getByTestId('beckon-offer').waitFor({ state: 'detached' });
    // No chat on that tab: the popup falls back to the live chat of the other tab.
    await waitForVisitorMessage(popupForOther, 'My bill looks too high');
    await Promise.all([popupForOther.close(), other.close()]);

    const popup = await ext.openPage(`popup.html?tab=${await tabIdOf(page.url())}`);
    await waitForVisitorMessage(popup, 'My bill looks too high');
    await sendAsVisitor(popup, 'Sent from the popup');
    await waitForVisitorMessage(page, 'Sent from the popup');
    await waitForAgentText('Sent from the popup');
    await agent.send(chat.id, 'Got it, checking now');
    await waitForVisitorMessage(popup, 'Got it, checking now');
    await waitForVisitorMessage(page, 'Got it, checking now');
    await popup.close();
  });

  it('loses and duplicates nothing when the service worker is stopped mid-chat', async () => {
    for (let round = 1; round <= 3; round++) {
      await ext.stopServiceWorker();
      await agent.send(chat.id, `agent while stopped ${round}`);
      await sendAsVisitor(page, `visitor after stop ${round}`);
      // Stop again while that message may be in flight.
      await ext.stopServiceWorker();
      await waitForVisitorMessage(page, `agent while stopped ${round}`);
      await waitForAgentText(`visitor after stop ${round}`);
    }
    await page.waitForTimeout(2_000); // let any duplicate surface
    const seenByAgent = await agentTexts();
    const seenByVisitor = await visitorMessages(page);
    expect(seenByVisitor).toEqual(seenByAgent);
    expect(new Set(seenByAgent).size).toBe(seenByAgent.length);
    expect(seenByAgent).toHaveLength(4 + 3 * 2);
  });

  it('the chat follows the visitor: reload, another site in the same tab, a second tab on its site', async () => {
    const before = await visitorMessages(page);
    await page.reload();
    await waitFor(async () => (await visitorMessages(page)).length === before.length, { what: 'the transcript after a reload' });
    expect(await visitorMessages(page)).toEqual(before);

    // localhost is another site to the browser; the chat comes along in this tab.
    await page.goto(`http://localhost:${sandbox.port}/demo/loans.html`);
    await waitForVisitorMessage(page, before.at(-1)!);
    await sendAsVisitor(page, 'Now on another site');
    await waitForAgentText('Now on another site');
    // The agent sees where the visitor is now (user data set during the chat).
    await waitFor(async () => (await agent.interaction(chat.id))?.userData['Current page'] === 'Loans — Beckon Bank', {
      what: 'the agent to see the current page',
    });

    const second = await ext.context.newPage();
    await second.goto(`${sandbox.url}/demo/`); // the site the chat started on
    await waitForVisitorMessage(second, 'Now on another site');
    await sendAsVisitor(second, 'From a second tab');
    await waitForAgentText('From a second tab');
    await waitForVisitorMessage(page, 'From a second tab');
    await agent.send(chat.id, 'Both tabs see this');
    await waitForVisitorMessage(page, 'Both tabs see this');
    await waitForVisitorMessage(second, 'Both tabs see this');
    const seenByAgent = await agentTexts();
    expect(await visitorMessages(page)).toEqual(seenByAgent);
    expect(await visitorMessages(second)).toEqual(seenByAgent);
    await second.close();
  });

  it('the visitor sees the agent end the chat', async () => {
    await agent.stop(chat.id);
    await (await uiOf(page)).getByTestId('beckon-chat-status').getByText('Chat ended').waitFor({ timeout: 10_000 });
    await expect((await uiOf(page)).getByTestId('beckon-composer').isDisabled()).resolves.toBe(true);
  });
});
