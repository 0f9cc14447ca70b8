/**
 * The agent API: the GWS 8.5.0 "Interactions on Chat Channel" operations (seed 004,
 * reference/protocols.md §2.1) on `/api/v2/me/interactions/{id}`, plus the agent's own
 * Ready/NotReady state (overall or per queue) and a Server-Sent Events notification stream.
 */
import type { FastifyInstance } from 'fastify';
import type { AgentDesk } from '../engine/agent-desk.ts';
import type { AgentFeeds } from '../engine/agent-feed.ts';
import { Code, GwsError } from '../engine/errors.ts';
import type { Handoffs } from '../engine/handoff.ts';
import type { ChatFiles } from '../files/chat-files.ts';
import { bodyObject, ok, operationOf, parseWith } from '../http/envelope.ts';
import { acceptMultipart } from '../http/multipart-form.ts';
import type { OriginPolicy } from '../http/origin.ts';
import { registerAgentFileRoutes } from './agent-files.ts';
import { type AgentCredential, agentOf, guardAgentScope } from './agent-guard.ts';
import { runAgentOperation } from './agent-operations.ts';
import { registerNotifications, type StreamRegistry } from './notifications.ts';
import { availabilityBody } from './schemas.ts';

type IdParams = { Params: { id: string } };

/** Registers the agent routes in their own scope, behind the agent guard. */
export function registerAgentRoutes(
  app: FastifyInstance,
  deps: { desk: AgentDesk; handoffs: Handoffs; feeds: AgentFeeds; policy: OriginPolicy; agents: readonly AgentCredential[]; streams: StreamRegistry; files: ChatFiles },
): void {
  const { desk, handoffs } = deps;
  app.register(async (scope) => {
    guardAgentScope(scope, deps.policy, deps.agents);
    await acceptMultipart(scope); // file uploads (agent-files.ts); JSON stays the default

    scope.get('/api/v2/me', async (request, reply) => {
      const name = agentOf(request);
      return ok(reply, { user: desk.me(name) });
    });

    scope.post('/api/v2/me', async (request, reply) => {
      const body = bodyObject(request.body);
      const op = operationOf(body, ['Ready', 'NotReady'] as const);
      desk.setState(agentOf(request), op, parseWith(availabilityBody, body).queues);
      return ok(reply);
    });

    // Sandbox extra: who can be named as agentId (Transfer, StartChatConsultation); the console's pickers.
    scope.get('/api/v2/agents', async (_request, reply) =>
      ok(reply, { agents: deps.agents.map(({ name }) => ({ name, state: desk.me(name).state })) }),
    );

    scope.get('/api/v2/me/interactions', async (request, reply) =>
      ok(reply, { interactions: desk.interactions(agentOf(request)) }),
    );

    scope.get<IdParams>('/api/v2/me/interactions/:id', async (request, reply) => {
      const interaction = desk.interactionFor(agentOf(request), request.params.id);
      if (!interaction) throw new GwsError(Code.NotFound, `You have no interaction '${request.params.id}'.`);
      return ok(reply, { interaction });
    });

    scope.post<IdParams>('/api/v2/me/interactions/:id', async (request, reply) => {
      runAgentOperation(desk, handoffs, agentOf(request), request.params.id, bodyObject(request.body));
      return ok(reply);
    });

    registerAgentFileRoutes(scope, { desk, files: deps.files });
    registerNotifications(scope, deps.feeds, deps.streams);
  });
}
