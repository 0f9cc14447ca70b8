/** Every error of the Sandbox CRM API: status, `{error: {code, message}}`, and nothing changed. */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from './helpers.ts';
import { crm, snapshotCrm, startBody, startInteraction, transcript } from './crm-helpers.ts';

let t: TestSandbox;
let open: string;
let ended: string;
beforeAll(async () => {
  t = await startTestSandbox();
  open = await startInteraction(t, 'err-open');
  ended = await startInteraction(t, 'err-ended');
  await crm(t, 'POST', `/interactions/${open}/switch`, { idempotencyKey: 'err-open-sw' });
  await crm(t, 'POST', `/interactions/${ended}/end`, { idempotencyKey: 'err-ended-end', transcript });
  await crm(t, 'POST', '/outcomes', { ...outcome, idempotencyKey: 'err-o' });
});
afterAll(async () => {
  await t.stop();
});

const outcome = { ruleId: 'r1', ruleName: 'Rule 1', outcome: 'offered', url: 'http://127.0.0.1/demo/', at: 1 };
const params = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));

type Case = [name: string, method: string, path: () => string, body: unknown, headers: Record<string, string | undefined>, status: number, code: string, message?: RegExp];
const cases: Case[] = [
  ['malformed JSON', 'POST', () => '/interactions', '{"idempotencyKey":', {}, 400, 'invalid_json', /not valid JSON/],
  ['empty JSON body', 'POST', () => '/interactions', '', {}, 400, 'invalid_json'],
  ['a JSON array', 'POST', () => '/interactions', '[1]', {}, 400, 'invalid_body', /must be a JSON object/],
  ['no body at all', 'POST', () => `/interactions/${open}/switch`, undefined, {}, 400, 'invalid_body', /must be a JSON object/],
  ['a missing idempotencyKey', 'POST', () => '/interactions', { ...startBody('x'), idempotencyKey: undefined }, {}, 400, 'invalid_body', /^Field 'idempotencyKey' is required\.$/],
  ['an empty interactionClass', 'POST', () => '/interactions', { ...startBody('x'), interactionClass: '' }, {}, 400, 'invalid_body', /^Field 'interactionClass' must not be empty\.$/],
  ['a param that is not a string', 'POST', () => '/interactions', { ...startBody('x'), params: { ContactId: 7 } }, {}, 400, 'invalid_body', /^Field 'params\.ContactId' must be a string\.$/],
  ['51 params', 'POST', () => '/interactions', { ...startBody('x'), params: params(51) }, {}, 400, 'invalid_body', /at most 50 keys/],
  ['params as an array', 'POST', () => '/interactions', { ...startBody('x'), params: ['a'] }, {}, 400, 'invalid_body', /'params' must be an object of strings/],
  ['a switch without key', 'POST', () => `/interactions/${open}/switch`, {}, {}, 400, 'invalid_body', /'idempotencyKey' is required/],
  ['an end without transcript', 'POST', () => `/interactions/${open}/end`, { idempotencyKey: 'x' }, {}, 400, 'invalid_body', /'transcript' is required/],
  ['a transcript line with a string time', 'POST', () => `/interactions/${open}/end`, { idempotencyKey: 'x', transcript: [{ ...transcript[0], at: 'yesterday' }] }, {}, 400, 'invalid_body', /^Field 'transcript\.0\.at' must be epoch ms \(an integer\) or an ISO 8601 date-time string\.$/],
  ['an outcome without time', 'POST', () => '/outcomes', { ...outcome, idempotencyKey: 'x', at: undefined }, {}, 400, 'invalid_body', /^Field 'at' is required\.$/],
  ['an unknown outcome', 'POST', () => '/outcomes', { ...outcome, idempotencyKey: 'x', outcome: 'ignored' }, {}, 400, 'invalid_body', /'outcome' must be one of declined, timed-out, offered, accepted, suppressed/],
  ['no Authorization', 'GET', () => '/interactions', undefined, { Authorization: undefined }, 401, 'unauthorized', /Bearer/],
  ['a wrong token', 'POST', () => '/interactions', startBody('x'), { Authorization: 'Bearer not-the-token' }, 401, 'unauthorized'],
  ['agent Basic credentials', 'GET', () => '/outcomes', undefined, { Authorization: `Basic ${Buffer.from('alice:alice').toString('base64')}` }, 401, 'unauthorized'],
  ['a web page Origin', 'POST', () => '/interactions', startBody('x'), { Origin: 'https://evil.example' }, 403, 'forbidden', /Origin 'https:\/\/evil\.example'/],
  ['an unknown interaction', 'POST', () => '/interactions/I-999999/switch', { idempotencyKey: 'x' }, {}, 404, 'not_found', /No CRM interaction 'I-999999'/],
  ['a malformed interaction id', 'GET', () => '/interactions/I-01', undefined, {}, 404, 'not_found'],
  ['an unknown route', 'GET', () => '/contacts', undefined, {}, 404, 'not_found', /No such route: GET \/api\/crm\/contacts/],
  ['ending an ended interaction with another key', 'POST', () => `/interactions/${ended}/end`, { idempotencyKey: 'x', transcript: [] }, {}, 409, 'already_ended', /has already ended/],
  ['switching to an ended interaction', 'POST', () => `/interactions/${ended}/switch`, { idempotencyKey: 'x' }, {}, 409, 'already_ended'],
  ['a start key reused for another interaction', 'POST', () => '/interactions', startBody('err-open', { ContactId: 'CONT-2' }), {}, 409, 'idempotency_key_reused', /'err-open'.*I-\d+/],
  ['a switch key reused on another interaction', 'POST', () => `/interactions/${ended}/switch`, { idempotencyKey: 'err-open-sw' }, {}, 409, 'idempotency_key_reused'],
  ['an end key reused on another interaction', 'POST', () => `/interactions/${open}/end`, { idempotencyKey: 'err-ended-end', transcript }, {}, 409, 'idempotency_key_reused'],
  ['an end key replayed with another transcript', 'POST', () => `/interactions/${ended}/end`, { idempotencyKey: 'err-ended-end', transcript: [] }, {}, 409, 'idempotency_key_reused'],
  ['an outcome key reused for another outcome', 'POST', () => '/outcomes', { ...outcome, idempotencyKey: 'err-o', outcome: 'accepted' }, {}, 409, 'idempotency_key_reused'],
  ['a body over 1 MiB', 'POST', () => `/interactions/${open}/end`, { idempotencyKey: 'x', transcript: [{ ...transcript[0], text: 'x'.repeat(1024 * 1024) }] }, {}, 413, 'body_too_large', /1 MiB/],
  ['a text/plain body', 'POST', () => '/interactions', 'hello', { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
];

describe('Sandbox CRM errors', () => {
  it.each(cases)('answers %s with the error envelope and changes nothing', async (_name, method, path, body, headers, status, code, message) => {
    const before = snapshotCrm(t);
    const r = await crm(t, method, path(), body, headers);
    expect([r.status, r.body.error?.code]).toEqual([status, code]);
    expect(Object.keys(r.body)).toEqual(['error']);
    expect(typeof r.body.error.message).toBe('string');
    if (message) expect(r.body.error.message).toMatch(message);
    expect(snapshotCrm(t)).toEqual(before);
  });

  it('challenges with WWW-Authenticate: Bearer on 401', async () => {
    const r = await crm(t, 'GET', '/interactions', undefined, { Authorization: undefined });
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('refuses a Host other than loopback (DNS rebinding), even with the right token', async () => {
    const { port } = t.sb;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/crm/interactions', headers: { Host: `rebind.example:${port}`, Authorization: 'Bearer beckon-demo-crm-token' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
