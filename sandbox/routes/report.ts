/**
 * `GET /api/v2/me/interactions/{id}/report[?format=html|json]` (Sandbox extra, behind the agent
 * guard): the agent's side of a chat as one self-contained HTML file, or the same data as JSON,
 * sent as a download. For a chat the agent took part in (also after it left it), or one the
 * autopilot handled: the team demos with it and sends the report afterwards.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ScriptLibrary } from '../autopilot/library.ts';
import type { AgentDesk } from '../engine/agent-desk.ts';
import { Code, GwsError } from '../engine/errors.ts';
import { parseWith } from '../http/envelope.ts';
import type { OriginPolicy } from '../http/origin.ts';
import { buildChatReport } from '../report/chat-report.ts';
import { reportHtml } from '../report/report-html.ts';
import { type AgentCredential, agentOf, guardAgentScope } from './agent-guard.ts';

type Report = { Params: { id: string }; Querystring: { format?: string } };
const query = z.object({ format: z.enum(['html', 'json'], { error: "must be 'html' or 'json'" }).default('html') });

/** Registers the report route in a scope of its own, behind the agent guard. */
export function registerReportRoutes(app: FastifyInstance, deps: { desk: AgentDesk; library: ScriptLibrary; policy: OriginPolicy; agents: readonly AgentCredential[] }): void {
  const repo = deps.desk.engine.repo;
  app.register(async (scope) => {
    guardAgentScope(scope, deps.policy, deps.agents);
    scope.get<Report>('/api/v2/me/interactions/:id/report', async (request, reply) => {
      const { format } = parseWith(query, request.query);
      const name = agentOf(request);
      const { id } = request.params;
      const chat = repo.getChat(id);
      const autopilots = new Set(deps.library.queues().map((q) => q.agent));
      const rows = chat ? repo.chatAgents(id) : [];
      const tookPart = rows.some((r) => r.participantId !== null && (r.agent === name || autopilots.has(r.agent)));
      if (!chat || !tookPart) throw new GwsError(Code.NotFound, `You have no interaction '${id}' (a report needs a chat you or the autopilot took part in).`);
      const report = buildChatReport({
        chat, messages: repo.messagesFrom(id, 0), log: repo.chatLog(id), presence: repo.presence(id), autopilots, exportedBy: name, now: Date.now(),
      });
      const file = `chat-report-${id.slice(0, 8)}.${format}`;
      reply.header('Content-Disposition', `attachment; filename="${file}"`).header('Cache-Control', 'no-store').header('X-Content-Type-Options', 'nosniff');
      if (format === 'json') return reply.type('application/json; charset=utf-8').send(report);
      return reply.type('text/html; charset=utf-8').header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox").send(reportHtml(report));
    });
  });
}
