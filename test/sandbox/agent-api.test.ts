/**
 * The agent API's guards and errors: Basic authentication, same-origin only, ownership of
 * chats, state rules and body validation, each asserting that nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedChat, basic, request, requestChat, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ agents: [{ name: 'alice', password: 'alice' }, { name: 'bob', password: 'bob' }, { name: 'carol', password: 'long-secret' }] });
});
afterAll(async () => {
  await t.stop();
});

const interaction = (id: string) => `/api/v2/me/interactions/${id}`;

/** Runs a request and checks the error envelope and that the database is unchanged. */
async function refused(run: () => Promise<{ status: number; body: Record<string, any>; headers: Headers }>, status: number, code: number, message: RegExp) {
  const before = t.snapshot();
  const r = await run();
  expect(r.status).toBe(status);
  expect(r.body).toEqual({ statusCode: code, statusMessage: expect.stringMatching(message) });
  expect(t.snapshot()).toEqual(before);
  return r;
}

describe('authentication', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a wrong password', basic('alice', 'wrong')],
    ['an unknown agent', basic('mallory', 'mallory')],
    ['a password that is a prefix of the real one', basic('carol', 'long')],
    ['a non-Basic scheme', 'Bearer abc'],
    ['garbage credentials', 'Basic !!!'],
    ['credentials without a colon', `Basic ${Buffer.from('alice').toString('base64')}`],
  ])('answers 401 without a Basic challenge for %s', async (_name, authorization) => {
    const r = await refused(
      () => request(`${t.sb.url}/api/v2/me`, 'POST', { operationName: 'Ready' }, { Authorization: authorization }),
      401, 20, /^Not authenticated$/,
    );
    expect(r.headers.get('www-authenticate')).toBeNull();
  });

  it('guards every agent route, including notifications', async () => {
    for (const [method, path] of [['GET', '/api/v2/me'], ['GET', '/api/v2/agents'], ['GET', '/api/v2/me/interactions'], ['GET', interaction('x')], ['POST', interaction('x')], ['GET', '/api/v2/me/notifications']] as const) {
      const r = await request(t.sb.url + path, method, method === 'POST' ? {} : undefined, {});
      expect([path, r.status, r.body.statusCode]).toEqual([path, 401, 20]);
    }
  });

  it('accepts the configured credentials', async () => {
    const r = await request(`${t.sb.url}/api/v2/me`, 'GET', undefined, { Authorization: basic('carol', 'long-secret') });
    expect(r.body).toEqual({ user: { name: 'carol', state: 'NotReady', queues: [{ name: 'Billing', state: 'NotReady' }, { name: 'Loans', state: 'NotReady' }, { name: 'General', state: 'NotReady' }], otherQueues: 'NotReady' }, statusCode: 0 });
  });
});

describe('GET /api/v2/agents', () => {
  it('lists the configured agents with their overall state', async () => {
    await t.agent('bob', 'POST', '/api/v2/me', { operationName: 'Ready', queues: ['Loans'] });
    const r = await t.agent('carol', 'GET', '/api/v2/agents');
    expect(r.body).toEqual({ agents: [{ name: 'alice', state: expect.any(String) }, { name: 'bob', state: 'Ready' }, { name: 'carol', state: 'NotReady' }], statusCode: 0 });
    await t.agent('bob', 'POST', '/api/v2/me', { operationName: 'NotReady' });
    expect((await t.agent('carol', 'GET', '/api/v2/agents')).body.agents[1]).toEqual({ name: 'bob', state: 'NotReady' });
  });
});

