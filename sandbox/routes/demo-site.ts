/**
 * Serves the "Beckon Bank" demo website at `/demo/`: the page the extension offers chats
 * on out of the box. Files are served from a fixed list (no path from the URL ever reaches
 * the file system). `strict-csp.html` carries `Content-Security-Policy: default-src 'self'`
 * so the extension can be tested on a page that forbids inline and foreign code.
 */
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEMO_SITE_PATH } from '../../src/core/defaults.ts';

/** URL name under /demo/ → file in sandbox/demo-site/, content type, extra headers. */
const FILES: Record<string, { file: string; type: string; headers?: Record<string, string> }> = {
  '': { file: 'index.html', type: 'text/html' },
  'index.html': { file: 'index.html', type: 'text/html' },
  'bill-payment.html': { file: 'bill-payment.html', type: 'text/html' },
  'loans.html': { file: 'loans.html', type: 'text/html' },
  'strict-csp.html': {
    file: 'strict-csp.html',
    type: 'text/html',
    headers: { 'Content-Security-Policy': "default-src 'self'" },
  },
  // A single-page app whose routes change with history.pushState.
  'app.html': { file: 'app.html', type: 'text/html' },
  'app.js': { file: 'app.js', type: 'text/javascript' },
  // Single-key shortcuts on the home page ("/" and "?"), like many real sites.
  'shortcuts.js': { file: 'shortcuts.js', type: 'text/javascript' },
  'site.css': { file: 'site.css', type: 'text/css' },
  'logo.svg': { file: 'logo.svg', type: 'image/svg+xml' },
};

/** Registers the demo site routes; reads every file once, up front. */
export async function registerDemoSite(app: FastifyInstance): Promise<void> {
  const dir = new URL('../demo-site/', import.meta.url);
  const bodies = new Map<string, string>();
  for (const { file } of Object.values(FILES)) {
    if (!bodies.has(file)) bodies.set(file, await readFile(fileURLToPath(new URL(file, dir)), 'utf8'));
  }

  app.get(DEMO_SITE_PATH.slice(0, -1), async (_request, reply) => reply.redirect(DEMO_SITE_PATH));
  for (const [name, entry] of Object.entries(FILES)) {
    app.get(`${DEMO_SITE_PATH}${name}`, async (_request, reply) => {
      reply.header('Content-Type', `${entry.type}; charset=utf-8`).header('X-Content-Type-Options', 'nosniff');
      for (const [k, v] of Object.entries(entry.headers ?? {})) reply.header(k, v);
      return reply.send(bodies.get(entry.file));
    });
  }
}
