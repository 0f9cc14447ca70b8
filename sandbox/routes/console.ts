/**
 * Serves the agent console at `/console/`: index.html, app.js and styles.css from the
 * in-memory bundle. A strict CSP goes with it: the console renders customer text, so even
 * if something slipped through as markup, no inline or foreign script could run.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ConsoleAssets } from '../console/build.ts';

const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function send(reply: FastifyReply, type: string, body: string): FastifyReply {
  return reply
    .header('Content-Type', `${type}; charset=utf-8`)
    .header('Content-Security-Policy', CSP)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'no-cache')
    .send(body);
}

/** Registers the console routes. */
export function registerConsoleRoutes(app: FastifyInstance, assets: ConsoleAssets): void {
  app.get('/console', async (_request, reply) => reply.redirect('/console/'));
  app.get('/console/', async (_request, reply) => send(reply, 'text/html', assets.html));
  app.get('/console/app.js', async (_request, reply) => send(reply, 'text/javascript', assets.js));
  app.get('/console/styles.css', async (_request, reply) => send(reply, 'text/css', assets.css));
}
