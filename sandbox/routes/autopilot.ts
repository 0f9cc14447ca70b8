/**
 * The autopilot's API for the agent console (Sandbox extras, behind the agent guard: same
 * origin, loopback Host, an agent's Basic credentials). Scripts: list, read, store (validated,
 * every error with its line and field), validate without storing, delete, switch per queue,
 * and the shipped ready scripts. Chats: watch one, take one over. GWS envelope; a refused
 * script adds `errors: [{line, path, message, text}]` to it.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Autopilot } from '../autopilot/autopilot.ts';
import { type AutopilotScripts, ScriptRefused, templates } from '../autopilot/autopilot-scripts.ts';
import type { ScriptLibrary } from '../autopilot/library.ts';
import { parseScript } from '../autopilot/script-parse.ts';
import type { CheckContext } from '../autopilot/script-check.ts';
import { autopilotChat, autopilotStatus } from '../autopilot/status.ts';
import { takeOver } from '../autopilot/takeover.ts';
import { Code, GwsError } from '../engine/errors.ts';
import { bodyObject, httpStatusOf, ok, parseWith } from '../http/envelope.ts';
import type { OriginPolicy } from '../http/origin.ts';
import { type AgentCredential, agentOf, guardAgentScope } from './agent-guard.ts';
import { nickname } from './schemas.ts';

const sourceBody = z.object({ source: z.string({ error: 'must be the script (text)' }) });
const validateBody = z.object({ name: z.string().max(100).optional(), source: z.string({ error: 'must be the script (text)' }) });
const selectBody = z.object({ script: z.string({ error: 'must be a script name, or null for off' }).nullable() });
const takeOverBody = z.object({ nickname });

type Name = { Params: { name: string } };
type Queue = { Params: { queue: string } };
type Id = { Params: { id: string } };

/** Dependencies of the autopilot routes. */
export interface AutopilotRouteDeps {
  autopilot: Autopilot;
  scripts: AutopilotScripts;
  library: ScriptLibrary;
  context: () => CheckContext;
  policy: OriginPolicy;
  agents: readonly AgentCredential[];
}

/** A refused script's reply: the envelope plus every error. */
function refused(reply: FastifyReply, err: ScriptRefused): FastifyReply {
  const lines = err.lines();
  return reply.code(httpStatusOf(err)).send({ statusCode: err.code, statusMessage: err.message,
    errors: err.errors.map((e, i) => ({ ...e, text: lines[i] })) });
}

/** Registers the autopilot routes in a scope of their own, behind the agent guard. */
export function registerAutopilotRoutes(app: FastifyInstance, deps: AutopilotRouteDeps): void {
  const { autopilot, scripts, library } = deps;
  app.register(async (scope) => {
    guardAgentScope(scope, deps.policy, deps.agents);
    scope.get('/api/sandbox/autopilot', async (_request, reply) => ok(reply, autopilotStatus(autopilot, library, deps.context().queues)));
    scope.get('/api/sandbox/autopilot/templates', async (_request, reply) => ok(reply, { templates: templates() }));

    scope.get<Name>('/api/sandbox/autopilot/scripts/:name', async (request, reply) => {
      const script = library.script(request.params.name);
      if (!script) throw new GwsError(Code.NotFound, `No autopilot script named '${request.params.name}'.`);
      return ok(reply, { script });
    });
    scope.put<Name>('/api/sandbox/autopilot/scripts/:name', async (request, reply) => {
      const { source } = parseWith(sourceBody, bodyObject(request.body));
      try {
        return ok(reply, { script: scripts.save({ name: request.params.name, source }) });
      } catch (err) {
        if (err instanceof ScriptRefused) return refused(reply, err);
        throw err;
      }
    });
    scope.delete<Name>('/api/sandbox/autopilot/scripts/:name', async (request, reply) => {
      scripts.remove(request.params.name);
      return ok(reply);
    });
    // Checks a script without storing it (the editor's Validate).
    scope.post('/api/sandbox/autopilot/validate', async (request, reply) => {
      const { name, source } = parseWith(validateBody, bodyObject(request.body));
      const parsed = parseScript(source, deps.context());
      if (parsed.ok) return ok(reply, { errors: [], queue: parsed.script.queue });
      return refused(reply, new ScriptRefused(name || 'script', parsed.errors));
    });
    scope.post<Queue>('/api/sandbox/autopilot/queues/:queue', async (request, reply) => {
      const { script } = parseWith(selectBody, bodyObject(request.body));
      try {
        return ok(reply, { queue: scripts.select(request.params.queue, script) });
      } catch (err) {
        if (err instanceof ScriptRefused) return refused(reply, err);
        throw err;
      }
    });

    scope.get<Id>('/api/sandbox/autopilot/chats/:id', async (request, reply) => {
      const chat = autopilotChat(autopilot, request.params.id);
      if (!chat) throw new GwsError(Code.NotFound, `The autopilot has not been in chat '${request.params.id}'.`);
      return ok(reply, { chat });
    });
    scope.post<Id>('/api/sandbox/autopilot/chats/:id/takeover', async (request, reply) => {
      takeOver(autopilot, request.params.id, agentOf(request), parseWith(takeOverBody, bodyObject(request.body)).nickname);
      return ok(reply);
    });
  });
}
