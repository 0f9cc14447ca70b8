/**
 * `GET /api/v2/me/notifications`: the agent's Server-Sent Events stream. Changes are pushed
 * once they commit (see engine/agent-feed.ts for the events); a `: keepalive` comment keeps
 * idle connections and proxies from timing out. Each open stream is registered so the
 * Sandbox can end them all when it shuts down.
 */
import type { FastifyInstance } from 'fastify';
import type { AgentFeeds } from '../engine/agent-feed.ts';
import { agentOf } from './agent-guard.ts';

/** Open streams and the keepalive period; each entry ends its stream when called. */
export interface StreamRegistry {
  open: Set<() => void>;
  keepaliveMs: number;
}

/** Formats one SSE event. JSON.stringify never emits raw newlines, so one `data:` line suffices. */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Registers the notification route on the (already guarded) agent scope. */
export function registerNotifications(scope: FastifyInstance, feeds: AgentFeeds, streams: StreamRegistry): void {
  scope.get('/api/v2/me/notifications', async (request, reply) => {
    const name = agentOf(request);
    // The snapshot must hold only committed state (nothing leaves before it is durable).
    await feeds.settled();
    // From here on we own the socket: Fastify must not try to send a reply of its own.
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    const write = (chunk: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(chunk);
    };
    write(': connected\n\n');

    const unsubscribe = feeds.subscribe(name, (event, data) => write(sseEvent(event, data)));
    const keepalive = setInterval(() => write(': keepalive\n\n'), streams.keepaliveMs);
    const end = () => {
      if (!streams.open.delete(end)) return; // already cleaned up
      clearInterval(keepalive);
      unsubscribe();
      if (!res.writableEnded) res.end();
    };
    streams.open.add(end);
    // 'close' fires when the client goes away (tab closed, reader cancelled, network gone);
    // it may have gone already, while the snapshot waited for the commit.
    res.on('close', end);
    if (res.destroyed || !res.socket || res.socket.destroyed) end();
  });
}
