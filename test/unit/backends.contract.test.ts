/**
 * The contract every chat backend adapter must meet, run over every registered adapter
 * against a real Sandbox on 127.0.0.1 (no mocks: the adapter speaks the real wire format).
 * Where dialects differ by design, FIXTURES (backends.fixtures.ts) says how; the tests
 * themselves are the same for every adapter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createBackend, type BackendKind } from '../../src/backends/registry';
import { BackendError, type ChatBackend } from '../../src/backends/types';
import { onFailure } from '../../src/core/failure';
import { agentClient, type AgentClient } from '../e2e/support/agent';
import { startTestSandbox, type TestSandbox } from '../e2e/support/sandbox';
import { fixtureFor, garbageServer, request } from './backends.fixtures';

const KINDS = Object.keys(BACKENDS) as BackendKind[];
/**
 * Every adapter runs against the Sandbox as it is by default (its extras on) and in its
 * vendor-exact mode (only what the Genesys documents describe): an adapter must need nothing
 * the Sandbox adds.
 */
const CASES = KINDS.flatMap((kind) => [false, true].map((vendorExact) => ({ kind, vendorExact, mode: vendorExact ? 'vendor-exact' : 'default' })));

/**
 * What a read of a chat that is over says: an ended batch (the GMS reply's `chatEnded`, the
 * Sandbox's extra) or a "gone" error (GWS statusCode 6 once the chat is completed). Either ends
 * the chat in the chat loop (src/core/failure.ts).
 */
async function readOfOver(read: Promise<{ ended: boolean }>): Promise<'ended' | 'gone' | unknown> {
  try {
    const batch = await read;
    return batch.ended ? 'ended' : batch;
  } catch (e) {
    return e instanceof BackendError && e.notFound ? 'gone' : e;
  }
}

