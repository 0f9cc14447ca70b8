/**
 * The agent API: the GWS 8.5.0 "Interactions on Chat Channel" operations (seed 004,
 * reference/protocols.md §2.1) on `/api/v2/me/interactions/{id}`, plus the agent's own
 * Ready/NotReady state and a Server-Sent Events notification stream.
 */
import type { FastifyInstance } from 'fastify';
import type { AgentDesk } from '../engine/agent-desk.ts';
import { Code, GwsError } from '../engine/errors.ts';
import { AGENT_OPERATIONS } from '../engine/types.ts';
import { bodyObject, ok, operationOf, parseWith } from '../http/envelope.ts';
import type { OriginPolicy } from '../http/origin.ts';
import { type AgentCredential, agentOf, guardAgentScope } from './agent-guard.ts';
import { registerNotifications, type StreamRegistry } from './notifications.ts';
import { acceptBody, notificationBody, sendMessageBody } from './schemas.ts';

type IdParams = { Params: { id: string } };

/** Registers the agent routes in their own scope, behind the agent guard. */
export function registerAgentRoutes(
  app: FastifyInstance,
  deps: { desk: AgentDesk; policy: OriginPolicy; agents: readonly AgentCredential[]; streams: StreamRegistry },
): void {
  const { desk } = deps;
  app.register(async (scope) => {
    guardAgentScope(scope, deps.policy, deps.agents);

    scope.get('/api/v2/me', async (request, reply) => {
      const name = agentOf(request);
      return ok(reply, { user: { name, state: desk.state(name) } });
    });

    scope.post('/api/v2/me', async (request, reply) => {
      const op = operationOf(bodyObject(request.body), ['Ready', 'NotReady'] as const);
      desk.setState(agentOf(request), op);
      return ok(reply);
    });

    scope.get('/api/v2/me/interactions', async (request, reply) =>
      ok(reply, { interactions: desk.interactions(agentOf(request)) }),
    );

    scope.get<IdParams>('/api/v2/me/interactions/:id', async (request, reply) => {
      const interaction = desk.interactionFor(agentOf(request), request.params.id);
      if (!interaction) throw new GwsError(Code.NotFound, `You have no interaction '${request.params.id}'.`);
      return ok(reply, { interaction });
    });

    scope.post<IdParams>('/api/v2/me/interactions/:id', async (request, reply) => {
      const name = agentOf(request);
      const id = request.params.id;
      const body = bodyObject(request.body);
      switch (operationOf(body, AGENT_OPERATIONS)) {
        case 'Accept':
          desk.accept(name, id, parseWith(acceptBody, body).nickname);
          break;
        case 'SendMessage': {
          const { text, clientMessageId } = parseWith(sendMessageBody, body);
          desk.send(name, id, text, clientMessageId);
          break;
        }
        case 'SendNotification': {
          const parsed = parseWith(notificationBody, body);
          const value = parsed.notifcation ?? parsed.notification;
          if (!value) throw new GwsError(Code.MissingParameter, "Required parameter 'notifcation' (or 'notification') is missing.");
          desk.notify(name, id, value);
          break;
        }
        case 'StopProcessing':
          desk.stopProcessing(name, id);
          break;
      }
      return ok(reply);
    });

    registerNotifications(scope, desk, deps.streams);
  });
}
