/**
 * Faults that must lose nothing, in real Chromium against a real Sandbox: the Sandbox
 * restarted mid-chat; the Sandbox answering 500s, then holding requests past the client's
 * patience, then replying with malformed JSON; the browser offline for a while. Each test
 * starts its own chat through the page UI and ends with both transcripts identical, complete,
 * in order and without duplicates, and with the offline notice shown during the outage and
 * gone after it. (Worker stops, reload, another site and two tabs: chromium-chat.test.ts.)
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, type AgentClient } from './support/agent.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { configureExtension, resetVisitorState, sendAsVisitor, visitorMessages, waitForVisitorMessage } from './support/visitor.ts';
import { expectIdenticalTranscripts, type SentLog } from './support/transcripts.ts';
import { waitFor } from './support/wait.ts';
import { uiOf } from './support/page-ui.ts';

const SECONDS_ON_PAGE = 2;
/** The extension's request timeout (src/backends/gws.ts): a held request is given up after it. */
const CLIENT_TIMEOUT_MS = 15_000;

/** A chat under test: its page, its id on the Sandbox, and what each side sent, in order. */
interface Chat extends SentLog {
  page: Page;
  id: string;
  /** The offline notice in the page's UI frame (found again each time: a reload makes a new frame). */
  offlineNotice: () => Promise<Locator>;
  visitor(text: string): Promise<void>;
  agent(text: string): Promise<void>;
}

