/**
 * The Sandbox CRM API (`/api/crm/*`): Pega Customer Service's startInteraction /
 * switchInteraction / endInteraction (reference/protocols.md §7.1) as REST, plus offer
 * outcomes, for the extension's CRM connector and tests. JSON in and out; errors are
 * `{error: {code, message}}` (crm/errors.ts). See sandbox/README.md for the reference.
 */
import type { FastifyInstance } from 'fastify';
import type { AgentDesk } from '../engine/agent-desk.ts';
import { CRM_BODY_LIMIT, parseCrm } from '../crm/errors.ts';
import { endBody, listQuery, outcomeBody, startBody, switchBody } from '../crm/schemas.ts';
import type { CrmStore } from '../crm/store.ts';
import type { OriginPolicy } from '../http/origin.ts';
import type { AgentCredential } from './agent-guard.ts';
import { registerAgentCrmRoute } from './agent-crm.ts';
import { guardCrmScope } from './crm-guard.ts';

type IdParams = { Params: { id: string } };

/** What the CRM routes need from startSandbox. */
export interface CrmRouteDeps {
  crm: CrmStore;
  desk: AgentDesk;
  policy: OriginPolicy;
  agents: readonly AgentCredential[];
  /** The bearer token callers must present. */
  token: string;
  quiet?: boolean;
}

/** Registers the CRM API (own scope and error envelope) and the console's per-chat CRM view. */
export function registerCrmRoutes(app: FastifyInstance, deps: CrmRouteDeps): void {
  const { crm } = deps;
  // A transcript can outgrow the chat APIs' 64 KiB limit.
  const post = { bodyLimit: CRM_BODY_LIMIT };
  app.register(
    async (scope) => {
      guardCrmScope(scope, deps);

      scope.post('/interactions', post, async (request, reply) => {
        const { interaction, created } = crm.start(parseCrm(startBody, request.body));
        return reply.code(created ? 201 : 200).send({ interactionId: interaction.interactionId, created });
      });

      scope.post<IdParams>('/interactions/:id/switch', post, async (request) =>
        crm.switchTo(request.params.id, parseCrm(switchBody, request.body).idempotencyKey),
      );

      scope.post<IdParams>('/interactions/:id/end', post, async (request) =>
        crm.end(request.params.id, parseCrm(endBody, request.body)),
      );

      scope.post('/outcomes', post, async (request, reply) => {
        const { outcome, created } = crm.recordOutcome(parseCrm(outcomeBody, request.body));
        return reply.code(created ? 201 : 200).send({ outcomeId: outcome.outcomeId, created });
      });

      scope.get('/interactions', async (request) => ({ interactions: crm.list(parseCrm(listQuery, request.query).chatId) }));

      scope.get<IdParams>('/interactions/:id', async (request) => ({ interaction: crm.get(request.params.id) }));

      scope.get('/outcomes', async () => ({ outcomes: crm.outcomes() }));
    },
    { prefix: '/api/crm' },
  );
  registerAgentCrmRoute(app, deps);
}
