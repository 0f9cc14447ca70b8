/**
 * The fault injector (`/api/sandbox/faults`): off by default; when on, it makes the customer
 * chat API (GWS and GMS) or, on its own, the Sandbox CRM API answer 500s, hang, or reply with
 * malformed JSON, and a faulted request changes nothing in the store.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GARBAGE_BODY } from '../../sandbox/http/faults.ts';
import { DEFAULT_CRM_TOKEN } from '../../sandbox/server.ts';
import { crm, snapshotCrm, startBody, startInteraction, transcript } from './crm-helpers.ts';
import { acceptedChat, request, startTestSandbox, type Reply, type TestSandbox } from './helpers.ts';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

let t: TestSandbox;

const faults = (body?: unknown, headers: Record<string, string | undefined> = {}): Promise<Reply> =>
  request(`${t.sb.url}/api/sandbox/faults`, body === undefined ? 'GET' : 'POST', body, headers);
const setFault = async (body: Record<string, unknown>) => {
  const r = await faults(body);
  if (r.body.statusCode !== 0) throw new Error(`set fault: ${JSON.stringify(r.body)}`);
  return r.body;
};
/** A raw fetch of the customer API, so a test can read a body that is not JSON. */
const rawCustomer = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(t.sb.url + path, {
    method,
    headers: { ContactCenterId: t.sb.contactCenterId, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const gms = (path: string, fields: Record<string, string>) =>
  request(`${t.sb.url}/genesys/2/chat/${path}`, 'POST', new URLSearchParams(fields).toString(), FORM);
/** node:http, for what fetch will not send (a foreign Host header). */
const rawHttp = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  new Promise<{ status: number; cors: string | undefined; body: Record<string, any> }>((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(`${t.sb.url}${path}`, { method, headers: { ...headers, ...(data ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, cors: res.headers['access-control-allow-origin'], body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(data);
  });

describe('fault injector, off', () => {
  beforeEach(async () => {
    t = await startTestSandbox();
  });
  afterEach(() => t.stop());

  it('does not exist unless the Sandbox starts with faults on', async () => {
    expect([(await faults()).status, (await faults({ mode: 'error500' })).status]).toEqual([404, 404]);
    expect((await t.customer('POST', '/api/v2/chats', { nickname: 'Jane' })).body.statusCode).toBe(0);
  });
});

describe('fault injector', () => {
  beforeEach(async () => {
    t = await startTestSandbox({ faults: true });
  });
  afterEach(() => t.stop());

  it('reports no fault at first', async () => {
    const r = await faults();
    expect([r.status, r.body]).toEqual([
      200,
      { fault: { mode: 'none', paths: 'customer', until: null, holdMs: 20_000 }, counts: { faulted: 0, held: 0, abandoned: 0 }, statusCode: 0 },
    ]);
  });

  it('error500: every customer call answers 500 with the dialect envelope, and nothing changes', async () => {
    const id = await acceptedChat(t);
    const g = await gms('request-chat', { nickname: 'Gina' });
    const creds = { userId: g.body.userId, secureKey: g.body.secureKey, alias: g.body.alias };
    const before = t.snapshot();
    expect((await setFault({ mode: 'error500' })).fault).toMatchObject({ mode: 'error500', paths: 'customer', until: null });

    const gws = [
      await t.customer('POST', '/api/v2/chats', { operationName: 'RequestChat', nickname: 'Jane' }),
      await t.customer('GET', `/api/v2/chats/${id}`),
      await t.customer('GET', `/api/v2/chats/${id}/messages?wait=5000`),
      await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'lost', clientMessageId: 'c1' }),
      await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'Complete' }),
      await t.customer('GET', '/api/v2/chats/no-such-chat', undefined, { ContactCenterId: 'wrong' }), // before any guard
    ];
    for (const r of gws) expect([r.status, r.body]).toEqual([500, { statusCode: 4, statusMessage: 'Fault injected by the Sandbox: internal error.' }]);
    const send = await gms(`request-chat/${g.body.chatId}/send`, { ...creds, message: 'lost too' });
    expect([send.status, send.body]).toEqual([500, { statusCode: 1, statusMessage: 'Fault injected by the Sandbox: internal error.' }]);
    expect((await gms('request-chat', { nickname: 'Gail' })).status).toBe(500);

    expect(t.snapshot()).toEqual(before);
    expect((await faults()).body.counts).toEqual({ faulted: 8, held: 0, abandoned: 0 });
  });

  it('leaves the agent API, queue availability, pages and preflights alone', async () => {
    const id = await acceptedChat(t);
    await setFault({ mode: 'error500' });
    expect((await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendMessage', text: 'hi' })).body.statusCode).toBe(0);
    expect((await t.customer('GET', '/api/v2/queues/Billing/availability')).body.statusCode).toBe(0);
    expect((await fetch(`${t.sb.url}/demo/`)).status).toBe(200);
    const preflight = await fetch(`${t.sb.url}/api/v2/chats/${id}`, {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,contactcenterid' },
    });
    expect(preflight.status).toBe(204);
  });

  it('lets an extension read the failure (CORS headers on faulted replies)', async () => {
    await setFault({ mode: 'error500' });
    const r = await rawCustomer('POST', '/api/v2/chats', { nickname: 'Ext' }, { Origin: EXTENSION });
    expect([r.status, r.headers.get('access-control-allow-origin')]).toEqual([500, EXTENSION]);
    const foreign = await rawCustomer('POST', '/api/v2/chats', { nickname: 'Ext' }, { Origin: 'https://evil.example' });
    expect([foreign.status, foreign.headers.get('access-control-allow-origin')]).toEqual([500, null]);
  });

  it('garbage: replies 200 with malformed JSON, and nothing changes', async () => {
    const id = await acceptedChat(t);
    const before = t.snapshot();
    await setFault({ mode: 'garbage' });
    for (const [method, body] of [['GET', undefined], ['POST', { operationName: 'SendMessage', text: 'lost' }]] as const) {
      const r = await rawCustomer(method, `/api/v2/chats/${id}${method === 'GET' ? '/messages' : ''}`, body);
      expect([r.status, r.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
      const text = await r.text();
      expect(text).toBe(GARBAGE_BODY);
      expect(() => JSON.parse(text)).toThrow();
    }
    expect((await gms('request-chat', { nickname: 'Gina' })).body).toEqual({ raw: GARBAGE_BODY });
    expect(t.snapshot()).toEqual(before);
  });

  it('timeout: holds a request, then answers 504 without running it', async () => {
    const id = await acceptedChat(t);
    const before = t.snapshot();
    await setFault({ mode: 'timeout', holdMs: 400 });
    const started = Date.now();
    const r = await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'held', clientMessageId: 'h1' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect([r.status, r.body]).toEqual([504, { statusCode: 4, statusMessage: 'Fault injected by the Sandbox: the request was held and never processed.' }]);
    expect(t.snapshot()).toEqual(before);
    expect((await faults()).body.counts).toEqual({ faulted: 1, held: 0, abandoned: 0 });
  });

  it('timeout: a client that gives up leaves nothing held behind', async () => {
    const id = await acceptedChat(t);
    await setFault({ mode: 'timeout' });
    const abort = new AbortController();
    const gone = rawCustomer('GET', `/api/v2/chats/${id}/messages`, undefined).then((r) => r.status, () => 'failed');
    const held = fetch(`${t.sb.url}/api/v2/chats/${id}`, {
      method: 'POST', signal: abort.signal,
      headers: { ContactCenterId: t.sb.contactCenterId, 'content-type': 'application/json' },
      body: JSON.stringify({ operationName: 'SendMessage', text: 'given up' }),
    }).catch((e: Error) => e.name);
    await until(async () => (await faults()).body.counts.held === 2);
    abort.abort();
    expect(await held).toBe('AbortError');
    await until(async () => (await faults()).body.counts.held === 1);
    expect((await faults()).body.counts).toEqual({ faulted: 2, held: 1, abandoned: 1 });

    // Reset: the request still held is answered at once; the store never saw either.
    const reset = await setFault({ mode: 'none' });
    expect(reset.fault.mode).toBe('none');
    expect(await gone).toBe(504);
    expect((await faults()).body.counts).toEqual({ faulted: 2, held: 0, abandoned: 1 });
    const messages = await t.customer('GET', `/api/v2/chats/${id}/messages?index=1`);
    expect(messages.body.messages.map((m: { text?: string }) => m.text)).not.toContain('given up');
  });

  it('forMs: the fault ends by itself, and held requests are let go then', async () => {
    const id = await acceptedChat(t);
    const set = await setFault({ mode: 'timeout', forMs: 300 });
    expect(set.fault.until).toBeGreaterThan(Date.now());
    const started = Date.now();
    const held = await t.customer('GET', `/api/v2/chats/${id}`);
    expect(held.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(5_000); // not the 20 s hold
    expect((await faults()).body.fault).toEqual({ mode: 'none', paths: 'customer', until: null, holdMs: 20_000 });
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).body.statusCode).toBe(0);

    await setFault({ mode: 'error500', forMs: 200 });
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).status).toBe(500);
    await until(async () => (await t.customer('GET', `/api/v2/chats/${id}`)).status === 200);
  });

  it('paths: a fault can hit one dialect only', async () => {
    const id = await acceptedChat(t);
    await setFault({ mode: 'error500', paths: 'gms' });
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).status).toBe(200);
    expect((await gms('request-chat', { nickname: 'Gina' })).status).toBe(500);
    await setFault({ mode: 'error500', paths: 'gws' });
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).status).toBe(500);
    expect((await gms('request-chat', { nickname: 'Gina' })).status).toBe(200);
  });

  it('paths crm: the CRM API answers 500 in its own envelope and changes nothing, while chats keep working', async () => {
    const id = await acceptedChat(t);
    const existing = await startInteraction(t, 'chat:start', { ChatId: id });
    const before = snapshotCrm(t);
    expect((await setFault({ mode: 'error500', paths: 'crm' })).fault).toMatchObject({ mode: 'error500', paths: 'crm', until: null });

    const calls = [
      await crm(t, 'POST', '/interactions', startBody('during:start', { ChatId: id })),
      await crm(t, 'POST', `/interactions/${existing}/switch`, { idempotencyKey: 'during:switch' }),
      await crm(t, 'POST', `/interactions/${existing}/end`, { idempotencyKey: 'during:end', transcript }),
      await crm(t, 'POST', '/outcomes', { idempotencyKey: 'during:outcome', ruleId: 'r', ruleName: 'R', outcome: 'declined', url: 'https://bank.example/', at: 1 }),
      await crm(t, 'GET', '/interactions'),
      await crm(t, 'GET', '/interactions', undefined, { Authorization: undefined }), // before the guard: no 401
    ];
    for (const r of calls) expect([r.status, r.body]).toEqual([500, { error: { code: 'internal', message: 'Fault injected by the Sandbox: internal error.' } }]);
    const ext = await fetch(`${t.sb.url}/api/crm/interactions`, { headers: { Authorization: `Bearer ${DEFAULT_CRM_TOKEN}`, Origin: EXTENSION } });
    expect([ext.status, ext.headers.get('access-control-allow-origin')]).toEqual([500, EXTENSION]);
    const preflight = await fetch(`${t.sb.url}/api/crm/interactions`, {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);

    // The chat goes on, on both sides, and the console still reads the chat's CRM interaction.
    const sent = await t.customer('POST', `/api/v2/chats/${id}`, { operationName: 'SendMessage', text: 'still here' });
    expect([sent.status, sent.body.statusCode]).toEqual([200, 0]);
    expect((await t.agent('alice', 'POST', `/api/v2/me/interactions/${id}`, { operationName: 'SendMessage', text: 'me too' })).body.statusCode).toBe(0);
    expect((await gms('request-chat', { nickname: 'Gina' })).status).toBe(200);
    const view = await t.agent('alice', 'GET', `/api/v2/me/interactions/${id}/crm`);
    expect([view.status, view.body.crm?.interactionId]).toEqual([200, existing]);
    expect(snapshotCrm(t)).toEqual(before);
    expect((await faults()).body.counts).toEqual({ faulted: 7, held: 0, abandoned: 0 });

    // Afterwards: what was sent during the fault never happened, and its retry creates it once.
    await setFault({ mode: 'none' });
    expect((await crm(t, 'GET', `/interactions?chatId=${id}`)).body.interactions.map((i: { interactionId: string }) => i.interactionId)).toEqual([existing]);
    const retry = await crm(t, 'POST', '/interactions', startBody('during:start', { ChatId: id }));
    expect([retry.status, retry.body]).toEqual([201, { interactionId: 'I-2', created: true }]);
    const again = await crm(t, 'POST', '/interactions', startBody('during:start', { ChatId: id }));
    expect([again.status, again.body]).toEqual([200, { interactionId: 'I-2', created: false }]);
    expect((await crm(t, 'GET', `/interactions?chatId=${id}`)).body.interactions).toHaveLength(2);
  });

  it.each([undefined, 'customer', 'gws', 'gms'])('paths %s leaves the CRM API alone', async (paths) => {
    await setFault({ mode: 'error500', ...(paths ? { paths } : {}) });
    const created = await crm(t, 'POST', '/interactions', startBody('k'));
    expect([created.status, created.body]).toEqual([201, { interactionId: 'I-1', created: true }]);
    expect((await crm(t, 'GET', '/interactions/I-1')).status).toBe(200);
    expect((await faults()).body.counts.faulted).toBe(0);
  });

  it('paths crm, timeout: holds a CRM request, then answers 504 in the CRM envelope, while chats keep working', async () => {
    const id = await acceptedChat(t);
    const before = snapshotCrm(t);
    await setFault({ mode: 'timeout', paths: 'crm', holdMs: 1_000 });
    const started = Date.now();
    const held = crm(t, 'POST', '/interactions', startBody('held', { ChatId: id }));
    await until(async () => (await faults()).body.counts.held === 1);
    expect((await t.customer('GET', `/api/v2/chats/${id}`)).status).toBe(200);
    const r = await held;
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect([r.status, r.body]).toEqual([504, { error: { code: 'timeout', message: 'Fault injected by the Sandbox: the request was held and never processed.' } }]);
    expect(snapshotCrm(t)).toEqual(before);
    expect((await faults()).body.counts).toEqual({ faulted: 1, held: 0, abandoned: 0 });
  });

  it('paths crm, garbage: a CRM request gets malformed JSON, and nothing changes', async () => {
    const id = await acceptedChat(t);
    const before = snapshotCrm(t);
    await setFault({ mode: 'garbage', paths: 'crm' });
    const r = await fetch(`${t.sb.url}/api/crm/interactions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEFAULT_CRM_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(startBody('garbled')),
    });
    expect([r.status, r.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
    expect(await r.text()).toBe(GARBAGE_BODY);
    expect(snapshotCrm(t)).toEqual(before);
    expect((await t.customer('GET', `/api/v2/chats/${id}/messages`)).body.statusCode).toBe(0);
  });

  it.each([
    [{}, 400, 1, "Required parameter 'mode' is missing."],
    [{ mode: 'explode' }, 400, 10, "Invalid parameter 'mode': must be one of none, error500, timeout, garbage."],
    [{ mode: 'error500', forMs: 0 }, 400, 10, "Invalid parameter 'forMs': must be at least 1."],
    [{ mode: 'error500', forMs: 'soon' }, 400, 10, "Invalid parameter 'forMs': must be a number."],
    [{ mode: 'timeout', holdMs: 120_001 }, 400, 10, "Invalid parameter 'holdMs': must be at most 120000."],
    [{ mode: 'error500', paths: 'agent' }, 400, 10, "Invalid parameter 'paths': must be one of customer, gws, gms, crm."],
  ])('refuses %j and changes nothing', async (body, status, code, message) => {
    const r = await faults(body);
    expect([r.status, r.body]).toEqual([status, { statusCode: code, statusMessage: message }]);
    expect((await faults()).body.fault.mode).toBe('none');
  });

  it('refuses unknown fields', async () => {
    const r = await faults({ mode: 'error500', for: 5000 });
    expect([r.status, r.body.statusCode]).toEqual([400, 10]);
    expect((await faults()).body.fault.mode).toBe('none');
  });

  it.each([
    ['a web page', { Origin: 'https://evil.example' }],
    ['an extension', { Origin: EXTENSION }],
    ['a foreign Host (DNS rebinding)', { Host: 'rebind.example' }],
  ])('answers only its own origin: refuses %s, without CORS headers', async (_who, headers) => {
    for (const body of [undefined, { mode: 'error500' }]) {
      const r = await rawHttp(body ? 'POST' : 'GET', '/api/sandbox/faults', headers, body);
      expect([r.status, r.body.statusCode, r.cors]).toEqual([403, 3, undefined]);
    }
    expect((await faults()).body.fault.mode).toBe('none');
    const own = await faults({ mode: 'garbage' }, { Origin: t.sb.url });
    expect(own.body.fault.mode).toBe('garbage');
  });

  it('answers held requests promptly when the Sandbox closes', async () => {
    const id = await acceptedChat(t);
    await setFault({ mode: 'timeout' });
    const held = t.customer('GET', `/api/v2/chats/${id}`).then((r) => r.status, () => 'closed');
    await until(async () => (await faults()).body.counts.held === 1);
    const started = Date.now();
    await t.sb.close();
    const r = await held;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(r).toBe(504); // answered before the sockets close
  });
});

describe('sandbox CLI --faults', () => {
  let child: ChildProcess | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'beckon-faults-cli-'));
  afterEach(() => {
    child?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('turns the injector on and says where it is', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--data', dataDir, '--faults'], {
      cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    const exited = new Promise((resolve) => child!.on('exit', resolve));
    await until(() => out.includes('Press Ctrl+C'), 15_000);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    expect(out).toContain(`Fault injector:  ${url}/api/sandbox/faults`);
    const r = await request(`${url}/api/sandbox/faults`, 'POST', { mode: 'error500' }, {});
    expect(r.body.fault.mode).toBe('error500');
    expect((await request(`${url}/api/v2/chats`, 'POST', { nickname: 'Jane' }, { ContactCenterId: '6b1e7c0a-bec0-4d00-8000-000000007400' })).status).toBe(500);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
  }, 20_000);
});
