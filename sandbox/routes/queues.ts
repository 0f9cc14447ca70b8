/**
 * Queue availability for customers (a Sandbox extra; a real GWS server has no such route,
 * so clients treat its absence as "unknown"): how many agents are Ready on each queue, so
 * the extension can hold back a proactive offer nobody could answer. Registered inside
 * the customer scope, so the ContactCenterId and CORS rules of the customer API apply.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Availability } from '../engine/availability.ts';
import { ok, parseWith } from '../http/envelope.ts';
import { queueName } from './schemas.ts';

const nameParams = z.object({ name: queueName });

/** Registers `GET /api/v2/queues/availability` and `GET /api/v2/queues/{name}/availability`. */
export function registerQueueRoutes(scope: FastifyInstance, availability: Availability): void {
  scope.get('/api/v2/queues/availability', async (_request, reply) => ok(reply, { queues: availability.all() }));

  scope.get('/api/v2/queues/:name/availability', async (request, reply) => {
    const { name } = parseWith(nameParams, request.params);
    return ok(reply, { queue: availability.one(name) });
  });
}
