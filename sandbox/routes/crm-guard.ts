/**
 * The gate in front of the Sandbox CRM API (`/api/crm/*`), run in `onRequest` before the body
 * is read: CORS as for the customer chat API (browser extensions get it, other web origins
 * are refused), a loopback Host (so a DNS-rebinding page cannot borrow the demo token), and
 * `Authorization: Bearer <token>`. Also gives the scope the CRM's error envelope for every
 * failure, unknown routes included.
 */
import type { FastifyInstance } from 'fastify';
import { CrmError, sendCrmError, toCrmError } from '../crm/errors.ts';
import { checkBearer } from '../crm/token.ts';
import { allowExtensionOrigin, preflightHandler } from '../http/cors.ts';
import type { OriginPolicy } from '../http/origin.ts';

/** Installs the guard, preflights, error and not-found handlers on the (prefixed) CRM scope. */
export function guardCrmScope(scope: FastifyInstance, deps: { policy: OriginPolicy; token: string; quiet?: boolean }): void {
  scope.addHook('onRequest', async (request, reply) => {
    allowExtensionOrigin(request, reply, deps.policy, 'Sandbox CRM API');
    deps.policy.requireOwnHost(request.headers.host, 'Sandbox CRM API'); // code 3 → 403 'forbidden' (toCrmError)
    if (request.method === 'OPTIONS') return; // preflights never carry credentials
    if (!checkBearer(request.headers.authorization, deps.token)) {
      reply.header('WWW-Authenticate', 'Bearer realm="Beckon Sandbox CRM"');
      throw new CrmError(401, 'unauthorized', 'Send Authorization: Bearer <token> with the Sandbox CRM token (printed by `npm run sandbox`).');
    }
  });

  scope.options('/*', preflightHandler('Authorization, Content-Type', (reply, err) => sendCrmError(reply, toCrmError(err))));

  scope.setErrorHandler((err, _request, reply) => {
    const crm = toCrmError(err);
    if (crm.code === 'internal' && !deps.quiet) console.error('[sandbox] CRM internal error:', err);
    return sendCrmError(reply, crm);
  });
  scope.setNotFoundHandler((request, reply) =>
    sendCrmError(reply, new CrmError(404, 'not_found', `No such route: ${request.method} ${request.url.split('?')[0]}`)),
  );
}
