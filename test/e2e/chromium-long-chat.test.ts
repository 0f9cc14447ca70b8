/**
 * A long chat in real Chromium against a real Sandbox (issue 10): 500 messages, the page
 * reloaded and the service worker stopped along the way; nothing is lost or duplicated on
 * either side, and the chat window opens at the end of the transcript.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, type AgentClient, type AgentInteraction } from './support/agent.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { configureCrm, startChat } from './support/crm.ts';
import { pageUi } from './support/page-ui.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { sendAsVisitor } from './support/visitor.ts';
import { waitFor } from './support/wait.ts';

const AGENT_LINES = 480;

describe('a 500-message chat (Chromium)', () => {
  let sandbox: TestSandbox;
  let ext: ChromiumExtension;
  let agent: AgentClient;
  let page: Page;
  let chat: AgentInteraction;
  const visitorSent: string[] = [];

  /** Every message of the chat as the visitor has it: the whole transcript, downloaded as JSON from the chat window. */
  const visitorTranscript = async (): Promise<string[]> => {
    const ui = await pageUi(page);
    const [download] = await Promise.all([page.waitForEvent('download'), ui.getByTestId('beckon-download-json').click()]);
    const json = JSON.parse(await readFile((await download.path())!, 'utf8')) as { messages: { kind: string; text: string }[] };
    return json.messages.filter((m) => m.kind === 'message').map((m) => m.text);
  };
  const agentTexts = async () => ((await agent.interaction(chat.id))?.messages ?? []).filter((m) => m.type === 'Text').map((m) => m.text ?? '');

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ext = await launchChromium();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    await configureCrm(ext, sandbox.url, { connector: 'none' }, 1);
    ({ page, chat } = await startChat(ext, agent, `${sandbox.url}/demo/bill-payment.html`));
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('carries 500 messages, through a reload and a stopped worker, with nothing lost or doubled', async () => {
    for (let i = 1; i <= AGENT_LINES; i++) {
      await agent.send(chat.id, `agent line ${i}`);
      if (i === 160) await page.reload(); // mid-chat: the window comes back and catches up
      if (i === 320) await ext.stopServiceWorker(); // mid-chat: a new worker resumes from storage
      if (i % 24 === 0) {
        const text = `visitor line ${i / 24}`;
        visitorSent.push(text);
        await sendAsVisitor(page, text);
      }
    }
    await waitFor(async () => (await agentTexts()).length === AGENT_LINES + visitorSent.length, { timeoutMs: 30_000, what: 'every visitor line at the agent' });
    const ui = await pageUi(page);
    await waitFor(async () => (await ui.getByTestId('beckon-message-text').allTextContents()).includes(`agent line ${AGENT_LINES}`), {
      timeoutMs: 30_000, what: 'the last agent line in the chat window',
    });
    await ext.stopServiceWorker();
    await page.reload();
    const atAgent = await agentTexts();
    const atVisitor = await visitorTranscript();
    expect(atVisitor).toEqual(atAgent); // the same lines, in the same order
    expect(new Set(atVisitor).size).toBe(atVisitor.length);
    expect(atVisitor).toHaveLength(500);
  });

  it('opens the chat window at the end of the transcript, with earlier lines a click away', async () => {
    const ui = await pageUi(page);
    const last = ui.getByTestId('beckon-message-text').last();
    await waitFor(async () => (await last.textContent()) === visitorSent.at(-1), { what: 'the window after the reload' });
    const list = ui.getByTestId('beckon-transcript');
    // Scrolled to its end (the list's own bottom padding aside), the last line in full view.
    await waitFor(
      () => list.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop <= parseFloat(getComputedStyle(el).paddingBottom) + 1),
      { what: 'the transcript scrolled to its end' },
    );
    const [box, frame] = [(await last.boundingBox())!, (await list.boundingBox())!];
    expect(box.y).toBeGreaterThanOrEqual(frame.y);
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);
    const earlier = ui.getByTestId('beckon-earlier');
    expect(await earlier.textContent()).toMatch(/^Show earlier messages \(\d+\)$/);
    expect(await ui.getByTestId('beckon-message-text').count()).toBeLessThanOrEqual(200);
    await earlier.click();
    expect(await ui.getByTestId('beckon-message-text').count()).toBeGreaterThan(200);
    await agent.stop(chat.id);
  });
});
