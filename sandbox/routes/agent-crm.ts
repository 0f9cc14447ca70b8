/**
 * `GET /api/v2/me/interactions/{id}/crm`: the Sandbox CRM interaction of a chat, for the agent
 * console (same origin, agent Basic auth, GWS envelope like the rest of the agent API). The
 * console asks again whenever its stream says `CrmInteractionUpdated` for that chat.
 */
import type { FastifyInstance } from 'fastify';
import type { AgentDesk } from '../engine/agent-desk.ts';
import { Code, GwsError } from '../engine/errors.ts';
import type { CrmStore } from '../crm/store.ts';
import { ok } from '../http/envelope.ts';
import type { OriginPolicy } from '../http/origin.ts';
import { type AgentCredential, agentOf, guardAgentScope } from './agent-guard.ts';

/** Registers the route in its own scope behind the agent guard. */
export function registerAgentCrmRoute(
  app: FastifyInstance,
  deps: { crm: CrmStore; desk: AgentDesk; policy: OriginPolicy; agents: readonly AgentCredential[] },
): void {
  app.register(async (scope) => {
    guardAgentScope(scope, deps.policy, deps.agents);
    scope.get<{ Params: { id: string } }>('/api/v2/me/interactions/:id/crm', async (request, reply) => {
      const id = request.params.id;
      // Only chats this agent can see: the CRM record holds the visitor's identity and transcript.
      if (!deps.desk.interactionFor(agentOf(request), id)) throw new GwsError(Code.NotFound, `You have no interaction '${id}'.`);
      return ok(reply, { crm: deps.crm.forChat(id) });
    });
  });
}
