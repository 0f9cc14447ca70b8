import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError } from '../../src/crm/types';
import { createWebhookCrm, signBody } from '../../src/crm/webhook';

/** A real HTTP receiver on 127.0.0.1 that records requests and answers as told. */
function receiver() {
  const got: { headers: IncomingMessage['headers']; body: string }[] = [];
  let answer: { status: number; body: string } = { status: 200, body: '{}' };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
    });
  });
  return {
    got,
    answer: (status: number, body = '{}') => (answer = { status, body }),
    start: () => new Promise<string>((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('webhook CRM connector', () => {
  const rx = receiver();
  let url: string;
  beforeAll(async () => {
    url = await rx.start();
  });
  afterAll(() => rx.stop());

  it('signs each event with HMAC-SHA256 over the exact body and sends the configured headers', async () => {
    const crm = createWebhookCrm({ url, headers: { 'X-Tenant': 'demo' }, secret: 's3cret' }, { fetch });
    rx.answer(200, '{"interactionId":"I-77"}');
    expect(await crm.startInteraction({ idempotencyKey: 'k1', interactionClass: 'C', flowName: 'F', params: { ContactId: 'CONT-1' } })).toEqual({ interactionId: 'I-77' });
    const last = rx.got.at(-1)!;
    expect(last.headers['x-tenant']).toBe('demo');
    expect(last.headers['x-beckon-signature']).toBe(`sha256=${createHmac('sha256', 's3cret').update(last.body).digest('hex')}`);
    expect(JSON.parse(last.body)).toMatchObject({ type: 'interaction.started', id: 'k1', params: { ContactId: 'CONT-1' } });
    expect(await signBody('s3cret', 'abc')).toBe(createHmac('sha256', 's3cret').update('abc').digest('hex'));
  });

  it('derives a stable interaction id when the receiver names none', async () => {
    const crm = createWebhookCrm({ url, headers: {}, secret: '' }, { fetch });
    rx.answer(204, '');
    expect(await crm.startInteraction({ idempotencyKey: 'k2', interactionClass: 'C', flowName: 'F', params: {} })).toEqual({ interactionId: 'W-k2' });
    expect(rx.got.at(-1)!.headers['x-beckon-signature']).toBeUndefined();
  });

  it('5xx and a dead receiver are retryable; 4xx is not', async () => {
    const crm = createWebhookCrm({ url, headers: {}, secret: 'x' }, { fetch, timeoutMs: 2_000 });
    rx.answer(503, 'busy');
    await expect(crm.switchInteraction('I-1', 'k3')).rejects.toMatchObject({ retryable: true, status: 503 });
    rx.answer(400, 'bad');
    await expect(crm.endInteraction('I-1', 'k4', [])).rejects.toMatchObject({ retryable: false, status: 400 });
    const dead = createWebhookCrm({ url: 'http://127.0.0.1:9/hook', headers: {}, secret: '' }, { fetch, timeoutMs: 2_000 });
    const error = await dead.testConnection().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ retryable: true });
  });
});
