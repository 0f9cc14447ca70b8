/** CORS: browser extensions may call the customer API; web pages may not; the agent API sends no CORS at all. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, requestChat, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

const preflight = (path: string, origin: string) =>
  fetch(t.sb.url + path, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,contactcenterid' },
  });

describe('CORS', () => {
  it.each(['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0f3c2a9e-1b2c-4d5e-8f90-123456789abc'])(
    'answers a preflight from %s',
    async (origin) => {
      for (const path of ['/api/v2/chats', '/api/v2/chats/some-id', '/api/v2/chats/some-id/messages']) {
        const res = await preflight(path, origin);
        expect(res.status).toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
        expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
        expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type, ContactCenterId');
        expect(res.headers.get('vary')).toMatch(/Origin/);
      }
    },
  );

  it.each(['https://evil.example', 'http://chrome-extension.evil.example', 'chrome-extension://abc/../x', 'null'])('refuses a preflight from %s', async (origin) => {
    const res = await preflight('/api/v2/chats', origin);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('adds CORS headers to real replies for an extension, errors included', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const ok = await request(`${t.sb.url}/api/v2/chats`, 'POST', { nickname: 'Ext' }, { Origin: origin, ContactCenterId: t.sb.contactCenterId });
    expect(ok.body.statusCode).toBe(0);
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
    const bad = await request(`${t.sb.url}/api/v2/chats`, 'POST', { nickname: 'Ext' }, { Origin: origin, ContactCenterId: 'wrong' });
    expect([bad.status, bad.body.statusCode]).toEqual([403, 3]);
    expect(bad.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('sends no CORS headers from the agent API, even to an extension preflight', async () => {
    const res = await preflight('/api/v2/me', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.status).toBe(404);
  });

  it('lets the Sandbox’s own pages call the customer API without CORS headers', async () => {
    const id = await requestChat(t);
    const r = await request(`${t.sb.url}/api/v2/chats/${id}`, 'GET', undefined, { Origin: t.sb.url, ContactCenterId: t.sb.contactCenterId });
    expect(r.body.statusCode).toBe(0);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });
});
