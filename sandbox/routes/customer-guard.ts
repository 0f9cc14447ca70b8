/**
 * The gate in front of the Customer Chat API: CORS for browser extensions, and the
 * ContactCenterId header GWS requires on every customer request. It runs in `onRequest`,
 * before the body is even read, so a refused request cannot change anything.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Code, GwsError } from '../engine/errors.ts';
import { fail } from '../http/envelope.ts';
import type { OriginPolicy } from '../http/origin.ts';

/** How long a browser may cache a successful preflight, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/** Installs the guard and preflight handlers on the scope holding the customer routes. */
export function guardCustomerScope(scope: FastifyInstance, policy: OriginPolicy, contactCenterId: string): void {
  scope.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (policy.isExtension(origin)) {
        reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
      } else if (!policy.isOwn(origin)) {
        throw new GwsError(Code.Forbidden, `Origin '${origin}' may not call the customer chat API.`);
      }
    }
    if (request.method === 'OPTIONS') return;
    if (request.headers.authorization !== undefined) {
      throw new GwsError(Code.Forbidden, 'Customer chat requests must not carry an Authorization header.');
    }
    if (request.headers.contactcenterid !== contactCenterId) {
      throw new GwsError(Code.Forbidden, 'ContactCenterId header is missing or does not match this contact center.');
    }
  });

  const preflight = async (request: FastifyRequest, reply: FastifyReply) => {
    // The onRequest hook already refused foreign origins; a preflight needs an Origin at all.
    if (request.headers.origin === undefined) {
      return fail(reply, new GwsError(Code.Forbidden, 'A CORS preflight must carry an Origin header.'));
    }
    return reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'GET, POST')
      .header('Access-Control-Allow-Headers', 'Content-Type, ContactCenterId')
      .header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE))
      .send();
  };
  scope.options('/api/v2/chats', preflight);
  scope.options('/api/v2/chats/*', preflight);
}
