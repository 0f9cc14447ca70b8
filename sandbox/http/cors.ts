/**
 * CORS for the customer-facing dialects (GWS and GMS): browser extensions get
 * `Access-Control-Allow-Origin`, the Sandbox's own pages need none, and every other web
 * origin is refused before anything is read.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Code, GwsError } from '../engine/errors.ts';
import type { OriginPolicy } from './origin.ts';

/** How long a browser may cache a successful preflight, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

/**
 * Adds CORS headers for an extension Origin (exposing `exposed` response headers), or
 * throws code 3 for a foreign one. `api` names the API in the error message.
 */
export function allowExtensionOrigin(request: FastifyRequest, reply: FastifyReply, policy: OriginPolicy, api: string, exposed?: string): void {
  const origin = request.headers.origin;
  if (origin === undefined || policy.isOwn(origin)) return;
  if (!policy.isExtension(origin)) throw new GwsError(Code.Forbidden, `Origin '${origin}' may not call the ${api}.`);
  reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
  if (exposed) reply.header('Access-Control-Expose-Headers', exposed);
}

/**
 * A preflight handler allowing GET/POST with `allowHeaders`. Run allowExtensionOrigin
 * first (in onRequest); a preflight without any Origin is refused with `fail`'s envelope.
 */
export function preflightHandler(allowHeaders: string, fail: (reply: FastifyReply, err: GwsError) => FastifyReply) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.headers.origin === undefined) {
      return fail(reply, new GwsError(Code.Forbidden, 'A CORS preflight must carry an Origin header.'));
    }
    return reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'GET, POST')
      .header('Access-Control-Allow-Headers', allowHeaders)
      .header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE))
      .send();
  };
}