describe('Chromium: faults that must lose nothing', () => {
  let sandbox: TestSandbox;
  let ext: ChromiumExtension;
  let agent: AgentClient;
  let chat: Chat | undefined;
  const knownChats = new Set<string>();

  const agentTexts = async (id: string) =>
    ((await agent.interaction(id))?.messages ?? []).filter((m) => m.type === 'Text').map((m) => m.text ?? '');

  /** A new visitor accepts an offer on the demo site; the agent accepts and both say hello. */
  async function startChat(label: string): Promise<Chat> {
    const popup = await ext.openPopup();
    await resetVisitorState(popup); // capping allows one offer per visit
    await popup.waitForTimeout(300);
    await popup.close();
    const page = await ext.context.newPage();
    await page.goto(`${sandbox.url}/demo/bill-payment.html`);
    await (await uiOf(page)).getByTestId('beckon-offer-accept').click({ timeout: 20_000 });
    const offered = await agent.waitForInteraction((i) => i.state === 'Offered' && !knownChats.has(i.id));
    knownChats.add(offered.id);
    await agent.accept(offered.id, 'Alex');
    await (await uiOf(page)).getByTestId('beckon-chat-status').getByText('Chatting with Alex').waitFor({ timeout: 15_000 });
    const c: Chat = {
      page,
      id: offered.id,
      offlineNotice: async () => (await uiOf(page)).getByTestId('beckon-offline'),
      visitorSent: [],
      agentSent: [],
      async visitor(text) {
        c.visitorSent.push(text);
        await sendAsVisitor(page, text);
      },
      async agent(text) {
        c.agentSent.push(text);
        await agent.send(offered.id, text);
      },
    };
    chat = c;
    await c.agent(`Hello, this is Alex (${label})`);
    await waitForVisitorMessage(page, `Hello, this is Alex (${label})`);
    await c.visitor(`Hi Alex (${label})`);
    await waitFor(async () => (await agentTexts(c.id)).includes(`Hi Alex (${label})`), { timeoutMs: 15_000, what: 'the first visitor message at the agent' });
    return c;
  }

  const identical = (c: Chat, timeoutMs = 45_000) =>
    expectIdenticalTranscripts({ visitor: () => visitorMessages(c.page), agent: () => agentTexts(c.id), sent: c, timeoutMs });
  const noticeShows = async (c: Chat, timeoutMs = 20_000) => (await c.offlineNotice()).waitFor({ state: 'visible', timeout: timeoutMs });
  const noticeGone = async (c: Chat) => (await c.offlineNotice()).waitFor({ state: 'detached', timeout: 35_000 });
  /** Sandbox fault counters, for proving a fault was really met (not slept through). */
  const counts = async () => (await sandbox.faultStatus()).counts;
  /** Lets a fault last `ms` from `since`: the fault's length is the scenario, not a guess at timing. */
  const lastUntil = (since: number, ms: number) => new Promise((r) => setTimeout(r, Math.max(0, since + ms - Date.now())));

  beforeAll(async () => {
    sandbox = await startTestSandbox({ faults: true });
    ext = await launchChromium();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready(); // offers wait for a ready agent on the rule's queue
    const options = await ext.openOptions();
    await configureExtension(options, sandbox.url, SECONDS_ON_PAGE);
    await options.close();
  });
  afterEach(async () => {
    // Whatever happened, leave a healthy network and no live chat on the demo site behind:
    // a live chat there would stand in for the next test's offer.
    await ext.setOffline(false).catch(() => undefined);
    await sandbox.setFault('none').catch(() => undefined);
    if (chat) {
      const { id, page } = chat;
      chat = undefined;
      await agent.stop(id).catch(() => undefined);
      await (await uiOf(page)).getByTestId('beckon-chat-status').getByText('Chat ended').waitFor({ timeout: 40_000 }).catch(() => undefined);
      await page.close();
    }
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('the Sandbox restarted mid-chat: the visitor writes while it is down, the agent after', async () => {
    const c = await startChat('restart');
    await sandbox.restart(async () => {
      await c.visitor('Written while the Sandbox is down');
      await noticeShows(c);
      await c.visitor('Still down, one more');
      await waitForVisitorMessage(c.page, 'Still down, one more', 5_000); // shown while pending
    });
    await c.agent('Sorry, we restarted. Do you see this?');
    await c.visitor('Yes, and you got mine?');
    await identical(c);
    await noticeGone(c);
  }, 120_000);

  it('the Sandbox answering 500s, then timing out, then malformed JSON', async () => {
    const c = await startChat('faults');

    // 1. 500s with the error envelope, for ~5 s.
    let before = await counts();
    await sandbox.setFault('error500');
    let since = Date.now();
    await c.visitor('Sent during the 500s'); // cuts the held long-poll: the next request meets the fault
    await c.agent('Agent during the 500s');
    await noticeShows(c, 15_000);
    expect((await counts()).faulted).toBeGreaterThan(before.faulted);
    await lastUntil(since, 5_000);

    // 2. Requests held past the client's patience: it must give up by itself (15 s timeout)
    //    and retry; the Sandbox answers nothing while the fault lasts.
    before = await counts();
    await sandbox.setFault('timeout', { holdMs: 60_000 });
    since = Date.now();
    await c.visitor('Sent while the server hangs');
    await c.agent('Agent while the server hangs');
    await waitFor(async () => (await counts()).abandoned > before.abandoned, {
      timeoutMs: CLIENT_TIMEOUT_MS + 20_000,
      intervalMs: 250,
      what: 'the extension to give up on a held request (its own request timeout)',
    });
    const heldFor = Date.now() - since;
    expect(heldFor).toBeGreaterThanOrEqual(CLIENT_TIMEOUT_MS - 1_000);

    // 3. 200 replies whose JSON is cut off, for ~5 s (held requests are let go with a 504).
    before = await counts();
    await sandbox.setFault('garbage');
    since = Date.now();
    await c.visitor('Sent during the garbage');
    await c.agent('Agent during the garbage');
    await waitFor(async () => (await counts()).faulted > before.faulted, { timeoutMs: 15_000, what: 'a garbled reply' });
    await lastUntil(since, 5_000);
    await expect((await c.offlineNotice()).isVisible()).resolves.toBe(true); // no request has succeeded since the 500s began

    await sandbox.setFault('none');
    await c.visitor('Are you back?');
    await c.agent('Yes, all good now');
    await identical(c);
    await noticeGone(c);
  }, 150_000);

  it('keeps the offline notice up while the visitor types during an outage', async () => {
    const c = await startChat('typing');
    await sandbox.setFault('error500');
    // Answers the long-poll already held (it started before the fault); the next poll meets the 500s.
    await c.agent('Agent just before the outage shows');
    await noticeShows(c, 15_000);
    // Nothing is queued: starting to type makes the extension tell the (failing) server so.
    const composer = (await uiOf(c.page)).getByTestId('beckon-composer');
    await composer.fill('I am still typ');
    const seen: boolean[] = [];
    for (const end = Date.now() + 3_000; Date.now() < end; ) {
      seen.push(await (await c.offlineNotice()).isVisible());
      await c.page.waitForTimeout(100);
    }
    expect(seen.filter((visible) => !visible).length, `the notice went away while the server still failed (${seen.map((v) => (v ? 'V' : '-')).join('')})`).toBe(0);

    await sandbox.setFault('none');
    c.visitorSent.push('I am still typing, sorry');
    await composer.fill('I am still typing, sorry');
    await composer.press('Enter');
    await identical(c);
    await noticeGone(c);
  }, 90_000);

  it('the browser offline for a while: the visitor types offline, the agent writes meanwhile', async () => {
    const c = await startChat('offline');
    await ext.setOffline(true);
    // What blocks the worker: its own fetch fails while the emulation is on.
    const worker = await ext.serviceWorker();
    const probe = () =>
      worker.evaluate(async (url) => fetch(`${url}/api/v2/queues/Billing/availability`).then(() => 'online', (e: Error) => `${e.name}: ${e.message}`), sandbox.url);
    await expect(probe()).resolves.toBe('TypeError: Failed to fetch');

    await c.visitor('Typed while offline');
    await c.agent('Agent writes while the visitor is offline');
    await noticeShows(c);
    await c.visitor('Typed while offline, again');
    await ext.setOffline(false);
    await expect(probe()).resolves.toBe('online');

    await c.agent('Welcome back');
    await identical(c);
    await noticeGone(c);
  }, 120_000);
});
