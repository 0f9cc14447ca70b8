/**
 * The gate in front of the agent API: same-origin only, a loopback Host, and HTTP Basic
 * credentials checked in constant time. A failed login answers 401 without a
 * `WWW-Authenticate: Basic` challenge, so browsers never pop their own login dialog over
 * the console.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Code, GwsError } from '../engine/errors.ts';
import type { OriginPolicy } from '../http/origin.ts';

/** A configured agent login. */
export interface AgentCredential {
  name: string;
  password: string;
}

const agents = new WeakMap<FastifyRequest, string>();

/** The authenticated agent name of a request that passed the guard. */
export function agentOf(request: FastifyRequest): string {
  const name = agents.get(request);
  if (name === undefined) throw new GwsError(Code.NotAuthenticated, 'Not authenticated');
  return name;
}

// Hashing first gives equal-length buffers, which timingSafeEqual requires.
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Returns the agent name if the Authorization header holds valid Basic credentials. */
export function checkBasic(header: string | undefined, credentials: readonly AgentCredential[]): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const name = decoded.slice(0, colon);
  const given = digest(decoded.slice(colon + 1));
  // Compare against a dummy when the name is unknown so timing does not reveal valid names.
  const known = credentials.find((c) => c.name === name);
  const equal = timingSafeEqual(given, digest(known?.password ?? '\u0000no-such-agent'));
  return known && equal ? known.name : null;
}

/** Installs the guard on the scope holding the agent routes. */
export function guardAgentScope(scope: FastifyInstance, policy: OriginPolicy, credentials: readonly AgentCredential[]): void {
  scope.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (origin !== undefined && !policy.isOwn(origin)) {
      throw new GwsError(Code.Forbidden, 'Cross-origin requests to the agent API are not allowed.');
    }
    policy.requireOwnHost(request.headers.host, 'agent API');
    const name = checkBasic(request.headers.authorization, credentials);
    if (name === null) throw new GwsError(Code.NotAuthenticated, 'Not authenticated');
    agents.set(request, name);
  });
}