describe('origin rules', () => {
  it('refuses a cross-origin agent request with 403 and sends no CORS headers', async () => {
    const r = await refused(() => t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Ready' }, { Origin: 'https://evil.example' }), 403, 3, /Cross-origin/);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an extension origin too: only the console may call the agent API', async () => {
    await refused(() => t.agent('alice', 'GET', '/api/v2/me', undefined, { Origin: 'chrome-extension://abcdefghijklmnop' }), 403, 3, /Cross-origin/);
  });

  it('accepts the Sandbox’s own origin', async () => {
    const r = await t.agent('alice', 'GET', '/api/v2/me', undefined, { Origin: t.sb.url });
    expect(r.body.statusCode).toBe(0);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a foreign Host name (DNS rebinding)', async () => {
    const { request: raw } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = raw(`${t.sb.url}/api/v2/me`, { headers: { Host: `rebind.example:${t.sb.port}`, Authorization: basic('alice') } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});

describe('operations', () => {
  it('refuses another agent’s chat with code 5', async () => {
    const id = await acceptedChat(t, 'alice');
    await t.agent('bob', 'POST', '/api/v2/me', { operationName: 'Ready' });
    for (const body of [{ operationName: 'SendMessage', text: 'hi' }, { operationName: 'SendNotification', notifcation: 'TypingStarted' }, { operationName: 'StopProcessing' }]) {
      await refused(() => t.agent('bob', 'POST', interaction(id), body), 403, 5, /handled by another agent/);
    }
    await refused(() => t.agent('bob', 'POST', interaction(id), { operationName: 'Accept', nickname: 'Bob' }), 409, 2, /no longer waiting/);
    expect((await t.agent('bob', 'GET', '/api/v2/me/interactions')).body.interactions.map((i: any) => i.id)).not.toContain(id);
    await refused(() => t.agent('bob', 'GET', interaction(id)), 404, 6, /no interaction/);
  });

  it('refuses wrong-state operations with code 2', async () => {
    const id = await requestChat(t);
    await t.agent('bob', 'POST', '/api/v2/me', { operationName: 'NotReady' });
    await refused(() => t.agent('bob', 'POST', interaction(id), { operationName: 'Accept', nickname: 'Bob' }), 409, 2, /Ready/);
    await refused(() => t.agent('bob', 'POST', interaction(id), { operationName: 'SendMessage', text: 'x' }), 409, 2, /Accept chat/);
    await t.agent('bob', 'POST', '/api/v2/me', { operationName: 'Ready' });
    expect((await t.agent('bob', 'POST', interaction(id), { operationName: 'Accept', nickname: 'Bob' })).body.statusCode).toBe(0);
    await refused(() => t.agent('bob', 'POST', interaction(id), { operationName: 'Accept', nickname: 'Bob' }), 409, 2, /no longer waiting/);
    expect((await t.agent('bob', 'POST', interaction(id), { operationName: 'StopProcessing' })).body.statusCode).toBe(0);
    await refused(() => t.agent('bob', 'POST', interaction(id), { operationName: 'StopProcessing' }), 409, 2, /already stopped/);
    await refused(() => t.agent('bob', 'POST', interaction(id), { operationName: 'SendMessage', text: 'x' }), 409, 2, /already stopped/);
  });

  it.each([
    ['a missing operationName', {}, 400, 1, /'operationName' is missing/],
    ['an unknown operationName', { operationName: 'Dance' }, 400, 10,
      /^Unknown operationName 'Dance'\. Valid operations: Accept, Reject, SendMessage, SendNotification, Transfer, StopProcessing, RequestChatHistory, StartChatConsultation, CompleteTransfer, CompleteConference, UpdateUserData\.$/],
    ['a missing text', { operationName: 'SendMessage' }, 400, 1, /'text' is missing/],
    ['a text over 4000 characters', { operationName: 'SendMessage', text: 'x'.repeat(4001) }, 400, 10, /at most 4000/],
    ['a missing notification', { operationName: 'SendNotification' }, 400, 1, /'notifcation' \(or 'notification'\) is missing/],
    ['an invalid notification', { operationName: 'SendNotification', notifcation: 'Dancing' }, 400, 10, /TypingStarted/],
  ])('refuses %s', async (_name, body, status, code, message) => {
    const id = await acceptedChat(t, 'carol');
    await refused(() => t.agent('carol', 'POST', interaction(id), body), status, code, message);
  });

  it('refuses Accept without a nickname, bad JSON and unknown chats', async () => {
    const id = await requestChat(t);
    await t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Ready' });
    await refused(() => t.agent('alice', 'POST', interaction(id), { operationName: 'Accept' }), 400, 1, /'nickname' is missing/);
    await refused(() => t.agent('alice', 'POST', interaction(id), { operationName: 'Accept', nickname: '' }), 400, 10, /'nickname'/);
    await refused(() => t.agent('alice', 'POST', interaction(id), '{"operationName":'), 400, 10, /not valid JSON/);
    await refused(() => t.agent('alice', 'POST', interaction('nope'), { operationName: 'Accept', nickname: 'A' }), 404, 6, /does not exist/);
    await refused(() => t.agent('alice', 'POST', '/api/v2/me', { operationName: 'Away' }), 400, 10, /Valid operations: Ready, NotReady/);
    await refused(() => t.agent('alice', 'POST', '/api/v2/me', {}), 400, 1, /operationName/);
  });

  it('offers waiting chats only while Ready', async () => {
    const id = await requestChat(t);
    await t.agent('bob', 'POST', '/api/v2/me', { operationName: 'NotReady' });
    expect((await t.agent('bob', 'GET', '/api/v2/me/interactions')).body.interactions.map((i: any) => i.id)).not.toContain(id);
    await t.agent('bob', 'POST', '/api/v2/me', { operationName: 'Ready' });
    const offered = (await t.agent('bob', 'GET', '/api/v2/me/interactions')).body.interactions.find((i: any) => i.id === id);
    expect(offered.state).toBe('Offered');
    expect((await t.agent('bob', 'GET', interaction(id))).body.interaction.id).toBe(id);
  });
});
