/**
 * CRM sync in real Chromium against a real Sandbox: the pega.CS lifecycle (start on a chat,
 * switch when the user's focus moves, end with the transcript) reaching the Sandbox CRM, a
 * signed webhook and a Pega desktop tab; a CRM that is down, and a worker stopped with
 * events queued, lose nothing and create nothing twice.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CRM } from '../../src/core/crm/settings.ts';
import { agentClient, type AgentClient } from './support/agent.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { configureCrm, newVisitor, sandboxCrm, startChat, tabIdOf } from './support/crm.ts';
import { startPegaDesktopFixture, type PegaCall, type PegaDesktopFixture } from './support/pega-desktop-fixture.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { sendAsVisitor, waitForVisitorMessage } from './support/visitor.ts';
import { waitFor } from './support/wait.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';
import { currentPageUi, uiOf } from './support/page-ui.ts';

describe('CRM sync in Chromium', () => {
  let sandbox: TestSandbox;
  let ext: ChromiumExtension;
  let agent: AgentClient;
  let crm: ReturnType<typeof sandboxCrm>;
  const seen: string[] = [];
  const chatWith = async (url: string) => {
    const started = await startChat(ext, agent, url, seen);
    seen.push(started.chat.id);
    return started;
  };
  const popupCrm = async (tabId: number) => {
    const popup = await ext.openPage(`popup.html?tab=${tabId}`);
    return { popup, line: popup.getByTestId('popup-crm') };
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox({ faults: true });
    ext = await launchChromium();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    crm = sandboxCrm(sandbox.url);
    await configureCrm(ext, sandbox.url, { connector: 'sandbox' });
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });
  afterEach(async () => {
    // A test that failed half-way must not leave a live chat (it would hold back later offers).
    await sandbox.setFault('none');
    for (const i of await agent.interactions()) if (i.state !== 'Ended') await agent.stop(i.id).catch(() => undefined);
  });

  it('Sandbox CRM: a chat starts an interaction with the persona and page context; focus switches it; the end attaches the transcript', async () => {
    const a = await chatWith(`${sandbox.url}/demo/bill-payment.html`);
    const [interaction] = await waitFor(async () => (await crm.interactions(a.chat.id)).length > 0 && crm.interactions(a.chat.id), { what: 'the interaction of chat A' });
    expect(interaction).toMatchObject({
      interactionClass: 'PegaCA-Work-Interaction-Chat', flowName: 'CPMInteraction',
      params: { ContactId: 'CONT-1', AccountNumber: 'ACCT-1001', ChatId: a.chat.id, Queue: 'Billing', PageName: 'Bill Payment — Beckon Bank', URL: `${sandbox.url}/demo/bill-payment.html`, IsExternalAPICall: 'true' },
    });
    expect(interaction.params.TimeOnPage).toMatch(/^\d+ s$/);
    const { popup, line } = await popupCrm(await tabIdOf(ext, a.page));
    await line.and(popup.locator('[data-state="synced"]')).waitFor({ timeout: 10_000 });
    expect(await line.getAttribute('data-interaction-id')).toBe(interaction.interactionId);
    await popup.close();

    // A second chat on another site (localhost): it becomes the current interaction.
    const b = await chatWith(`http://localhost:${sandbox.port}/demo/loans.html`);
    await waitFor(async () => (await crm.interactions(b.chat.id)).length === 1, { what: 'the interaction of chat B' });
    // The user turns back to chat A's tab: switchInteraction(A).
    await a.page.bringToFront();
    await waitFor(async () => (await crm.interactions(a.chat.id))[0].switches.length === 1, { what: 'the switch to A' });
    // The popup's switcher picks chat B: switchInteraction(B).
    const switcher = await ext.openPage(`popup.html?tab=${await tabIdOf(ext, a.page)}`);
    // Chats are listed oldest first: A, then B.
    await switcher.getByTestId('popup-chat-switcher').selectOption({ index: 1 });
    await waitFor(async () => (await crm.interactions(b.chat.id))[0].switches.length === 1, { what: 'the switch to B' });
    await switcher.close();

    await agent.send(a.chat.id, 'Your bill includes a one-off fee.');
    await waitForVisitorMessage(a.page, 'Your bill includes a one-off fee.');
    await sendAsVisitor(a.page, 'Thanks!');
    await waitFor(async () => (await agent.interaction(a.chat.id))?.messages.some((m) => m.text === 'Thanks!'), { what: 'the visitor reply' });
    await agent.stop(a.chat.id);
    const ended = await waitFor(async () => (await crm.interactions(a.chat.id)).find((i) => i.endedAt), { what: 'the end of A in the CRM' });
    expect(ended.transcript.filter((l: any) => l.from !== 'system').map((l: any) => [l.from, l.text])).toEqual([
      ['agent', 'Alex joined the chat'], ['agent', 'Your bill includes a one-off fee.'], ['visitor', 'Thanks!'], ['agent', 'Alex left the chat'],
    ]);
    expect(ended.endedAt).toBeGreaterThanOrEqual(ended.switches[0]);
    await agent.stop(b.chat.id);
    await waitFor(async () => (await crm.interactions(b.chat.id))[0].endedAt, { what: 'the end of B in the CRM' });
    await Promise.all([a.page.close(), b.page.close()]);
  });

  it('Sandbox CRM: a declined offer is recorded as an outcome', async () => {
    await newVisitor(ext);
    const page = await ext.context.newPage();
    await page.goto(`${sandbox.url}/demo/loans.html`);
    await (await uiOf(page)).getByTestId('beckon-offer-decline').click({ timeout: 15_000 });
    await waitFor(async () => (await crm.outcomes()).some((o) => o.outcome === 'declined' && o.url.endsWith('/demo/loans.html')), { what: 'the declined outcome' });
    await page.close();
  });

  it('a CRM that is down when a chat starts: the chat works, and the interaction is created once when it is back', async () => {
    await sandbox.setFault('error500', { paths: 'crm' });
    const { page, chat } = await chatWith(`${sandbox.url}/demo/bill-payment.html`);
    await agent.send(chat.id, 'Chatting while the CRM is down');
    await waitForVisitorMessage(page, 'Chatting while the CRM is down');
    const { popup, line } = await popupCrm(await tabIdOf(ext, page));
    await line.and(popup.locator('[data-state="pending"]')).getByText(/not answering/).waitFor({ timeout: 10_000 });
    await sandbox.setFault('none');
    await line.and(popup.locator('[data-state="synced"]')).waitFor({ timeout: 30_000 });
    expect(await crm.interactions(chat.id)).toHaveLength(1);
    await agent.stop(chat.id);
    await waitFor(async () => (await crm.interactions(chat.id))[0].endedAt, { what: 'the end in the CRM' });
    expect(await crm.interactions(chat.id)).toHaveLength(1);
    await Promise.all([popup.close(), page.close()]);
  });

  it('events queued when the worker stops are delivered after the restart, in order', async () => {
    await sandbox.setFault('error500', { paths: 'crm' });
    const { page, chat } = await chatWith(`${sandbox.url}/demo/bill-payment.html`);
    await agent.send(chat.id, 'One message before the end');
    await waitForVisitorMessage(page, 'One message before the end');
    await agent.stop(chat.id);
    await (await uiOf(page)).getByTestId('beckon-chat-status').getByText('Chat ended').waitFor({ timeout: 10_000 });
    const worker = await ext.serviceWorker();
    await waitFor(async () => {
      const { crmQueue } = await worker.evaluate(() => (globalThis as any).chrome.storage.local.get('crmQueue'));
      const start = (crmQueue as any[]).find((e) => e.kind === 'start' && e.payload.params.ChatId === chat.id);
      return start?.lastError && (crmQueue as any[]).some((e) => e.id === `end:${start.chatKey}` && e.state === 'pending');
    }, { what: 'the start and end queued' });
    await ext.stopServiceWorker();
    await sandbox.setFault('none');
    await ext.serviceWorker(); // the open page's UI reconnects and wakes it
    const [interaction] = await waitFor(async () => {
      const list = await crm.interactions(chat.id);
      return list[0]?.endedAt ? list : undefined;
    }, { timeoutMs: 45_000, what: 'start and end delivered after the restart' });
    expect(interaction.transcript.map((l: any) => l.text)).toContain('One message before the end');
    expect(await crm.interactions(chat.id)).toHaveLength(1);
    await page.close();
  });

  it('the options page tests the connection, saves the connector, and lists the sync log with Retry', async () => {
    const options = await ext.openOptions();
    await options.getByTestId('options-crm-connector-sandbox').check();
    await expect(options.getByTestId('options-crm-sandbox-url').inputValue()).resolves.toBe(sandbox.url);
    const result = options.getByTestId('options-crm-test-result');
    await options.getByTestId('options-crm-test').click();
    await result.getByText(`The Sandbox CRM at ${sandbox.url} accepted the token.`).waitFor({ timeout: 10_000 });
    await options.getByTestId('options-crm-sandbox-token').fill('not-the-right-token');
    await options.getByTestId('options-crm-test').click();
    await result.getByText(/HTTP 401/).waitFor({ timeout: 10_000 });
    await options.getByTestId('options-crm-sandbox-url').fill('not a url');
    await options.getByTestId('options-crm-test').click();
    await result.getByText(/Not tested: 1 problem/).waitFor();

    // Saved with the wrong token: the next chat's start is refused and held until Retry.
    await options.getByTestId('options-crm-sandbox-url').fill(sandbox.url);
    await options.getByTestId('options-save').click();
    await options.getByTestId('options-status').getByText('Saved.').waitFor({ timeout: 5_000 });
    const { page, chat } = await chatWith(`${sandbox.url}/demo/loans.html`);
    // Newest first: this chat's start (its offered and accepted outcomes were refused too).
    const row = options.locator('tr[data-event-id^="start:"]').first();
    await row.getByText(/HTTP 401/).waitFor({ timeout: 10_000 });
    await options.getByTestId('options-crm-sandbox-token').fill(DEFAULT_CRM.sandbox.token);
    await options.getByTestId('options-save').click();
    await options.getByTestId('options-status').getByText('Saved.').waitFor({ timeout: 5_000 });
    await row.getByRole('button', { name: /Retry/ }).click();
    await waitFor(async () => (await crm.interactions(chat.id)).length === 1, { what: 'the retried start' });
    await row.getByText(/Delivered/).waitFor({ timeout: 10_000 });
    await Promise.all([options.close(), page.close()]);
  });

  describe('webhook', () => {
    let rx: WebhookReceiver;
    beforeAll(async () => {
      rx = await startWebhookReceiver({ secret: 'e2e-webhook-secret' });
      await configureCrm(ext, sandbox.url, {
        connector: 'webhook',
        webhook: { url: `${rx.url}/hooks/beckon`, headers: [{ name: 'X-Tenant', value: 'bank-demo' }], secret: 'e2e-webhook-secret' },
      });
    });
    afterAll(() => rx.close());

    it('POSTs signed lifecycle events with the configured headers', async () => {
      const { page, chat } = await chatWith(`${sandbox.url}/demo/loans.html`);
      const started = await rx.waitFor((r) => (r.json as any)?.type === 'interaction.started' && (r.json as any).params.ChatId === chat.id);
      expect(started).toMatchObject({ method: 'POST', path: '/hooks/beckon', signatureValid: true, status: 204 });
      expect(started.headers['x-tenant']).toBe('bank-demo');
      expect(started.json).toMatchObject({ interactionClass: 'PegaCA-Work-Interaction-Chat', params: { ContactId: 'CONT-1', IsExternalAPICall: 'true' } });
      await agent.send(chat.id, 'Webhook transcript line');
      await waitForVisitorMessage(page, 'Webhook transcript line');
      await agent.stop(chat.id);
      const ended = await rx.waitFor((r) => (r.json as any)?.type === 'interaction.ended' && (r.json as any).interactionId === `W-${(started.json as any).id}`);
      expect(ended.signatureValid).toBe(true);
      expect((ended.json as any).transcript.map((l: any) => l.text)).toContain('Webhook transcript line');
      await page.close();
    });
  });

  describe('Pega desktop', () => {
    let fx: PegaDesktopFixture;
    const pegaCalls = async (page: import('playwright-core').Page) => page.evaluate(() => (window as any).__pegaCalls as PegaCall[]);
    beforeAll(async () => {
      fx = await startPegaDesktopFixture();
      await configureCrm(ext, sandbox.url, { connector: 'pega', pega: { portal: 'http://127.0.0.1/pega-desktop.html*', timeoutSeconds: 10 } });
    });
    afterAll(() => fx.close());

    it('calls pega.CS in the desktop tab once it is open, and never offers a chat there', async () => {
      const { page, chat } = await chatWith(`${sandbox.url}/demo/bill-payment.html`);
      const { popup, line } = await popupCrm(await tabIdOf(ext, page));
      await line.getByText(/No Pega desktop tab is open/).waitFor({ timeout: 10_000 });
      // The agent opens the desktop: what waited for it goes out as soon as it loads.
      const desk = await ext.context.newPage();
      await desk.goto(fx.pageUrl());
      const [start] = await waitFor(async () => {
        const calls = await pegaCalls(desk);
        return calls.length > 0 ? calls : undefined;
      }, { what: 'pega.CS.startInteraction' });
      expect(start).toMatchObject({ method: 'startInteraction', args: ['PegaCA-Work-Interaction-Chat', 'CPMInteraction', { ChatId: chat.id, ContactId: 'CONT-1', IsExternalAPICall: 'true' }] });
      await line.and(popup.locator('[data-interaction-id="I-1"]')).waitFor({ timeout: 10_000 });
      await agent.stop(chat.id);
      await waitFor(async () => (await pegaCalls(desk)).some((c) => c.method === 'endInteraction' && c.args[0] === 'I-1'), { what: 'pega.CS.endInteraction' });
      await expect(desk.getByTestId('pega-current').textContent()).resolves.toBe('none');
      expect((await pegaCalls(desk)).filter((c) => c.method === 'startInteraction')).toHaveLength(1);
      await newVisitor(ext);
      await desk.waitForTimeout(2_500); // longer than the rule's time on page
      expect(currentPageUi(desk)).toBeUndefined(); // no page UI at all
      expect(await desk.evaluate(() => Object.keys(window).filter((k) => /beckon|pega-bridge/i.test(k)))).toEqual([]);
      await Promise.all([popup.close(), page.close(), desk.close()]);
    });
  });
});