describe.each(CASES)('$kind adapter contract ($mode Sandbox)', ({ kind, vendorExact }) => {
  const fx = fixtureFor(kind, vendorExact);
  let sandbox: TestSandbox;
  let agent: AgentClient;
  let backend: ChatBackend;
  const make = (url: string, contactCenterId = sandbox.contactCenterId): ChatBackend =>
    createBackend(kind, { url, contactCenterId }, { fetch, timeoutMs: 3_000 });

  beforeAll(async () => {
    sandbox = await startTestSandbox({ vendorExact });
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
    // The Sandbox echoes the id the visitor's message was sent with, in both dialects (an extra: a real server does not).
    expect(batch.events.map((e) => e.clientMessageId)).toEqual([undefined, undefined, undefined, vendorExact ? undefined : 'client-1']);
    expect((await backend.fetchEvents(chatId)).events).toEqual([]); // the cursor moved on
    await agent.stop(chatId);
    // The agent ended it: the adapter says so from the documented signals alone (GWS: the agent
    // left, no agent and no SendMessage capability; GMS: chatEnded).
    expect((await backend.fetchEvents(chatId)).ended).toBe(true);
  });

  it('re-reads from an index after a lost reply, and a retried send is not duplicated', async () => {
    const { chatId } = await backend.requestChat(request);
    await backend.sendMessage(chatId, 'only once', 'same-id');
    await backend.sendMessage(chatId, 'only once', 'same-id');
    await backend.fetchEvents(chatId); // this reply is "lost"
    const again = await backend.fetchEvents(chatId, { fromIndex: 1 });
    // Deduplicating a retried send by its client id is a Sandbox extra; a real server keeps both
    // (the transcript merge then shows it once: src/core/transcript-merge.ts).
    expect(again.events.filter((e) => e.type === 'message').map((e) => e.text)).toEqual(vendorExact ? ['only once', 'only once'] : ['only once']);
  });

  it('a re-created adapter (a restarted worker) goes on with the stored session', async () => {
    const started = await backend.requestChat(request);
    const first = await backend.fetchEvents(started.chatId, { session: started.session });
    const stored = first.session ?? started.session;
    const fresh = make(sandbox.url);
    await agent.accept(started.chatId, 'Alex');
    await fresh.sendMessage(started.chatId, 'after the restart', 'restart-1', stored);
    await fresh.sendTyping(started.chatId, true, stored);
    const batch = await fresh.fetchEvents(started.chatId, { session: stored });
    // Only what is new since the stored read: the cursor survived with the session (or the server).
    expect(batch.events.map((e) => [e.type, e.party])).toEqual([['joined', 'agent'], ['message', 'visitor'], ['typing-started', 'visitor']]);
    await fresh.complete(started.chatId, stored);
    expect(await readOfOver(make(sandbox.url).fetchEvents(started.chatId, { fromIndex: 1, session: stored }))).toMatch(/^(ended|gone)$/);
  });

  it('the visitor can end the chat', async () => {
    const { chatId } = await backend.requestChat(request);
    await backend.complete(chatId);
    expect(await readOfOver(backend.fetchEvents(chatId, { fromIndex: 0 }))).toMatch(/^(ended|gone)$/);
    await expect(backend.sendMessage(chatId, 'too late', 'late-1')).rejects.toMatchObject({ retryable: false });
  });

  it('an unknown chat is over: GWS statusCode 6 (gone), GMS statusCode 2 with chatEnded', async () => {
    const { session } = await backend.requestChat(request); // credentials that are fine, for a chat that is not
    const read = make(sandbox.url).fetchEvents('no-such-chat', { session });
    expect(await readOfOver(read)).toBe(kind === 'gws' ? 'gone' : 'ended');
    if (kind === 'gws') expect(await read.catch((e: unknown) => e)).toMatchObject({ notFound: true, retryable: false, code: fx.notFoundCode });
  });

  it('an expired session (a stored session the server no longer honours) ends the chat instead of polling forever', async () => {
    const started = await backend.requestChat(request);
    // GMS: the secure key the server issued no longer matches; GWS has no session: the chat id is all there is.
    const expired = started.session ? JSON.stringify({ ...JSON.parse(started.session), secureKey: 'expired-key' }) : undefined;
    const chatId = started.session ? started.chatId : 'expired-chat-id';
    const outcome = await make(sandbox.url).fetchEvents(chatId, { ...(expired ? { session: expired } : {}) }).then(
      (batch) => (batch.ended ? 'end' : 'the read succeeded'),
      (e: unknown) => (e instanceof BackendError ? onFailure('poll', e.kind) : String(e)),
    );
    expect(outcome).toBe('end');
  });

  it('credentials the server refuses are refused for good, with the server message', async () => {
    const error = await fx.refuse((contactCenterId) => make(sandbox.url, contactCenterId)).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: false, notFound: false, code: fx.refusedCode });
    expect((error as Error).message).toMatch(fx.refusedMessage);
  });

  it('a server that is down, or answers garbage or 500s, gives retryable errors', async () => {
    const { session } = await backend.requestChat(request);
    const down = await make('http://127.0.0.1:9').fetchEvents('x', { session }).catch((e: unknown) => e);
    expect(down).toMatchObject({ retryable: true });
    expect((down as Error).message).toMatch(/could not connect/);
    for (const [body, status] of [['{not json', 200], ['{"hello":1}', 200], ['{"statusCode":4,"statusMessage":"boom"}', 500]] as const) {
      const server = await garbageServer(body, status);
      try {
        await expect(make(server.url).fetchEvents('x', { session })).rejects.toMatchObject({ retryable: true });
      } finally {
        await server.close();
      }
    }
  });

  it('sets user data the agent sees (seed 002 setUserData), or says the server cannot', async () => {
    const { chatId, session } = await backend.requestChat(request);
    if (!fx.setsUserData) {
      await expect(backend.setUserData(chatId, { a: '1' }, session)).rejects.toMatchObject({ unsupported: true, code: 501 });
      return;
    }
    await backend.setUserData(chatId, { CoBrowseSessionId: 'cb-1', 'Page Name': 'Loans' }, session);
    await backend.setUserData(chatId, {}, session); // nothing to set: no call, no error
    expect((await agent.interaction(chatId))?.userData).toEqual({ 'Page Name': 'Loans', CoBrowseSessionId: 'cb-1' });
  });

  it('user data over the dialect\'s limits is clipped, not refused: the chat still starts and updates', async () => {
    const url = `https://bank.test/bills?${'q'.repeat(3000)}`;
    const longKey = `K${'k'.repeat(300)}`;
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`key${i}`, String(i)]));
    const userData = { URL: url, [longKey]: 'v', 'Page Name': 'x'.repeat(1500), ...many };
    const { chatId, session } = await backend.requestChat({ ...request, userData });
    const started = (await agent.interaction(chatId))?.userData ?? {};
    if (!fx.setsUserData) return expect(Object.keys(started)).toHaveLength(fx.userDataKeysMax);
    // The first keys are kept: a rule's own metadata comes before anything added later.
    expect(Object.keys(started)).toHaveLength(fx.userDataKeysMax);
    expect(started).toMatchObject({ URL: url.slice(0, fx.userDataValueMax), [longKey.slice(0, fx.userDataKeyMax)]: 'v', 'Page Name': 'x'.repeat(fx.userDataValueMax), key0: '0' });
    await backend.setUserData(chatId, { URL: `${url}/next` }, session);
    expect((await agent.interaction(chatId))?.userData.URL).toBe(url.slice(0, fx.userDataValueMax));
  });

  it('reads back only keys it set, of those it asks for (seed 002 getUserData)', async () => {
    const { chatId, session } = await backend.requestChat(request);
    if (fx.setsUserData) await backend.setUserData(chatId, { a: '1', b: '2', 'x,y': 'comma' }, session);
    const read = backend.getUserData(chatId, ['a', 'Page Name', 'never-set', 'x,y'], session);
    if (!fx.readsAndDeletesUserData) {
      await expect(read).rejects.toMatchObject({ unsupported: true, retryable: false, code: 501 });
      return;
    }
    expect(await read).toEqual({ a: '1', 'Page Name': 'Bill Payment', 'x,y': 'comma' });
    expect(await backend.getUserData(chatId, ['never-set'], session)).toEqual({});
    expect(await backend.getUserData(chatId, [], session)).toEqual({});
  });

  it('deletes keys; the agent sees them gone; a key not set is no error (seed 002 deleteUserData)', async () => {
    const { chatId, session } = await backend.requestChat({ ...request, userData: { a: '1', b: '2' } });
    const deleted = backend.deleteUserData(chatId, ['a', 'never-set'], session);
    if (!fx.readsAndDeletesUserData) {
      await expect(deleted).rejects.toMatchObject({ unsupported: true, retryable: false, code: 501 });
      expect((await agent.interaction(chatId))?.userData).toMatchObject({ a: '1', b: '2' }); // nothing was sent
      return;
    }
    await deleted;
    expect((await agent.interaction(chatId))?.userData).toEqual({ b: '2' });
    expect(await backend.getUserData(chatId, ['a', 'b'], session)).toEqual({ b: '2' });
  });

  it('a user data failure carries a code and a description', async () => {
    if (!fx.setsUserData) return;
    const { chatId, session } = await backend.requestChat(request);
    await backend.complete(chatId, session);
    const error = await backend.setUserData(chatId, { late: '1' }, session).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ retryable: false, unsupported: false, code: 2 });
    expect((error as Error).message).toMatch(/has ended/);
  });
});

