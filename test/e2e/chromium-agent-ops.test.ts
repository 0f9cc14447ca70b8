/**
 * What the visitor sees of the agent side's operations, in real Chromium against a real
 * Sandbox: a transfer to another agent, and a conference of two agents.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClient, type AgentClient, type AgentInteraction } from './support/agent.ts';
import { launchChromium, type ChromiumExtension } from './support/chromium.ts';
import { startTestSandbox, type TestSandbox } from './support/sandbox.ts';
import { configureExtension, resetVisitorState, sendAsVisitor, visitorMessages, waitForVisitorMessage } from './support/visitor.ts';
import { waitFor } from './support/wait.ts';
import { uiOf } from './support/page-ui.ts';

describe('agent operations as the visitor sees them', () => {
  let sandbox: TestSandbox;
  let ext: ChromiumExtension;
  let alice: AgentClient;
  let bob: AgentClient;

  /** Starts a chat from the demo site and has Alice accept it. */
  const startChat = async (path: string): Promise<{ page: Page; chat: AgentInteraction }> => {
    const popup = await ext.openPopup();
    await resetVisitorState(popup);
    await popup.close();
    const page = await ext.context.newPage();
    await page.goto(`${sandbox.url}${path}`);
    await (await uiOf(page)).getByTestId('beckon-offer-accept').click({ timeout: 15_000 });
    const chat = await alice.waitForInteraction((i) => i.state === 'Offered' && (i.userData.URL ?? '').endsWith(path));
    await alice.accept(chat.id, 'Alice');
    await (await uiOf(page)).getByText('Chatting with Alice').waitFor({ timeout: 10_000 });
    return { page, chat };
  };
  const status = async (page: Page) => (await uiOf(page)).getByTestId('beckon-chat-status');

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ext = await launchChromium();
    alice = agentClient(sandbox.url, sandbox.agents[0]!);
    bob = agentClient(sandbox.url, sandbox.agents[1]!);
    await alice.ready();
    await bob.ready();
    const options = await ext.openOptions();
    await configureExtension(options, sandbox.url, 1);
    await options.close();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('a transfer: the agent leaves, the visitor waits, the new agent joins, nothing is lost', async () => {
    const { page, chat } = await startChat('/demo/bill-payment.html');
    await alice.send(chat.id, 'Let me pass you to Bob');
    await alice.operation(chat.id, 'Transfer', { agentId: bob.name });
    await (await status(page)).getByText('Transferring you to another agent').waitFor({ timeout: 10_000 });
    await sendAsVisitor(page, 'Waiting for Bob');
    await bob.waitForInteraction((i) => i.id === chat.id && i.state === 'Offered');
    await bob.accept(chat.id, 'Bob');
    await (await status(page)).getByText('Chatting with Bob').waitFor({ timeout: 10_000 });
    await bob.send(chat.id, 'Bob here');
    await waitForVisitorMessage(page, 'Bob here');
    expect(await visitorMessages(page)).toEqual(['Let me pass you to Bob', 'Waiting for Bob', 'Bob here']);
    await bob.stop(chat.id);
    await (await status(page)).getByText('Chat ended').waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('a conference: a consulted agent joins, both are in the chat, then one leaves', async () => {
    const { page, chat } = await startChat('/demo/loans.html');
    await alice.operation(chat.id, 'StartChatConsultation', { agentId: bob.name });
    await bob.waitForInteraction((i) => i.id === chat.id);
    await bob.accept(chat.id, 'Bob');
    await bob.send(chat.id, 'Private note for Alice'); // a consultant's message is for agents only
    await alice.operation(chat.id, 'CompleteConference');
    await (await status(page)).getByText('Chatting with Alice, Bob').waitFor({ timeout: 10_000 });
    await bob.send(chat.id, 'Hello from Bob');
    await waitForVisitorMessage(page, 'Hello from Bob');
    expect(await visitorMessages(page)).not.toContain('Private note for Alice');
    await alice.stop(chat.id);
    await (await status(page)).getByText('Chatting with Bob').waitFor({ timeout: 10_000 });
    await bob.stop(chat.id);
    await (await status(page)).getByText('Chat ended').waitFor({ timeout: 10_000 });
    await waitFor(async () => (await (await uiOf(page)).getByTestId('beckon-notice').allTextContents()).includes('Bob joined the chat'), { what: 'the join notice' });
    await page.close();
  });
});
