/**
 * The foundation path in real Firefox ESR (MV3 event page) against a real Sandbox:
 * offer, accept, agent message, visitor reply, and the chat's CRM interaction.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, type AgentClient, type AgentInteraction } from './support/agent.ts';
import { launchFirefox, type FirefoxExtension } from './support/firefox.ts';
import { sandboxCrm } from './support/crm.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { waitFor } from './support/wait.ts';

/** Puppeteer's deep selector: pierces the open shadow root of the in-page UI. */
const inPage = (testId: string) => `>>> [data-testid="${testId}"]`;

/** Polls for an in-page element: puppeteer's waitForSelector does not see into the shadow root under BiDi. */
async function waitForInPage(page: Page, testId: string, timeoutMs = 15_000) {
  return waitFor(() => page.$(inPage(testId)).then((h) => h ?? undefined), { timeoutMs, what: `${testId} in the page` });
}

async function pageMessages(page: Page): Promise<string[]> {
  const nodes = await page.$$(inPage('beckon-message-text'));
  return Promise.all(nodes.map((n) => n.evaluate((el) => el.textContent ?? '')));
}

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
    // Firefox MV3 leaves host permissions to the user; grant the Sandbox's as a user would.
    await ext.grantHostPermissions(['http://127.0.0.1/*']);
    const options = await ext.openOptions({ selector: '[data-testid="options-save"]' });
    await options.locator('[data-testid="options-backendUrl"]').fill(sandbox.url);
    await options.locator('[data-testid="options-rule-0-condition-0-min"]').fill('2');
    await options.locator('[data-testid="options-crm-sandbox-url"]').fill(sandbox.url); // CRM sync: the Sandbox CRM
    await options.locator('[data-testid="options-save"]').click();
    await options.waitForFunction(() => document.querySelector('[data-testid="options-status"]')?.textContent === 'Saved.');
    await options.close();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('offers a chat on the demo site and Accept starts it with the page context', async () => {
    page = await ext.browser.newPage();
    await page.goto(`${sandbox.url}/demo/bill-payment.html`);
    await waitForInPage(page, 'beckon-offer', 20_000);
    const topic = await page.$eval(inPage('beckon-offer-topic'), (el) => el.textContent);
    expect(topic).toContain('Chat with us');
    await (await waitForInPage(page, 'beckon-offer-accept')).click();
    await waitForInPage(page, 'beckon-chat');

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
    const composer = await waitForInPage(page, 'beckon-composer');
    await composer.type('Thanks, Firefox visitor here');
    await composer.press('Enter');
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