describe.each(CASES)('$kind adapter long-poll (where the server offers it; $mode Sandbox)', ({ kind, vendorExact }) => {
  const fx = fixtureFor(kind, vendorExact);
  let sandbox: TestSandbox;
  let agent: AgentClient;
  let backend: ChatBackend;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ vendorExact });
    agent = agentClient(sandbox.url, sandbox.agents[0]!);
    await agent.ready();
    backend = createBackend(kind, { url: sandbox.url, contactCenterId: sandbox.contactCenterId }, { fetch, timeoutMs: 3_000 });
  });
  afterAll(() => sandbox?.close());

  it('learns whether it can, and a read asked to wait returns as soon as there is news', async () => {
    const { chatId } = await backend.requestChat(request);
    expect(backend.longPollMs() > 0).toBe(fx.longPoll);
    await agent.accept(chatId, 'Alex');
    await backend.fetchEvents(chatId); // drain the joins
    const started = Date.now();
    if (!fx.longPoll) {
      // No long-poll: `waitMs` is ignored and the read answers at once; callers poll.
      expect((await backend.fetchEvents(chatId, { waitMs: 20_000 })).events).toEqual([]);
      expect(Date.now() - started).toBeLessThan(2_000);
      return;
    }
    const held = backend.fetchEvents(chatId, { waitMs: 20_000 });
    setTimeout(() => void agent.send(chatId, 'right now'), 300);
    const batch = await held;
    expect(batch.events.map((e) => e.text)).toEqual(['right now']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a cancelled read is reported as cancelled, not as a failure', async () => {
    const { chatId } = await backend.requestChat(request);
    await backend.fetchEvents(chatId);
    const controller = new AbortController();
    // A held read is cancelled mid-wait; a plain one answers too fast for that, so before it starts.
    if (!fx.longPoll) controller.abort();
    const held = backend.fetchEvents(chatId, { waitMs: 20_000, signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 200);
    expect(await held).toMatchObject({ cancelled: true });
  });
});
