/**
 * `GET|POST /api/sandbox/faults`: reads and sets the fault injector (http/faults.ts). Only
 * registered when the Sandbox starts with faults on. Like the agent API it answers only its
 * own origin under a loopback Host, and sends no CORS headers: a web page cannot break the
 * demo, and neither can the extension.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { Code, GwsError } from '../engine/errors.ts';
import { bodyObject, ok, parseWith } from '../http/envelope.ts';
import { FAULT_MODES, FAULT_PATHS, type FaultInjector } from '../http/faults.ts';
import type { OriginPolicy } from '../http/origin.ts';

/** The control route. */
export const FAULTS_PATH = '/api/sandbox/faults';

const faultBody = z
  .object({
    mode: z.enum(FAULT_MODES, { error: `must be one of ${FAULT_MODES.join(', ')}` }),
    /** The fault ends by itself after this long; absent: until reset with mode "none". */
    forMs: z.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be at least 1').max(3_600_000, 'must be at most 3600000').optional(),
    /** Which API: "customer" (both chat dialects, default), "gws", "gms", or "crm" (the CRM API alone). */
    paths: z.enum(FAULT_PATHS, { error: `must be one of ${FAULT_PATHS.join(', ')}` }).optional(),
    /** timeout mode: the longest a request is held before a 504 (default 20000). */
    holdMs: z.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be at least 1').max(120_000, 'must be at most 120000').optional(),
  })
  .strict();

/** Registers the control route in its own scope, behind a same-origin, loopback-Host guard. */
export function registerFaultRoutes(app: FastifyInstance, deps: { faults: FaultInjector; policy: OriginPolicy }): void {
  const { faults, policy } = deps;
  const current = (reply: FastifyReply) => ok(reply, { fault: faults.state(), counts: faults.counts() });
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      const origin = request.headers.origin;
      if (origin !== undefined && !policy.isOwn(origin)) {
        throw new GwsError(Code.Forbidden, 'Cross-origin requests to the fault injector are not allowed.');
      }
      policy.requireOwnHost(request.headers.host, 'fault injector');
    });
    scope.get(FAULTS_PATH, async (_request, reply) => current(reply));
    scope.post(FAULTS_PATH, async (request, reply) => {
      const { mode, ...opts } = parseWith(faultBody, bodyObject(request.body));
      faults.set(mode, opts);
      return current(reply);
    });
  });
}
