/**
 * DNS rebinding on the customer chat APIs (issue 9): a page under a name its owner points at
 * 127.0.0.1 talks to the Sandbox as its own origin, so browsers send no Origin on its GETs.
 * The customer APIs (GWS, GMS, queue availability) must check the Host header as the agent,
 * CRM and fault APIs do, with the same check.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestChat, startTestSandbox, type TestSandbox } from './helpers.ts';

let t: TestSandbox;
beforeEach(async () => {
  t = await startTestSandbox();
});
afterEach(async () => {
  await t.stop();
});

/** node:http, because fetch will not send a foreign Host header. */
const raw = (method: string, path: string, headers: Record<string, string>, body?: string) =>
  new Promise<{ status: number; body: Record<string, any> }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: t.sb.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });

const JSON_TYPE = { 'content-type': 'application/json' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the customer APIs and the Host header', () => {
  it('refuse a foreign Host on every GWS route, before anything changes', async () => {
    const id = await requestChat(t);
    const before = t.snapshot();
    const host = { Host: `rebind.example:${t.sb.port}`, ContactCenterId: t.sb.contactCenterId };
    const calls: [string, string, string | undefined, Record<string, string>][] = [
      ['POST', '/api/v2/chats', JSON.stringify({ nickname: 'Mallory' }), JSON_TYPE],
      ['GET', `/api/v2/chats/${id}`, undefined, {}],
      ['GET', `/api/v2/chats/${id}/messages`, undefined, {}],
      ['POST', `/api/v2/chats/${id}`, JSON.stringify({ operationName: 'Complete' }), JSON_TYPE],
      ['GET', `/api/v2/chats/${id}/userdata`, undefined, {}],
      ['GET', '/api/v2/queues/availability', undefined, {}],
    ];
    for (const [method, path, body, extra] of calls) {
      const r = await raw(method, path, { ...host, ...extra }, body);
      expect([method, path, r.status, r.body]).toEqual([method, path, 403,
        { statusCode: 3, statusMessage: 'The customer chat API answers only on 127.0.0.1 or localhost.' }]);
    }
    expect(t.snapshot()).toEqual(before);
  });

  it('refuse a foreign Host on the GMS dialect with its own envelope', async () => {
    const before = t.snapshot();
    const r = await raw('POST', '/genesys/2/chat/request-chat', { Host: 'rebind.example', ...FORM }, 'nickname=Mallory');
    expect([r.status, r.body]).toEqual([403, { errors: [{ code: 3, message: 'The GMS chat API answers only on 127.0.0.1 or localhost.' }] }]);
    expect(t.snapshot()).toEqual(before);
  });

  it('answer under 127.0.0.1 and localhost, and say the same sentence as the other APIs', async () => {
    for (const name of ['127.0.0.1', 'localhost', 'LOCALHOST']) {
      const r = await raw('GET', '/api/v2/queues/availability', { Host: `${name}:${t.sb.port}`, ContactCenterId: t.sb.contactCenterId });
      expect([name, r.status]).toEqual([name, 200]);
    }
    // The same check guards the agent API.
    const agent = await raw('GET', '/api/v2/me', { Host: 'rebind.example', Authorization: `Basic ${Buffer.from('alice:alice').toString('base64')}` });
    expect([agent.status, agent.body.statusMessage]).toEqual([403, 'The agent API answers only on 127.0.0.1 or localhost.']);
  });
});
