/**
 * The foundation path in real Firefox ESR (MV3 event page) against a real Sandbox:
 * offer, accept, agent message, visitor reply, and the chat's CRM interaction.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, type AgentClient, type AgentInteraction } from './support/agent.ts';
import { sandboxCrm } from './support/crm.ts';
import { launchFirefox, type FirefoxExtension } from './support/firefox.ts';
import { configureFirefoxExtension } from './support/firefox-extension-page.ts';
import { clickInFirefoxPageUi, firefoxUiTexts, typeInFirefoxPageUi, waitInFirefoxPageUi } from './support/firefox-page-ui.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { waitFor } from './support/wait.ts';

const pageMessages = (page: Page) => firefoxUiTexts(page, 'beckon-message-text');

describe('proactive chat in Firefox', () => {
  let sandbox: TestSandbox;
  let ext: FirefoxExtension;
  let agent: AgentClient;
  let page: Page;
  let chat: AgentInteraction;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ext = await launchFirefox();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready(); // offers wait for a ready agent on the rule's queue
    // The Sandbox's host (127.0.0.1) is a manifest host permission, granted at install.
    await configureFirefoxExtension(ext, { backendUrl: sandbox.url, secondsOnPage: 2, crmSandboxUrl: sandbox.url });
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('offers a chat on the demo site and Accept starts it with the page context', async () => {
    page = await ext.browser.newPage();
    await page.goto(`${sandbox.url}/demo/bill-payment.html`);
    await waitInFirefoxPageUi(page, 'beckon-offer', 20_000);
    const [topic] = await firefoxUiTexts(page, 'beckon-offer-topic');
    expect(topic).toContain('Chat with us');
    await clickInFirefoxPageUi(page, 'beckon-offer-accept');
    await waitInFirefoxPageUi(page, 'beckon-chat');

    chat = await agent.waitForInteraction((i) => i.state === 'Offered', { timeoutMs: 15_000 });
    expect(chat.queue).toBe('Billing');
    expect(chat.userData['Page Name']).toBe('Bill Payment — Beckon Bank');
  });

  it('shows the agent message, and the visitor reply reaches the agent', async () => {
    await agent.accept(chat.id, 'Alex');
    await agent.send(chat.id, 'Hello from Alex in Firefox');
    await waitFor(async () => (await pageMessages(page)).includes('Hello from Alex in Firefox'), {
      timeoutMs: 15_000, what: 'the agent message in the page',
    });
    await typeInFirefoxPageUi(page, 'beckon-composer', 'Thanks, Firefox visitor here', { enter: true });
    await waitFor(
      async () => (await agent.interactions()).find((i) => i.id === chat.id)?.messages.some((m) => m.text === 'Thanks, Firefox visitor here'),
      { timeoutMs: 15_000, what: 'the visitor reply at the agent' },
    );
    expect(await pageMessages(page)).toEqual(['Hello from Alex in Firefox', 'Thanks, Firefox visitor here']);
  });

  it('syncs the chat to the Sandbox CRM: started with the page context, ended with the transcript', async () => {
    const crm = sandboxCrm(sandbox.url);
    const [started] = await waitFor(async () => {
      const list = await crm.interactions(chat.id);
      return list.length > 0 ? list : undefined;
    }, { timeoutMs: 15_000, what: 'the CRM interaction' });
    expect(started.params).toMatchObject({ ChatId: chat.id, ContactId: 'CONT-1', PageName: 'Bill Payment — Beckon Bank', IsExternalAPICall: 'true' });
    await agent.stop(chat.id);
    const ended = await waitFor(async () => (await crm.interactions(chat.id)).find((i) => i.endedAt), { timeoutMs: 15_000, what: 'the end in the CRM' });
    expect(ended.transcript.map((l: any) => l.text)).toEqual(expect.arrayContaining(['Hello from Alex in Firefox', 'Thanks, Firefox visitor here']));
    expect(await crm.interactions(chat.id)).toHaveLength(1);
  });
});
