/** CORS on the Sandbox CRM API: the extension's background (chrome-extension:// / moz-extension://) may call it, web pages may not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './helpers.ts';
import { crm, startBody } from './crm-helpers.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.stop();
});

const EXTENSIONS = ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0f3c2a9e-1b2c-4d5e-8f90-123456789abc'];

const preflight = (path: string, origin?: string) =>
  fetch(`${t.sb.url}/api/crm${path}`, {
    method: 'OPTIONS',
    headers: { ...(origin ? { Origin: origin } : {}), 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
  });

describe('Sandbox CRM CORS', () => {
  it.each(EXTENSIONS)('answers a preflight from %s without credentials', async (origin) => {
    for (const path of ['/interactions', '/interactions/I-1/end', '/outcomes']) {
      const res = await preflight(path, origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
      expect(res.headers.get('vary')).toMatch(/Origin/);
    }
  });

  it.each(EXTENSIONS)('adds CORS headers to replies for %s, errors included', async (origin) => {
    const ok = await crm(t, 'POST', '/interactions', startBody(`cors-${origin}`), { Origin: origin });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
    const denied = await crm(t, 'GET', '/interactions', undefined, { Origin: origin, Authorization: 'Bearer wrong-token' });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it.each(['https://evil.example', 'http://chrome-extension.evil.example', 'null'])('refuses %s, preflight and request alike', async (origin) => {
    const res = await preflight('/interactions', origin);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const r = await crm(t, 'GET', '/interactions', undefined, { Origin: origin });
    expect([r.status, r.body.error.code]).toEqual([403, 'forbidden']);
  });

  it('refuses a preflight without Origin, and serves the Sandbox’s own origin without CORS headers', async () => {
    expect((await preflight('/interactions')).status).toBe(403);
    const own = await crm(t, 'GET', '/outcomes', undefined, { Origin: t.sb.url });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
  });
});
