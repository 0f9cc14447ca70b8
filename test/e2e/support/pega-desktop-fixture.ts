/**
 * A stand-in for the Pega Customer Service desktop (test-only, never shipped nor served by the
 * Sandbox): an HTTP server on 127.0.0.1, port 0, serving `/pega-desktop.html`, whose script
 * (`pega-desktop.js`) implements `window.pega.CS.startInteraction / switchInteraction /
 * endInteraction` in the page's main world, for the extension's Pega bridge to drive.
 *
 * In the page: `window.__pegaCalls` lists every call (`{method, args, at, reply}`), and the
 * visible log (`[data-testid="pega-call"]`, `data-method`) shows them. Query options of the
 * page (`?delay=`, `?fail=`, `?silent=`) are described in pega-desktop.js.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** One call the page recorded in `window.__pegaCalls`. */
export interface PegaCall {
  method: 'startInteraction' | 'switchInteraction' | 'endInteraction';
  args: unknown[];
  at: number;
  /** What the callback was (or will be) given; null when the method is `?silent`. */
  reply: { interactionId: string | null; status: 'ok' | 'error'; message?: string } | null;
}

/** A running fixture server. */
export interface PegaDesktopFixture {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** The page URL; `query` (e.g. `'fail=endInteraction'`) sets the page's options. */
  pageUrl(query?: string): string;
  close(): Promise<void>;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Starts the fixture server. `csp` adds a Content-Security-Policy header to the page, as a locked-down desktop might send. */
export async function startPegaDesktopFixture(opts: { csp?: string } = {}): Promise<PegaDesktopFixture> {
  const [html, js] = await Promise.all([readFile(here('./pega-desktop.html'), 'utf8'), readFile(here('./pega-desktop.js'), 'utf8')]);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') {
      res.writeHead(405).end();
    } else if (path === '/pega-desktop.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...(opts.csp ? { 'Content-Security-Policy': opts.csp } : {}) });
      res.end(html);
    } else if (path === '/pega-desktop.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(js);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: (query) => `${origin}/pega-desktop.html${query ? `?${query}` : ''}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
