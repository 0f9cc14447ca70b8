/**
 * The contract every chat backend adapter must meet, run over every registered adapter
 * against a real Sandbox on 127.0.0.1 (no mocks: the adapter speaks the real wire format).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createBackend, type BackendKind } from '../../src/backends/registry';
import { BackendError, type ChatBackend } from '../../src/backends/types';
import { agentClient, type AgentClient } from '../e2e/support/agent';
import { startTestSandbox, type TestSandbox } from '../e2e/support/sandbox';

const request = { nickname: 'Visitor', subject: 'Bills', queue: 'Billing', userData: { 'Page Name': 'Bill Payment' } };

/** A server that answers every request with the given body: for malformed-reply cases. */
async function garbageServer(body: string, status = 200): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(body));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

describe.each(Object.keys(BACKENDS) as BackendKind[])('%s adapter contract', (kind) => {
  let sandbox: TestSandbox;
  let agent: AgentClient;
  let backend: ChatBackend;
  const make = (url: string, contactCenterId = sandbox.contactCenterId) =>
    createBackend(kind, { url, contactCenterId }, { fetch, timeoutMs: 3_000 });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    backend = make(sandbox.url);
  });
  afterAll(() => sandbox?.close());

  it('runs a whole chat: request, join, messages both ways, end', async () => {
    const { chatId } = await backend.requestChat(request);
    const offered = await agent.waitForInteraction((i) => i.id === chatId);
    expect(offered).toMatchObject({ queue: 'Billing', userData: { 'Page Name': 'Bill Payment' } });
    await agent.accept(chatId, 'Alex');
    await agent.send(chatId, 'Hello');
    await backend.sendMessage(chatId, 'Hi Alex', 'client-1');
    const batch = await backend.fetchEvents(chatId);
    expect(batch.ended).toBe(false);
    expect(batch.events.map((e) => [e.type, e.party, e.text ?? e.nickname])).toEqual([
      ['joined', 'visitor', 'Visitor'],
      ['joined', 'agent', 'Alex'],
      ['message', 'agent', 'Hello'],
      ['message', 'visitor', 'Hi Alex'],
    ]);
    expect(batch.events.map((e) => e.index)).toEqual([1, 2, 3, 4]);
    expect((await backend.fetchEvents(chatId)).events).toEqual([]); // the cursor moved on
    await agent.stop(chatId);
    expect((await backend.fetchEvents(chatId)).ended).toBe(true);
  });

  it('re-reads from an index after a lost reply, and a retried send is not duplicated', async () => {
    const { chatId } = await backend.requestChat(request);
    await backend.sendMessage(chatId, 'only once', 'same-id');
    await backend.sendMessage(chatId, 'only once', 'same-id');
    await backend.fetchEvents(chatId); // this reply is "lost"
    const again = await backend.fetchEvents(chatId, { fromIndex: 1 });
    expect(again.events.filter((e) => e.type === 'message').map((e) => e.text)).toEqual(['only once']);
  });

  it('the visitor can end the chat', async () => {
    const { chatId } = await backend.requestChat(request);
    await backend.complete(chatId);
    expect((await backend.fetchEvents(chatId, { fromIndex: 0 })).ended).toBe(true);
    await expect(backend.sendMessage(chatId, 'too late', 'late-1')).rejects.toMatchObject({ retryable: false });
  });

  it('an unknown chat is a non-retryable not-found error', async () => {
    const error = await backend.fetchEvents('no-such-chat').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ notFound: true, retryable: false, code: 6 });
  });

  it('a wrong ContactCenterId is refused for good, with the server message', async () => {
    const error = await make(sandbox.url, 'wrong').requestChat(request).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: false, code: 3 });
    expect((error as Error).message).toMatch(/ContactCenterId/);
  });

  it('a server that is down, or answers garbage or 500s, gives retryable errors', async () => {
    const down = await make('http://127.0.0.1:9').fetchEvents('x').catch((e: unknown) => e);
    expect(down).toMatchObject({ retryable: true });
    expect((down as Error).message).toMatch(/could not connect/);
    for (const [body, status] of [['{not json', 200], ['{"hello":1}', 200], ['{"statusCode":4,"statusMessage":"boom"}', 500]] as const) {
      const server = await garbageServer(body, status);
      try {
        await expect(make(server.url).fetchEvents('x')).rejects.toMatchObject({ retryable: true });
      } finally {
        await server.close();
      }
    }
  });
});

describe.each(Object.keys(BACKENDS) as BackendKind[])('%s adapter long-poll (where the server offers it)', (kind) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox?.close());

  it('learns the capability, and a held read returns as soon as the agent writes', async () => {
    const backend = createBackend(kind, { url: sandbox.url, contactCenterId: sandbox.contactCenterId }, { fetch, timeoutMs: 3_000 });
    const agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    const { chatId } = await backend.requestChat(request);
    expect(backend.longPollMs()).toBeGreaterThan(0);
    await agent.accept(chatId, 'Alex');
    await backend.fetchEvents(chatId); // drain the joins
    const started = Date.now();
    const held = backend.fetchEvents(chatId, { waitMs: 20_000 });
    setTimeout(() => void agent.send(chatId, 'right now'), 300);
    const batch = await held;
    expect(batch.events.map((e) => e.text)).toEqual(['right now']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a cancelled long-poll is reported as cancelled, not as a failure', async () => {
    const backend = createBackend(kind, { url: sandbox.url, contactCenterId: sandbox.contactCenterId }, { fetch, timeoutMs: 3_000 });
    const { chatId } = await backend.requestChat(request);
    await backend.fetchEvents(chatId);
    const controller = new AbortController();
    const held = backend.fetchEvents(chatId, { waitMs: 20_000, signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 200);
    expect(await held).toMatchObject({ cancelled: true });
  });
});
