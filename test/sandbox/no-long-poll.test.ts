/**
 * `startSandbox({ longPoll: false })` / `--no-long-poll`: a server without the long-poll extra
 * (as a real GWS server), so a client's plain polling can be measured: nothing advertises it
 * and `wait` is an ordinary read. Also the `requests` counter of `stats()`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { opOk } from './agent-helpers.ts';
import { acceptedChat, startTestSandbox, type TestSandbox } from './helpers.ts';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

let t: TestSandbox | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('long-poll turned off', () => {
  it('advertises nothing: no X-Beckon-LongPoll header (errors included), no LongPoll capability', async () => {
    t = await startTestSandbox({ longPoll: false });
    const id = await acceptedChat(t, 'alice', 'Alice');
    const chat = await t.customer('GET', `/api/v2/chats/${id}`, undefined, { Origin: EXTENSION });
    expect(chat.status).toBe(200);
    expect(chat.headers.get('x-beckon-longpoll')).toBeNull();
    expect(chat.body.chat.capabilities).not.toContain('LongPoll');
    expect(chat.body.chat.capabilities).toEqual(expect.arrayContaining(['SendMessage', 'Complete']));
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages`)).headers.get('x-beckon-longpoll')).toBeNull();
    expect((await t.customer('GET', '/api/v2/chats/nope')).headers.get('x-beckon-longpoll')).toBeNull();
    expect((await t.customer('GET', '/api/v2/queues/availability')).headers.get('x-beckon-longpoll')).toBeNull();
  });

  it('treats wait as an ordinary read: answers at once, holds nothing, and still delivers', async () => {
    t = await startTestSandbox({ longPoll: false });
    const id = await acceptedChat(t, 'alice', 'Alice');
    await t.customer('GET', `/api/v2/chats/${id}/messages`); // read everything so far
    const started = Date.now();
    const empty = await t.customer('GET', `/api/v2/chats/${id}/messages?wait=10000`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(empty.body).toEqual({ messages: [], chatEnded: false, statusCode: 0 });
    expect(t.sb.stats().heldLongPolls).toBe(0);
    await opOk(t, 'alice', id, { operationName: 'SendMessage', text: 'polled, not pushed' });
    const next = await t.customer('GET', `/api/v2/chats/${id}/messages?wait=10000`);
    expect(next.body.messages.map((m: { text?: string }) => m.text)).toEqual(['polled, not pushed']);
  });

  it('is on by default (the extra stays advertised)', async () => {
    t = await startTestSandbox();
    const id = await acceptedChat(t, 'alice', 'Alice');
    const chat = await t.customer('GET', `/api/v2/chats/${id}`);
    expect(chat.headers.get('x-beckon-longpoll')).toBe('25000');
    expect(chat.body.chat.capabilities).toContain('LongPoll');
  });
});

describe('stats().requests', () => {
  it('counts every HTTP request received, on any route', async () => {
    t = await startTestSandbox();
    const before = t.sb.stats().requests;
    await t.customer('GET', '/api/v2/queues/availability');
    await t.agent('alice', 'GET', '/api/v2/me');
    await fetch(`${t.sb.url}/no/such/route`);
    await fetch(`${t.sb.url}/demo/`);
    expect(t.sb.stats().requests - before).toBe(4);
  });
});

describe('sandbox CLI --no-long-poll', () => {
  let child: ChildProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'beckon-cli-nolp-'));
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts a Sandbox that does not advertise long-poll', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--data', dataDir, '--no-long-poll'], {
      cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    const deadline = Date.now() + 15_000;
    while (!out.includes('Press Ctrl+C')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the CLI did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    const reply = await fetch(`${url}/api/v2/queues/availability`, { headers: { ContactCenterId: '6b1e7c0a-bec0-4d00-8000-000000007400' } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-beckon-longpoll')).toBeNull();
  }, 20_000);
});
