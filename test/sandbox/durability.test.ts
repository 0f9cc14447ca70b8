/**
 * Nothing is acknowledged before it is durable (issue 10). Writes are grouped into batches
 * (sandbox/store/group-commit.ts); these tests widen the batch window (`commitDelayMs`) so
 * that a reply or an event leaving before its batch commits would be caught: at the moment a
 * client hears back, a second connection to the file must already see the write, and a
 * Sandbox killed right after an acknowledgement must still have it when it starts again.
 */
import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { opOk } from './agent-helpers.ts';
import { basic, openNotifications, request, requestChat, setReady, startTestSandbox, type TestSandbox } from './helpers.ts';

const DELAY = 150;
let t: TestSandbox | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

/** Message texts committed to the file so far, read through a connection of our own. */
function committedTexts(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'sandbox.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT text FROM messages WHERE text IS NOT NULL ORDER BY chat_id, idx').all().map((r: any) => r.text);
  } finally {
    db.close();
  }
}

async function acceptedChat(sandbox: TestSandbox): Promise<string> {
  await setReady(sandbox, 'alice', 'Ready');
  const id = await requestChat(sandbox);
  await opOk(sandbox, 'alice', id, { operationName: 'Accept', nickname: 'Alice' });
  return id;
}

describe('durable acknowledgements', () => {
  it('answers a write only once its batch is committed', async () => {
    t = await startTestSandbox({ commitDelayMs: DELAY });
    const id = await acceptedChat(t);
    for (const [who, send] of [
      ['customer', () => t!.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'from the customer' })],
      ['agent', () => t!.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendMessage', text: 'from the agent' })],
    ] as const) {
      const started = Date.now();
      const r = await send();
      expect([who, r.body.statusCode]).toEqual([who, 0]);
      expect(committedTexts(t.dataDir)).toContain(`from the ${who}`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY - 20); // it waited for the commit
    }
  });

  it('answers a long-poll with a message only once that message is committed', async () => {
    t = await startTestSandbox({ commitDelayMs: DELAY });
    const id = await acceptedChat(t);
    await t.customer('GET', `/api/v2/chats/${id}/messages`);
    const held = t.customer('GET', `/api/v2/chats/${id}/messages?wait=5000`).then((r) => ({ r, committed: committedTexts(t!.dataDir) }));
    await new Promise((r) => setTimeout(r, 50));
    // Not awaited: the long-poll must not answer before this write commits.
    const send = t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendMessage', text: 'only when durable' });
    const { r, committed } = await held;
    expect(r.body.messages.map((m: any) => m.text)).toEqual(['only when durable']);
    expect(committed).toContain('only when durable');
    await send;
  });

  it('pushes a change to the agents’ streams only once it is committed', async () => {
    t = await startTestSandbox({ commitDelayMs: DELAY });
    const id = await acceptedChat(t);
    const stream = await openNotifications(t.sb.url, 'alice');
    try {
      await stream.take('InteractionAdded');
      const seen = new Promise<string[]>((resolve) => {
        const check = setInterval(() => {
          if (!stream.events.some((e) => e.event === 'MessageLogUpdated' && e.data.includes('pushed when durable'))) return;
          clearInterval(check);
          resolve(committedTexts(t!.dataDir));
        }, 1);
      });
      await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'pushed when durable' });
      expect(await seen).toContain('pushed when durable');
    } finally {
      stream.close();
    }
  });

  it('leaves nothing behind when an agent’s stream goes away while its snapshot waits for a commit', async () => {
    t = await startTestSandbox({ commitDelayMs: 300 });
    const pending = t.customer('POST', '/api/v2/chats', { nickname: 'Opens a batch' });
    await new Promise((r) => setTimeout(r, 50)); // the batch is open now, for 250 ms more
    const abort = new AbortController();
    const stream = fetch(`${t.sb.url}/api/v2/me/notifications`, { headers: { Authorization: basic('alice') }, signal: abort.signal }).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 100));
    abort.abort(); // while the snapshot still waits
    expect(await stream).toBe('aborted');
    await pending;
    await new Promise((r) => setTimeout(r, 100));
    expect(t.sb.stats().openNotificationStreams).toBe(0);
  });

  it('writes the requests of one moment in one transaction', async () => {
    t = await startTestSandbox({ commitDelayMs: DELAY });
    const id = await acceptedChat(t);
    const before = t.sb.stats();
    const sends = Array.from({ length: 20 }, (_, i) =>
      t!.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: `burst ${i}`, clientMessageId: `b${i}` }));
    expect((await Promise.all(sends)).map((r) => r.body.statusCode)).toEqual(Array(20).fill(0));
    const after = t.sb.stats();
    expect(after.writes - before.writes).toBe(20);
    expect(after.batches - before.batches).toBeLessThanOrEqual(3);
    expect(committedTexts(t.dataDir).filter((text) => text.startsWith('burst'))).toHaveLength(20);
  });

  it('keeps an acknowledged write when the Sandbox is killed right after (SIGKILL) and started again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'beckon-durable-'));
    try {
      const child = fork(fileURLToPath(new URL('./child-sandbox.ts', import.meta.url)), [JSON.stringify({ dataDir, commitDelayMs: 300 })],
        { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      const exited = new Promise((r) => child.once('exit', r));
      const { url, contactCenterId } = await new Promise<{ url: string; contactCenterId: string }>((r) => child.once('message', r as never));
      const headers = { ContactCenterId: contactCenterId };
      const chat = await request(`${url}/api/v2/chats`, 'POST', { nickname: 'Jane' }, headers);
      await request(`${url}/api/v2/me`, 'POST', { operationName: 'Ready' }, { Authorization: basic('alice') });
      const id = chat.body.id as string;
      await request(`${url}/api/v2/me/interactions/${id}`, 'POST', { operationName: 'Accept', nickname: 'Alice' }, { Authorization: basic('alice') });
      const ack = await request(`${url}/api/v2/chats/${id}`, 'POST', { operationName: 'SendMessage', text: 'acknowledged, then the crash' }, headers);
      child.kill('SIGKILL'); // at once: the next batch window (300 ms) has not passed
      expect(ack.body.statusCode).toBe(0);
      await exited;
      t = await startTestSandbox({ dataDir });
      const texts = (await t.customer('GET', `/api/v2/chats/${id}/messages?index=0`)).body.messages.map((m: any) => m.text);
      expect(texts).toContain('acknowledged, then the crash');
    } finally {
      await t?.stop();
      t = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('checkpoints the WAL in its worker thread', async () => {
    t = await startTestSandbox();
    const id = await acceptedChat(t);
    for (let i = 0; i < 20; i++) await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: `line ${i}` });
    const deadline = Date.now() + 3000;
    while (t.sb.stats().checkpoints === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(t.sb.stats().checkpoints).toBeGreaterThan(0);
  });
});
