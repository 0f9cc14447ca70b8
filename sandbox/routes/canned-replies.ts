/**
 * The console's canned replies (Sandbox extras, behind the agent guard): list, create, edit,
 * delete, export as a JSON file, import one. GWS envelope; a refused import adds
 * `errors: [{path, message}]`, each naming the field (`replies[3].text`).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formatPath } from '../autopilot/script-parse.ts';
import type { CannedReplies } from '../canned/canned-replies.ts';
import { cannedExport, cannedReplyBody } from '../canned/schemas.ts';
import { Code, GwsError } from '../engine/errors.ts';
import { bodyObject, httpStatusOf, ok, parseWith } from '../http/envelope.ts';
import type { OriginPolicy } from '../http/origin.ts';
import { type AgentCredential, guardAgentScope } from './agent-guard.ts';

type Id = { Params: { id: string } };
type Mode = { Querystring: { mode?: string } };

/** An export file is larger than the chat APIs' 64 KiB bodies: up to 500 replies of 4000 characters. */
const IMPORT_LIMIT = 4 * 1024 * 1024;
const modeQuery = z.object({ mode: z.enum(['merge', 'replace'], { error: "must be 'merge' or 'replace'" }).default('merge') });

const idOf = (id: string): number => {
  if (!/^[1-9]\d{0,9}$/.test(id)) throw new GwsError(Code.NotFound, `No canned reply with id ${JSON.stringify(id)}.`);
  return Number(id);
};

/** Registers the canned reply routes in a scope of their own, behind the agent guard. */
export function registerCannedReplyRoutes(app: FastifyInstance, deps: { canned: CannedReplies; policy: OriginPolicy; agents: readonly AgentCredential[] }): void {
  const { canned } = deps;
  app.register(async (scope) => {
    guardAgentScope(scope, deps.policy, deps.agents);
    scope.get('/api/sandbox/canned-replies', async (_request, reply) => ok(reply, { replies: canned.list() }));
    scope.post('/api/sandbox/canned-replies', async (request, reply) => {
      const { shortcut, text } = parseWith(cannedReplyBody, bodyObject(request.body));
      return ok(reply, { reply: canned.create(shortcut, text) });
    });
    scope.put<Id>('/api/sandbox/canned-replies/:id', async (request, reply) => {
      const id = idOf(request.params.id);
      const { shortcut, text } = parseWith(cannedReplyBody, bodyObject(request.body));
      return ok(reply, { reply: canned.update(id, shortcut, text) });
    });
    scope.delete<Id>('/api/sandbox/canned-replies/:id', async (request, reply) => {
      canned.remove(idOf(request.params.id));
      return ok(reply);
    });
    // The file itself (no envelope), as import takes it back.
    scope.get('/api/sandbox/canned-replies/export', async (_request, reply) =>
      reply.header('Content-Disposition', 'attachment; filename="canned-replies.json"').header('Cache-Control', 'no-store').send(canned.exportAll()));
    scope.post<Mode>('/api/sandbox/canned-replies/import', { bodyLimit: IMPORT_LIMIT }, async (request, reply) => {
      const { mode } = parseWith(modeQuery, request.query);
      const parsed = cannedExport.safeParse(request.body);
      if (!parsed.success) {
        const errors = parsed.error.issues.map((i) => i.code === 'unrecognized_keys'
          ? { path: formatPath([...i.path, i.keys[0]!]), message: `unknown field '${i.keys[0]}'` }
          : { path: formatPath(i.path) || 'file', message: i.message });
        const first = `${errors[0]!.path}: ${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`;
        const err = new GwsError(Code.Validation, `The file is not a canned replies export: ${first}`);
        return reply.code(httpStatusOf(err)).send({ statusCode: err.code, statusMessage: err.message, errors });
      }
      canned.importAll(parsed.data, mode);
      return ok(reply, { imported: parsed.data.replies.length, replies: canned.list() });
    });
  });
}
