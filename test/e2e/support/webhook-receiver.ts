/**
 * A local webhook receiver for testing the extension's webhook CRM connector (test-only, not
 * shipped): an HTTP server on 127.0.0.1, port 0, that records every request (method, path,
 * headers, raw body), checks its HMAC-SHA256 signature header, and can be told to answer 503
 * for a while so retries can be observed.
 *
 * Signature: `X-Beckon-Signature: sha256=<hex of HMAC-SHA256(secret, raw body bytes)>`.
 * A request with a missing or wrong signature is recorded (`signatureValid: false`) and
 * answered 401; anything else is answered 204 (or 503 while failing).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from './wait.ts';

/** The signature header the connector sends (compared case-insensitively, as HTTP does). */
export const SIGNATURE_HEADER = 'X-Beckon-Signature';

/** The value of SIGNATURE_HEADER for `body` signed with `secret`. */
export const signBody = (secret: string, body: string | Buffer): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** One request as the receiver saw it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** Header names are lower case (Node's parser). */
  headers: IncomingHttpHeaders;
  /** The body exactly as received, decoded as UTF-8. */
  rawBody: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  /** True when SIGNATURE_HEADER matches the body under the receiver's secret. */
  signatureValid: boolean;
  /** The HTTP status the receiver answered with. */
  status: number;
  /** Epoch ms of arrival. */
  at: number;
}

/** A running receiver. */
export interface WebhookReceiver {
  /** Base URL, e.g. `http://127.0.0.1:41234`; any path is accepted. */
  url: string;
  /** Every request so far, oldest first (copies: safe to keep). */
  received(): ReceivedRequest[];
  /** Resolves with the first request (already received or still to come) matching `predicate`. */
  waitFor(predicate: (r: ReceivedRequest) => boolean, opts?: { timeoutMs?: number; what?: string }): Promise<ReceivedRequest>;
  /** Answers 503 to every request for `ms` (recorded all the same), then recovers by itself. */
  failFor(ms: number): void;
  /** Stops failing now. */
  recover(): void;
  /** Forgets what was received. */
  clear(): void;
  close(): Promise<void>;
}

/** Starts a receiver that verifies signatures made with `secret`. */
export async function startWebhookReceiver({ secret }: { secret: string }): Promise<WebhookReceiver> {
  const log: ReceivedRequest[] = [];
  let failingUntil = 0;

  const verify = (header: string | string[] | undefined, raw: Buffer): boolean => {
    if (typeof header !== 'string') return false;
    const expected = Buffer.from(signBody(secret, raw));
    const given = Buffer.from(header.trim().toLowerCase());
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const signatureValid = verify(req.headers[SIGNATURE_HEADER.toLowerCase()], raw);
      // Failing wins over the signature check: a down server does not look at requests.
      const status = Date.now() < failingUntil ? 503 : signatureValid ? 204 : 401;
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        json = undefined;
      }
      log.push({ method: req.method ?? '', path: req.url ?? '', headers: { ...req.headers }, rawBody: raw.toString('utf8'), json, signatureValid, status, at: Date.now() });
      if (status === 503) res.setHeader('Retry-After', '1');
      res.writeHead(status, status === 204 ? {} : { 'Content-Type': 'application/json' });
      res.end(status === 204 ? undefined : JSON.stringify({ error: status === 503 ? 'failing on purpose' : 'bad or missing signature' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received: () => log.map((r) => ({ ...r, headers: { ...r.headers } })),
    waitFor: (predicate, { timeoutMs = 10_000, what = 'a matching webhook request' } = {}) =>
      waitFor(() => log.find(predicate), { timeoutMs, intervalMs: 20, what: `${what} (received so far: ${log.length})` }),
    failFor(ms) {
      failingUntil = Date.now() + ms;
    },
    recover() {
      failingUntil = 0;
    },
    clear() {
      log.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
