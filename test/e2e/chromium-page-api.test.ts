/**
 * The seeds' page APIs (issue 12) in real Chromium against a real Sandbox, on fixture pages
 * that call them exactly as the seed documents show (test/e2e/fixtures/page-api): seed 001's
 * offer with Beckon's card and with the page's own buttons, seed 002's example through a chat
 * and a reload, user data the agent sees; and what a page may not do.
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { agentClient, type AgentClient } from './support/agent.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { pageApiSettings, startPageApiSite, type PageApiSite } from './support/page-api-site.ts';
import { countInPageUi, pageUi } from './support/page-ui.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { waitFor } from './support/wait.ts';

describe('the seeds\' page APIs (Chromium)', () => {
  let sandbox: TestSandbox;
  let site: PageApiSite;
  let ext: ChromiumExtension;
  let agent: AgentClient;
  const known = new Set<string>();

  const pageLog = (page: Page) => page.evaluate(() => (window as any).pageLog as string[]);
  const waitForLog = (page: Page, line: string | RegExp, timeoutMs = 15_000) =>
    waitFor(async () => (await pageLog(page)).some((l) => (typeof line === 'string' ? l === line : line.test(l))), { what: `the page to log ${line}`, timeoutMs });
  const newChat = async () => {
    const chat = await agent.waitForInteraction((i) => !known.has(i.id) && i.state === 'Offered');
    known.add(chat.id);
    return chat;
  };
  const open = async (url: string) => {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('console', (m: ConsoleMessage) => void (m.type() === 'error' && errors.push(m.text())));
    await page.goto(url);
    return { page, errors };
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    site = await startPageApiSite();
    ext = await launchChromium();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    const worker = await ext.serviceWorker();
    const current = (await worker.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings)) ?? DEFAULT_SETTINGS;
    await worker.evaluate((s) => (globalThis as any).chrome.storage.local.set({ settings: s }), pageApiSettings(current, sandbox.url, site));
    // The scripts are registered by the settings listener: wait until a page gets them.
    await waitFor(async () => {
      const probe = await ext.context.newPage();
      await probe.goto(site.url('offer'));
      const has = await probe.evaluate(() => typeof (window as any).pega?.chat?.proactiveChat?.offer === 'function');
      await probe.close();
      return has;
    }, { what: 'the page API on the opted-in site' });
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await sandbox?.close();
  });

  it('seed 001 with bDefaultUI true: Beckon\'s card, and the metadata reaches the agent as user data', async () => {
    const { page } = await open(site.url('offer'));
    await page.click('#offer-default');
    await waitForLog(page, 'offer offered');
    const ui = await pageUi(page, 15_000);
    await ui.getByTestId('beckon-offer-accept').click();
    await waitForLog(page, 'offer accepted');
    const chat = await newChat();
    expect(chat.queue).toBe('Billing');
    expect(chat.userData).toMatchObject({ 'Page Name': 'Bill Payment', 'Time spent on page': '5 mins' });
    await agent.accept(chat.id, 'Alice');
    await agent.stop(chat.id);
    await page.close();
  });

  it('seed 001 with bDefaultUI false: nothing of Beckon\'s shows; the page\'s own Accept starts the chat, its Decline is recorded', async () => {
    const { page } = await open(site.url('offer'));
    await page.click('#offer-custom');
    await waitForLog(page, 'offer offered');
    await page.locator('#my-offer').waitFor();
    expect(await countInPageUi(page, 'beckon-offer')).toBe(0);
    await page.click('#my-accept');
    await waitForLog(page, 'offer accepted');
    const chat = await newChat();
    expect(chat.userData).toMatchObject({ 'Page Name': 'Bill Payment' });
    await agent.accept(chat.id, 'Alice');
    await agent.send(chat.id, 'Hello from the custom offer');
    // The accepted chat is an ordinary Beckon chat: its window opens in the page.
    const ui = await pageUi(page, 15_000);
    await waitFor(async () => (await ui.getByTestId('beckon-message-text').allTextContents()).includes('Hello from the custom offer'), { what: 'the agent message in Beckon\'s window' });
    await agent.stop(chat.id);
    await page.close();

    const second = await open(site.url('offer'));
    await second.page.click('#offer-custom');
    await second.page.locator('#my-offer').waitFor();
    await second.page.click('#my-decline');
    await waitForLog(second.page, 'offer declined');
    const outcomes = await (await ext.serviceWorker()).evaluate(async () => (await (globalThis as any).chrome.storage.local.get('outcomes')).outcomes as { ruleName: string; outcome: string }[]);
    expect(outcomes.filter((o) => o.ruleName === 'Page API offer').map((o) => o.outcome).slice(-4)).toEqual(['offered', 'accepted', 'offered', 'declined']);
    await second.page.close();
  });

  it('seed 002\'s example verbatim: a chat both ways, user data the agent sees, restoreSession after a reload, a worker restart, the end', async () => {
    const { page } = await open(site.url('chat'));
    await waitForLog(page, /^session /);
    const chat = await newChat();
    await agent.accept(chat.id, 'Alice');
    await agent.send(chat.id, 'How can I help?');
    await waitForLog(page, 'agent connected Alice');
    await waitForLog(page, 'agent: How can I help?');
    expect(await countInPageUi(page, 'beckon-chat')).toBe(0); // the page's own widget shows it

    await page.fill('#text', 'My bill is wrong');
    await page.click('#composer button');
    await waitFor(async () => (await agent.interaction(chat.id))?.messages.some((m) => m.text === 'My bill is wrong'), { what: 'the page\'s message at the agent' });

    await page.click('#set-data');
    await waitForLog(page, 'user data set');
    await waitFor(async () => (await agent.interaction(chat.id))?.userData.FirstName === 'John', { what: 'the user data at the agent' });
    await page.click('#get-data');
    await waitForLog(page, 'FirstName is John');
    await page.click('#delete-data');
    await waitForLog(page, 'FirstName deleted');
    await waitFor(async () => (await agent.interaction(chat.id))?.userData.FirstName === undefined, { what: 'the key gone at the agent' });

    const sessionLine = (await pageLog(page)).find((l) => l.startsWith('session '))!;
    await page.reload();
    await waitForLog(page, sessionLine); // the same session, restored
    await waitForLog(page, 'agent: How can I help? (restored)');
    await waitForLog(page, 'me: My bill is wrong (restored)');
    expect((await agent.interactions()).filter((i) => !known.has(i.id) && i.state === 'Offered')).toEqual([]); // restored, not a new chat
    await ext.stopServiceWorker(); // the relay reconnects and the page misses nothing
    await agent.send(chat.id, 'Still there?');
    await waitForLog(page, 'agent: Still there?');
    expect((await pageLog(page)).filter((l) => l === 'agent: Still there?')).toHaveLength(1);
    // An ordinary Beckon chat: the popup shows it.
    const popup = await ext.openPopup();
    await waitFor(async () => (await popup.getByTestId('beckon-message-text').allTextContents()).includes('Still there?'), { what: 'the page chat in the popup' });
    await popup.close();
    await agent.stop(chat.id);
    await waitForLog(page, 'ended agent');
    await page.close();
  });

  it('refuses bad input with clear errors, a flood, and a chat of another page; a site without the opt-in has no API at all', async () => {
    const plain = await open(site.url('offer', 'plain'));
    expect(await plain.page.evaluate(() => [typeof (window as any).pega, typeof (window as any).chat, typeof (window as any).beckonChat])).toEqual(['undefined', 'undefined', 'undefined']);
    await plain.page.close();

    const { page, errors } = await open(site.url('offer'));
    await page.evaluate(() => {
      const pc = (window as any).pega.chat.proactiveChat;
      pc.offer(42, {}, true);
      pc.offer('Billing', { 'Page Name': { nested: true } }, true);
      pc.offer('Billing', { big: 'x'.repeat(100_000) }, true);
    });
    await waitFor(async () => errors.length >= 3, { what: 'three console errors' });
    expect(errors.slice(0, 3)).toEqual([
      expect.stringMatching(/offer refused: queuename must be a queue name/),
      expect.stringMatching(/offer refused: metadata\["Page Name"\] must be a string, not object/),
      expect.stringMatching(/offer refused: metadata\["big"\] is 100000 characters/),
    ]);
    const failures = await page.evaluate(async () => {
      const c = (window as any).chat;
      const failOf = (p: any) => new Promise((resolve) => p.done(() => resolve('done')).fail((e: any) => resolve(e.error ?? 'no error')));
      const started = await new Promise<any>((resolve) => c.startChat({ userData: { Plan: 'Gold' } }).done(resolve).fail((e: any) => resolve(e)));
      return {
        badUserData: await failOf(c.startChat({ userData: { n: 5 } })),
        second: await failOf(c.startChat()),
        badMessage: await failOf(started.sendMessage('')),
        flood: await Promise.all(Array.from({ length: 35 }, (_, i) => failOf(started.sendMessage(`flood ${i}`)))),
        id: started.sessionId,
      };
    });
    expect(failures.badUserData).toEqual({ code: 400, description: 'userData["n"] must be a string, not number' });
    expect(failures.second).toMatchObject({ code: 200 });
    expect(failures.badMessage).toMatchObject({ code: 400 });
    expect(failures.flood.filter((r) => r === 'done')).toHaveLength(30);
    expect(failures.flood.at(-1)).toMatchObject({ code: 429, description: expect.stringMatching(/Too many send calls/) });

    // Another tab of the site: nothing to restore there, no way to start a second chat, no way into the channel.
    const other = await open(site.url('offer'));
    const tried = await other.page.evaluate(async (chatId) => {
      const c = (window as any).chat;
      const restore = await new Promise((resolve) => c.restoreSession().done(() => resolve('restored')).fail((e: any) => resolve(e.error ?? 'nothing to restore')));
      const start = await new Promise((resolve) => c.startChat().done(() => resolve('started')).fail((e: any) => resolve(e.error)));
      // A script posting its own hello, hoping to be taken for Beckon's API: nobody answers.
      const channel = new MessageChannel();
      const answer = new Promise((resolve) => {
        channel.port1.onmessage = (m) => resolve(m.data);
        setTimeout(() => resolve('no answer'), 1_500);
      });
      window.postMessage({ type: 'beckon.pageapi.hello' }, '*', [channel.port2]);
      channel.port1.postMessage({ id: 1, request: { call: 'getUserData', chatId, key: 'Plan' } });
      return { restore, start, forged: await answer };
    }, failures.id);
    expect(tried).toEqual({ restore: 'nothing to restore', start: expect.objectContaining({ code: 201 }), forged: 'no answer' });
    const chat = await newChat();
    expect(chat.messages.filter((m) => m.type === 'Message').length).toBeLessThanOrEqual(30);
    await agent.accept(chat.id, 'Alice');
    await agent.stop(chat.id);
    await other.page.close();
    await page.close();
  });
});
