/**
 * Faults that must lose nothing, in real Firefox ESR (MV3 build: a suspendable event page,
 * here with a 4 s idle timeout so it also suspends by itself between steps): the chat window
 * restored after a reload with its full history, and the event page suspended mid-chat while
 * the agent writes. Both end with identical, complete transcripts on both sides.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, type AgentClient } from './support/agent.ts';
import { launchFirefox, type FirefoxExtension } from './support/firefox.ts';
import { configureFirefoxExtension } from './support/firefox-extension-page.ts';
import { clickInFirefoxPageUi, firefoxUiTexts, typeInFirefoxPageUi, waitInFirefoxPageUi } from './support/firefox-page-ui.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { expectIdenticalTranscripts, type SentLog } from './support/transcripts.ts';
import { waitFor } from './support/wait.ts';

const pageMessages = (page: Page) => firefoxUiTexts(page, 'beckon-message-text');

const waitForPageMessage = (page: Page, text: string, timeoutMs = 20_000) =>
  waitFor(async () => (await pageMessages(page)).includes(text), { timeoutMs, what: `the visitor to see "${text}"` });

describe('Firefox: faults that must lose nothing', () => {
  let sandbox: TestSandbox;
  let ext: FirefoxExtension;
  let agent: AgentClient;
  let page: Page;
  let chatId: string;
  const sent: SentLog = { visitorSent: [], agentSent: [] };

  const agentTexts = async () => ((await agent.interaction(chatId))?.messages ?? []).filter((m) => m.type === 'Text').map((m) => m.text ?? '');
  const visitorSays = async (text: string) => {
    sent.visitorSent.push(text);
    await typeInFirefoxPageUi(page, 'beckon-composer', text, { enter: true });
  };
  const agentSays = async (text: string) => {
    sent.agentSent.push(text);
    await agent.send(chatId, text);
  };
  const identical = () => expectIdenticalTranscripts({ visitor: () => pageMessages(page), agent: agentTexts, sent, timeoutMs: 45_000 });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ext = await launchFirefox({ idleTimeoutMs: 4_000 });
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready(); // offers wait for a ready agent on the rule's queue
    // The Sandbox's host (127.0.0.1) is a manifest host permission, granted at install.
    await configureFirefoxExtension(ext, { backendUrl: sandbox.url, secondsOnPage: 2 });

    // One chat for the file, started through the page UI and accepted by the agent.
    page = await ext.browser.newPage();
    await page.goto(`${sandbox.url}/demo/bill-payment.html`);
    await clickInFirefoxPageUi(page, 'beckon-offer-accept', 20_000);
    chatId = (await agent.waitForInteraction((i) => i.state === 'Offered')).id;
    await agent.accept(chatId, 'Alex');
    await agentSays('Hello from Alex in Firefox');
    await waitForPageMessage(page, 'Hello from Alex in Firefox');
    await visitorSays('Hi Alex, Firefox visitor here');
    await waitFor(async () => (await agentTexts()).includes('Hi Alex, Firefox visitor here'), { timeoutMs: 20_000, what: 'the first visitor message at the agent' });
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('restores the chat window with its full history after a reload, and the chat goes on', async () => {
    await agentSays('Let me look at your bill');
    await visitorSays('Thanks, it is the March one');
    await identical();
    const before = await pageMessages(page);

    await page.reload();
    await waitInFirefoxPageUi(page, 'beckon-chat', 20_000);
    await waitFor(async () => (await pageMessages(page)).length === before.length, { timeoutMs: 20_000, what: 'the whole transcript after the reload' });
    expect(await pageMessages(page)).toEqual(before);

    await agentSays('Found it: a late fee');
    await waitForPageMessage(page, 'Found it: a late fee');
    await visitorSays('Can you waive it?');
    await identical();
  });

  it('loses and duplicates nothing when the event page is suspended mid-chat', async () => {
    for (let round = 1; round <= 2; round++) {
      // suspendBackground() waits until Firefox reports the event page stopped; the open chat
      // window reconnects at once and wakes a fresh one, so its state is not checked after.
      await ext.suspendBackground();
      await agentSays(`Agent while the event page is suspended ${round}`);
      await visitorSays(`Visitor after the suspension ${round}`);
      await waitForPageMessage(page, `Agent while the event page is suspended ${round}`, 40_000);
    }
    // And by itself: with the 4 s idle timeout Firefox suspends it mid-chat (the page UI's
    // reconnect wakes it again at once); the agent writes around that.
    await waitFor(async () => (await ext.backgroundState()) !== 'running', { timeoutMs: 30_000, intervalMs: 50, what: 'the idle event page to suspend by itself' });
    await agentSays('Agent around an idle suspension');
    await visitorSays('Visitor around an idle suspension');
    await identical();
  });
});
