/**
 * The gate in front of the Customer Chat API: CORS for browser extensions, a loopback Host
 * (DNS rebinding), and the ContactCenterId header GWS requires on every customer request. It runs in `onRequest`,
 * before the body is even read, so a refused request cannot change anything.
 */
import type { FastifyInstance } from 'fastify';
import { Code, GwsError } from '../engine/errors.ts';
import { allowExtensionOrigin, preflightHandler } from '../http/cors.ts';
import { fail } from '../http/envelope.ts';
import { LONG_POLL_MAX_MS } from '../http/long-poll.ts';
import type { OriginPolicy } from '../http/origin.ts';

/** Installs the guard and preflight handlers on the scope holding the customer routes. */
export function guardCustomerScope(scope: FastifyInstance, policy: OriginPolicy, contactCenterId: string, longPoll = true): void {
  scope.addHook('onRequest', async (request, reply) => {
    // Advertises the long-poll extra (unless turned off) on every reply, errors included, so a client learns it from any call.
    if (longPoll) reply.header('X-Beckon-LongPoll', String(LONG_POLL_MAX_MS));
    allowExtensionOrigin(request, reply, policy, 'customer chat API', longPoll ? 'X-Beckon-LongPoll' : undefined);
    policy.requireOwnHost(request.headers.host, 'customer chat API');
    if (request.method === 'OPTIONS') return;
    if (request.headers.authorization !== undefined) {
      throw new GwsError(Code.Forbidden, 'Customer chat requests must not carry an Authorization header.');
    }
    if (request.headers.contactcenterid !== contactCenterId) {
      throw new GwsError(Code.Forbidden, 'ContactCenterId header is missing or does not match this contact center.');
    }
  });

  const preflight = preflightHandler('Content-Type, ContactCenterId', fail);
  scope.options('/api/v2/chats', preflight);
  scope.options('/api/v2/chats/*', preflight);
  scope.options('/api/v2/queues/*', preflight);
}
