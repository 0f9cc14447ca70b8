/**
 * The seeds' page APIs (issue 12) in real Firefox ESR against a real Sandbox, on the same
 * fixture pages as the Chromium spec (test/e2e/fixtures/page-api): seed 001's offer with
 * Beckon's card and with the page's own buttons, seed 002's example through a chat and a
 * reload with user data the agent sees, and a site without the opt-in that has no API.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { agentClient, type AgentClient } from './support/agent.ts';
import { launchFirefox, type FirefoxExtension } from './support/firefox.ts';
import { storeFirefoxSettings } from './support/firefox-extension-page.ts';
import { clickInFirefoxPageUi, currentFirefoxPageUi, firefoxUiTexts, waitInFirefoxPageUi } from './support/firefox-page-ui.ts';
import { pageApiSettings, startPageApiSite, type PageApiSite } from './support/page-api-site.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { waitFor } from './support/wait.ts';

describe('the seeds\' page APIs (Firefox)', () => {
  let sandbox: TestSandbox;
  let site: PageApiSite;
  let ext: FirefoxExtension;
  let agent: AgentClient;
  const known = new Set<string>();

  const pageLog = (page: Page) => page.evaluate(() => (window as any).pageLog as string[]);
  const waitForLog = (page: Page, line: string) =>
    waitFor(async () => (await pageLog(page)).includes(line), { what: `the page to log "${line}"`, timeoutMs: 15_000 });
  const newChat = async () => {
    const chat = await agent.waitForInteraction((i) => !known.has(i.id) && i.state === 'Offered', { timeoutMs: 15_000 });
    known.add(chat.id);
    return chat;
  };
  const open = async (url: string) => {
    const page = await ext.browser.newPage();
    await page.goto(url);
    return page;
  };
  // chat.html has an element with id "chat", which is window.chat by named access: look for the API itself.
  const hasApi = (page: Page) => page.evaluate(() => [typeof (window as any).pega, typeof (window as any).chat?.startChat, typeof (window as any).beckonChat].join());

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    site = await startPageApiSite();
    ext = await launchFirefox();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    await storeFirefoxSettings(ext, pageApiSettings(DEFAULT_SETTINGS, sandbox.url, site));
    await waitFor(async () => {
      const probe = await open(site.url('offer'));
      const api = await hasApi(probe);
      await probe.close();
      return api === 'object,function,object';
    }, { what: 'the page API on the opted-in site', timeoutMs: 15_000 });
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await sandbox?.close();
  });

  it('seed 001 with bDefaultUI false: the page\'s own Accept starts the chat with its metadata, its Decline is heard', async () => {
    const page = await open(site.url('offer'));
    await page.click('#offer-custom');
    await waitForLog(page, 'offer offered');
    await waitFor(() => page.evaluate(() => !document.getElementById('my-offer')!.hidden), { what: 'the page\'s own offer box' });
    expect(await currentFirefoxPageUi(page)).toBeUndefined(); // nothing of Beckon's
    await page.click('#my-accept');
    await waitForLog(page, 'offer accepted');
    const chat = await newChat();
    expect(chat.userData).toMatchObject({ 'Page Name': 'Bill Payment', 'Time spent on page': '5 mins' });
    await agent.accept(chat.id, 'Alice');
    await agent.stop(chat.id);
    await page.close();

    const second = await open(site.url('offer'));
    await second.click('#offer-custom');
    await waitForLog(second, 'offer offered');
    await waitFor(() => second.evaluate(() => !document.getElementById('my-offer')!.hidden), { what: 'the page\'s own offer box' });
    await second.click('#my-decline');
    await waitForLog(second, 'offer declined');
    await second.close();
  });

  it('seed 001 with bDefaultUI true: Beckon\'s card, accepted with the mouse', async () => {
    const page = await open(site.url('offer'));
    await page.click('#offer-default');
    await waitInFirefoxPageUi(page, 'beckon-offer', 15_000);
    await clickInFirefoxPageUi(page, 'beckon-offer-accept');
    await waitForLog(page, 'offer accepted');
    const chat = await newChat();
    await agent.accept(chat.id, 'Alice');
    await agent.send(chat.id, 'Hello from Beckon\'s window');
    await waitFor(async () => (await firefoxUiTexts(page, 'beckon-message-text')).includes('Hello from Beckon\'s window'), { what: 'the agent message', timeoutMs: 15_000 });
    await agent.stop(chat.id);
    await page.close();
  });

  it('seed 002\'s example verbatim: a chat both ways, user data, restoreSession after a reload, the end', async () => {
    const page = await open(site.url('chat'));
    const chat = await newChat();
    await agent.accept(chat.id, 'Alice');
    await agent.send(chat.id, 'How can I help?');
    await waitForLog(page, 'agent connected Alice');
    await waitForLog(page, 'agent: How can I help?');
    await page.type('#text', 'My bill is wrong');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await agent.interaction(chat.id))?.messages.some((m) => m.text === 'My bill is wrong'), { what: 'the page\'s message at the agent' });
    await page.click('#set-data');
    await waitFor(async () => (await agent.interaction(chat.id))?.userData.FirstName === 'John', { what: 'the user data at the agent' });
    await page.click('#get-data');
    await waitForLog(page, 'FirstName is John');

    const sessionLine = (await pageLog(page)).find((l) => l.startsWith('session '))!;
    await page.reload();
    await waitForLog(page, sessionLine);
    await waitForLog(page, 'agent: How can I help? (restored)');
    await agent.send(chat.id, 'Still there?');
    await waitForLog(page, 'agent: Still there?');
    await page.click('#leave');
    await waitForLog(page, 'ended leaveRequest');
    await waitFor(async () => (await agent.interaction(chat.id))?.state === 'Ended' || (await agent.interaction(chat.id))?.messages.some((m) => m.type === 'ParticipantLeft'), { what: 'the visitor gone at the agent' });
    await page.close();
  });

  it('a site without the opt-in has no API at all; bad arguments fail with the seed\'s error', async () => {
    const plain = await open(site.url('chat', 'plain'));
    expect(await hasApi(plain)).toBe('undefined,undefined,undefined');
    await plain.close();
    const page = await open(site.url('offer'));
    const error = await page.evaluate(() => new Promise((resolve) => (window as any).chat.startChat({ userData: { n: 5 } }).fail((e: any) => resolve(e.error))));
    expect(error).toEqual({ code: 400, description: 'userData["n"] must be a string, not number' });
    await page.close();
  });
});
