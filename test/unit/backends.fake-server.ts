/**
 * A scripted HTTP server for adapter wire tests: it records every request (method, path,
 * headers, raw body, form fields) and answers with whatever the test's handler returns.
 * For dialect details the Sandbox cannot show (a changed GMS alias, a stock GWS server).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body's bytes as they came (a multipart upload). */
  bytes: Buffer;
  /** The body as form fields (empty when it is not a form). */
  form: Record<string, string>;
}

/**
 * What the handler answers: JSON (a value), HTML text, `raw` text sent as JSON, or `bytes`
 * (a file, with the `headers` given); HTTP status default 200.
 */
export interface Answer {
  status?: number;
  json?: unknown;
  text?: string;
  /** Sent as it is with a JSON content type (e.g. broken JSON). */
  raw?: string;
  bytes?: Uint8Array;
  /** Headers to send besides (or instead of) the Content-Type chosen from the body. */
  headers?: Record<string, string>;
}

/** A running fake server. */
export interface FakeServer {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1, port 0, that answers each request with `handler(request)`. */
export async function fakeServer(handler: (req: Seen) => Answer): Promise<FakeServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const body = bytes.toString('utf8');
      const url = new URL(req.url ?? '/', 'http://fake');
      const form = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
        ? Object.fromEntries(new URLSearchParams(body))
        : {};
      const request: Seen = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body, bytes, form };
      seen.push(request);
      const answer = handler(request);
      const json = answer.json !== undefined ? JSON.stringify(answer.json) : answer.raw;
      const type = answer.bytes ? 'application/octet-stream' : json === undefined ? 'text/html' : 'application/json';
      res.writeHead(answer.status ?? 200, { 'Content-Type': type, ...answer.headers }).end(answer.bytes ?? json ?? answer.text ?? '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((r) => server.close(() => r())) };
}
