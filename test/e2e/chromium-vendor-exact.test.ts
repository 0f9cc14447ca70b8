/**
 * Each adapter against a Sandbox in vendor-exact mode (issue 11): only what the Genesys
 * documents describe, no Beckon extras (no long-poll, no chatEnded on GWS, no client id echo,
 * no queue availability). A whole chat per adapter, ended by the agent, must end in Beckon from
 * the documented signals alone; on GMS a file goes each way (the documented file API).
 */
import { readFile } from 'node:fs/promises';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { agentClient, type AgentClient } from './support/agent.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { startChat } from './support/crm.ts';
import { pageUi } from './support/page-ui.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { waitFor } from './support/wait.ts';

describe('adapters against a vendor-exact Sandbox (Chromium)', () => {
  let sandbox: TestSandbox;
  let ext: ChromiumExtension;
  let agent: AgentClient;
  const known: string[] = [];

  /** Points Beckon at the Sandbox with the given dialect, an offer after one second, no capping, no CRM. */
  async function useDialect(kind: 'gws' | 'gms') {
    const worker = await ext.serviceWorker();
    const backend = kind === 'gws'
      ? { kind, url: sandbox.url, contactCenterId: sandbox.contactCenterId, nickname: 'Jane' }
      : { kind, url: sandbox.url, serviceName: 'request-chat', nickname: 'Jane' };
    await worker.evaluate(async ({ backend, defaults }) => {
      const chrome = (globalThis as any).chrome;
      const current = (await chrome.storage.local.get('settings')).settings ?? defaults;
      const rules = current.rules.map((r: any, i: number) => (i === 0 ? { ...r, conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: 1 }] } : r));
      const capping = { ...current.capping, oncePerRulePerVisit: false, declineCooldownMinutes: 0, afterChatMinutes: 0, minGapSeconds: 0, dailyCap: 0 };
      await chrome.storage.local.set({ settings: { ...current, backend, rules, capping, crm: { ...current.crm, connector: 'none' } } });
    }, { backend, defaults: DEFAULT_SETTINGS });
  }

  const texts = async (ui: Frame, testId: string) => (await ui.getByTestId(testId).allTextContents()).map((t) => t.trim());

  /** A chat both ways, then the agent ends it: Beckon must say it ended. */
  async function chatEndedByAgent(page: Page, chatId: string, label: string): Promise<void> {
    await agent.send(chatId, `Hello from the agent (${label})`);
    const ui = await pageUi(page);
    await waitFor(async () => (await texts(ui, 'beckon-message-text')).includes(`Hello from the agent (${label})`), { what: 'the agent message' });
    await ui.getByTestId('beckon-composer').fill(`Hi, visitor here (${label})`);
    await ui.getByTestId('beckon-composer').press('Enter');
    await waitFor(async () => (await agent.interaction(chatId))?.messages.some((m) => m.text === `Hi, visitor here (${label})`), { what: 'the visitor message at the agent' });
    await agent.stop(chatId);
    await ui.getByTestId('beckon-chat-status').getByText('Chat ended').waitFor({ timeout: 15_000 });
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox({ vendorExact: true });
    ext = await launchChromium();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('GWS: a chat the agent ends ends in Beckon (GetChat: the agent gone, no SendMessage)', async () => {
    await useDialect('gws');
    const { page, chat } = await startChat(ext, agent, `${sandbox.url}/demo/bill-payment.html`, known);
    known.push(chat.id);
    await chatEndedByAgent(page, chat.id, 'gws');
    await page.close();
  });

  it('GMS: a chat with a file each way, refused files said why, and the agent ends it', async () => {
    await useDialect('gms');
    const { page, chat } = await startChat(ext, agent, `${sandbox.url}/demo/bill-payment.html`, known);
    known.push(chat.id);
    const ui = await pageUi(page);

    // The agent's file: shown with its name, downloaded byte for byte from the frame.
    const statement = new TextEncoder().encode('%PDF-1.4 statement for Jane\n');
    await agent.sendFile(chat.id, { name: 'statement.pdf', mime: 'application/pdf', bytes: statement });
    await waitFor(async () => (await texts(ui, 'beckon-file-name')).includes('statement.pdf'), { what: 'the agent file' });
    const [download] = await Promise.all([page.waitForEvent('download'), ui.getByTestId('beckon-file-download').first().click()]);
    expect(download.suggestedFilename()).toBe('statement.pdf');
    expect(new Uint8Array(await readFile(await download.path()))).toEqual(statement);

    // A file the chat does not take is refused in the window, with the reason; nothing is sent.
    const input = ui.getByTestId('beckon-attach-input');
    await input.setInputFiles({ name: 'tool.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await waitFor(async () => /cannot be sent: this chat accepts .*not \.exe/.test((await texts(ui, 'beckon-attach-error'))[0] ?? ''), { what: 'the refusal' });

    // The visitor's file: sent, and the agent downloads it byte for byte.
    const receipt = Buffer.from('Receipt 2026-12-02: 42.00 EUR\n');
    await input.setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: receipt });
    const uploaded = await waitFor(async () => (await agent.interaction(chat.id))?.messages.find((m) => m.type === 'FileUploaded' && m.from.type !== 'Agent'), { what: 'the visitor file at the agent' });
    const fileId = (uploaded as any).userData?.['file-id'] ?? (uploaded as any).text;
    const agentCopy = await fetch(`${sandbox.url}/api/v2/me/interactions/${chat.id}/attachments/${fileId}`, {
      headers: { authorization: `Basic ${Buffer.from(`${sandbox.agents[0]!.name}:${sandbox.agents[0]!.password}`).toString('base64')}` },
    });
    expect(Buffer.from(await agentCopy.arrayBuffer())).toEqual(receipt);
    await waitFor(async () => (await ui.locator('[data-testid="beckon-file"][data-from="visitor"] [data-testid="beckon-delivery"]').count()) === 0, { what: 'the visitor file marked sent' });

    await chatEndedByAgent(page, chat.id, 'gms');
    await page.close();
  });
});
