/**
 * CRM helpers for the e2e specs: set the extension's CRM settings (through its storage, as the
 * options page would save them), read the Sandbox CRM, and run one visitor chat end to end.
 */
import type { Page } from 'playwright-core';
import { DEFAULT_CRM, type CrmSettings } from '../../../src/core/crm/settings.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/settings.ts';
import type { AgentClient, AgentInteraction } from './agent.ts';
import type { ChromiumExtension } from './chromium.ts';
import { resetVisitorState } from './visitor.ts';
import { waitFor } from './wait.ts';
import { uiOf } from './page-ui.ts';

/** Points the extension at `sandboxUrl` with `secondsOnPage` on the default rule and these CRM settings. */
export async function configureCrm(ext: ChromiumExtension, sandboxUrl: string, crm: Partial<CrmSettings>, secondsOnPage = 1): Promise<void> {
  const worker = await ext.serviceWorker();
  await worker.evaluate(
    async ({ url, crm, seconds, defaults }) => {
      const chrome = (globalThis as any).chrome;
      // A fresh install stores nothing until the options page saves: start from the defaults.
      const current = (await chrome.storage.local.get('settings')).settings ?? defaults;
      const rules = current.rules.map((r: any, i: number) => (i === 0 ? { ...r, conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: seconds }] } : r));
      await chrome.storage.local.set({ settings: { ...current, backend: { ...current.backend, url }, rules, crm } });
    },
    { url: sandboxUrl, crm: { ...DEFAULT_CRM, ...crm, sandbox: { ...DEFAULT_CRM.sandbox, url: sandboxUrl, ...crm.sandbox } }, seconds: secondsOnPage, defaults: DEFAULT_SETTINGS },
  );
}

/** The Sandbox CRM as a test reads it. */
export function sandboxCrm(sandboxUrl: string) {
  const get = async (path: string) =>
    (await (await fetch(`${sandboxUrl}/api/crm${path}`, { headers: { Authorization: `Bearer ${DEFAULT_CRM.sandbox.token}` } })).json()) as any;
  return {
    interactions: async (chatId: string) => (await get(`/interactions?chatId=${encodeURIComponent(chatId)}`)).interactions as any[],
    outcomes: async () => (await get('/outcomes')).outcomes as any[],
  };
}

/** Forgets capping through the popup's rule debugger, so the next page gets an offer. */
export async function newVisitor(ext: ChromiumExtension): Promise<void> {
  const popup = await ext.openPopup();
  await resetVisitorState(popup);
  await popup.waitForTimeout(300);
  await popup.close();
}

/** Opens `url`, accepts the offer there, and returns the page and the chat as the agent sees it (accepted). */
export async function startChat(ext: ChromiumExtension, agent: AgentClient, url: string, known: readonly string[] = []): Promise<{ page: Page; chat: AgentInteraction }> {
  await newVisitor(ext);
  const page = await ext.context.newPage();
  await page.goto(url);
  await (await uiOf(page)).getByTestId('beckon-offer-accept').click({ timeout: 15_000 });
  const chat = await agent.waitForInteraction((i) => i.state === 'Offered' && !known.includes(i.id));
  await agent.accept(chat.id, 'Alex');
  await (await uiOf(page)).getByTestId('beckon-chat-status').getByText('Chatting with Alex').waitFor({ timeout: 10_000 });
  return { page, chat };
}

/** The id of the tab showing `page`. */
export async function tabIdOf(ext: ChromiumExtension, page: Page): Promise<number> {
  const worker = await ext.serviceWorker();
  return waitFor(() => worker.evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({ url: u }))[0]?.id as number | undefined, page.url()), {
    what: 'the tab id',
  });
}
