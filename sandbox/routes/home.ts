/**
 * `GET /`: a small landing page so someone who opens the Sandbox's URL sees where the
 * console and demo site are and which ContactCenterId to configure.
 */
import type { FastifyInstance } from 'fastify';
import { escapeHtml } from '../../src/core/escape-html.ts';

/** Registers the landing page. */
export function registerHome(app: FastifyInstance, info: { contactCenterId: string }): void {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Beckon Sandbox</title><link rel="icon" href="/demo/logo.svg" type="image/svg+xml"><link rel="stylesheet" href="/demo/site.css"></head>
<body><main class="container narrow">
<h1>Beckon Sandbox</h1>
<p>A local contact center for Beckon demos and tests.</p>
<ul class="link-list">
<li><a href="/console/">Agent console</a> — sign in as an agent, go Ready, answer chats.</li>
<li><a href="/demo/">Demo website</a> — Beckon Bank, where the extension offers chats.</li>
</ul>
<p>ContactCenterId: <code>${escapeHtml(info.contactCenterId)}</code></p>
<p>API reference: <code>sandbox/README.md</code> in the Beckon repository.</p>
</main></body></html>`;
  app.get('/', async (_request, reply) =>
    reply.header('Content-Type', 'text/html; charset=utf-8').header('Content-Security-Policy', "default-src 'self'").send(page),
  );
}
