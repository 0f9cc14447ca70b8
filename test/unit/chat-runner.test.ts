/**
 * The background's chat loop against a real Sandbox, with extension storage from WXT's
 * fake browser (the only fake here: it stands in for chrome.storage).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSandbox } from '../../sandbox/server';
import { createBackend } from '../../src/backends/registry';
import { ChatRunner } from '../../src/background/chat-runner';
import { SessionStore } from '../../src/background/session-store';
import { newSession, queueMessage } from '../../src/core/chat-session';
import { agentClient } from '../e2e/support/agent';
import { waitFor } from '../e2e/support/wait';
import { memoryUploadStore } from './memory-upload-store';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

describe('ChatRunner with a real Sandbox', () => {
  let dataDir: string;
  let sandbox: Sandbox;
  const runners: ChatRunner[] = [];

  const runnerFor = (store: SessionStore, url: string, kind: 'gws' | 'gms' = 'gws') => {
    const runner = new ChatRunner({
      store, now: Date.now, random: () => 0, pollIntervalMs: 100, uploads: memoryUploadStore(),
      // A new adapter every step, as in the background: all a chat has is what was stored.
      backend: async () => createBackend(kind, { url, contactCenterId: sandbox.contactCenterId, serviceName: 'request-chat' }, { fetch, timeoutMs: 2_000 }),
    });
    runners.push(runner);
    return runner;
  };
  const session = () =>
    newSession('local-1', 1, 'Billing', { nickname: 'Visitor', subject: 'Bills', userData: { 'Page Name': 'Home' } }, Date.now());

  beforeEach(async () => {
    fakeBrowser.reset();
    dataDir = await mkdtemp(join(tmpdir(), 'beckon-runner-'));
    sandbox = await startSandbox({ port: 0, dataDir, quiet: true });
  });
  afterEach(async () => {
    runners.splice(0).forEach((r) => r.stop());
    await sandbox.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(['gws', 'gms'] as const)('%s: requests the chat, persists it, and merges the agent side', async (kind) => {
    const store = new SessionStore(browser.storage.local);
    await store.load(Date.now());
    const runner = runnerFor(store, sandbox.url, kind);
    await store.add(session());
    runner.ensure('local-1');
    const agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    const chat = await agent.waitForInteraction((i) => i.state === 'Offered');
    await agent.accept(chat.id, 'Alex');
    await agent.send(chat.id, 'Hello');
    await waitFor(() => store.get('local-1')!.transcript.some((e) => e.text === 'Hello'), { what: 'the agent message' });
    await store.update('local-1', (s) => queueMessage(s, 'Hi Alex', 'm-9', 'Visitor', Date.now()));
    runner.ensure('local-1');
    await waitFor(async () => (await agent.interaction(chat.id))?.messages.some((m) => m.text === 'Hi Alex'), { what: 'the visitor message' });
    const reloaded = new SessionStore(browser.storage.local); // what a restarted worker reads
    await reloaded.load(Date.now());
    const saved = reloaded.get('local-1')!;
    expect(saved).toMatchObject({ chatId: chat.id, status: 'connected', agents: ['Alex'] });
    await agent.stop(chat.id);
    await waitFor(() => store.get('local-1')!.status === 'ended', { what: 'the end' });
  });

  it('keeps a message typed while the server is down and sends it once when it is back', async () => {
    const store = new SessionStore(browser.storage.local);
    await store.load(Date.now());
    const runner = runnerFor(store, sandbox.url);
    await store.add(session());
    runner.ensure('local-1');
    await waitFor(() => store.get('local-1')!.chatId, { what: 'the chat id' });
    const { port } = sandbox;
    await sandbox.close();

    await store.update('local-1', (s) => queueMessage(s, 'typed while offline', 'm-1', 'Visitor', Date.now()));
    runner.ensure('local-1');
    await waitFor(() => store.get('local-1')!.failures >= 2, { what: 'failures to be counted', timeoutMs: 10_000 });
    expect(store.get('local-1')!.lastError).toMatch(/could not connect/);
    expect(store.get('local-1')!.transcript.find((e) => e.clientMessageId === 'm-1')?.delivery).toBe('pending');

    sandbox = await startSandbox({ port, dataDir, quiet: true }); // same port, same data: a restart
    await waitFor(() => store.get('local-1')!.failures === 0 && store.get('local-1')!.transcript.find((e) => e.clientMessageId === 'm-1')?.index, {
      what: 'the message to be delivered', timeoutMs: 15_000,
    });
    const agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    const chat = await agent.waitForInteraction(() => true);
    expect(chat.messages.filter((m) => m.type === 'Text').map((m) => m.text)).toEqual(['typed while offline']);
  });

  it('a new store resumes saved chats and re-reads by index instead of trusting the cursor', async () => {
    const first = new SessionStore(browser.storage.local);
    await first.load(Date.now());
    await first.add({ ...session(), chatId: null });
    const runner = runnerFor(first, sandbox.url);
    runner.ensure('local-1');
    await waitFor(() => first.get('local-1')!.chatId, { what: 'the chat id' });

    const second = new SessionStore(browser.storage.local); // what a restarted worker does
    await second.load(Date.now());
    expect(second.get('local-1')).toMatchObject({ needsResync: true });
  });
});
