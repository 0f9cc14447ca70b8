/**
 * The GMS Chat API v2 dialect, REST mode (reference/protocols.md §3.1), under `/genesys`:
 * form-encoded requests, JSON replies of one shape, GMS error codes. The chat behind it is
 * an ordinary Sandbox chat, so agents answer it in the same console.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Availability } from '../engine/availability.ts';
import type { ChatEngine } from '../engine/chat-engine.ts';
import { Code, GwsError } from '../engine/errors.ts';
import { GmsChats } from '../engine/gms.ts';
import { UserData } from '../engine/user-data.ts';
import { allowExtensionOrigin, preflightHandler } from '../http/cors.ts';
import { parseWith } from '../http/envelope.ts';
import { acceptFormBodies, splitForm } from '../http/form.ts';
import { gmsFail, toGmsError } from '../http/gms-envelope.ts';
import type { OriginPolicy } from '../http/origin.ts';
import { DEFAULT_ENDPOINT } from './customer.ts';
import { credentialFields, positionFields, requestChatFields, requestChatNickname, sendFields } from './gms-schemas.ts';
import { userDataRecord } from './schemas.ts';

/** Operations after requestChat, by path suffix. */
export const GMS_OPERATIONS = ['send', 'startTyping', 'stopTyping', 'refresh', 'updateData', 'disconnect'] as const;
type GmsOperation = (typeof GMS_OPERATIONS)[number];

type ServiceParams = { Params: { serviceName: string } };
type OpParams = { Params: { serviceName: string; chatId: string; operation: string } };

// Wrapped so errors name the parameter: "Invalid parameter 'userData': …".
const userDataField = z.object({ userData: userDataRecord });
const parseUserData = (data: Record<string, string>) => parseWith(userDataField, { userData: data }).userData;

const SERVICE_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const checkService = (name: string) => {
  if (!SERVICE_NAME.test(name)) throw new GwsError(Code.Validation, `Service name '${name}' must be 1-100 letters, digits, '.', '_' or '-'.`);
};

/** Registers the GMS routes in their own scope (form parser, error envelope, CORS). */
export function registerGmsRoutes(app: FastifyInstance, deps: { engine: ChatEngine; availability: Availability; policy: OriginPolicy; vendorExact: boolean }): void {
  const { engine } = deps;
  const gms = new GmsChats(engine);
  const userData = new UserData(engine);
  app.register(async (scope) => {
    acceptFormBodies(scope);
    scope.setErrorHandler((err, _request, reply) => gmsFail(reply, toGmsError(err)));
    scope.setNotFoundHandler((request, reply) =>
      gmsFail(reply, new GwsError(Code.NotFound, `No such GMS route: ${request.method} ${request.url.split('?')[0]}`)));
    scope.addHook('onRequest', async (request, reply) => {
      allowExtensionOrigin(request, reply, deps.policy, 'GMS chat API');
      deps.policy.requireOwnHost(request.headers.host, 'GMS chat API'); // DNS rebinding
    });
    scope.options('/2/chat/*', preflightHandler('Content-Type', gmsFail));

    scope.post<ServiceParams>('/2/chat/:serviceName', async (request, reply) => {
      checkService(request.params.serviceName);
      const { fields, userData: data } = splitForm(request.body);
      const f = parseWith(requestChatFields, fields);
      const nick = requestChatNickname(f);
      // GMS hands these to the agent desktop as user data; explicit userData[...] entries win.
      const named = { FirstName: f.firstName, LastName: f.lastName, EmailAddress: f.emailAddress };
      const all = { ...Object.fromEntries(Object.entries(named).filter(([, v]) => v !== undefined)), ...data } as Record<string, string>;
      const queue = f.endpoint ?? DEFAULT_ENDPOINT;
      const userDataChecked = parseUserData(all);
      deps.availability.admitChatQueue(queue);
      const { chatId, credentials } = gms.start({ nickname: nick, subject: f.subject, queue, userData: userDataChecked });
      return reply.send(gms.reply(chatId, credentials, 1));
    });

    scope.post<OpParams>('/2/chat/:serviceName/:chatId/:operation', async (request, reply) => {
      const { serviceName, chatId, operation } = request.params;
      checkService(serviceName);
      if (!(GMS_OPERATIONS as readonly string[]).includes(operation)) {
        throw new GwsError(Code.NotFound, `Unknown GMS operation '${operation}'. Valid operations: ${GMS_OPERATIONS.join(', ')}.`);
      }
      const { fields, userData: data } = splitForm(request.body);
      const credentials = parseWith(credentialFields, fields);
      gms.authenticate(chatId, credentials);
      const position = run(operation as GmsOperation, chatId, fields, data);
      return reply.send(gms.reply(chatId, credentials, position));
    });
  }, { prefix: '/genesys' });

  /** Runs one operation; returns the transcript position to reply from (null: no messages). */
  function run(op: GmsOperation, chatId: string, fields: Record<string, string>, data: Record<string, string>): number | null {
    if (op === 'send') {
      const f = parseWith(sendFields, fields);
      engine.customerSend(chatId, f.message, f.clientMessageId);
      return f.transcriptPosition ?? null;
    }
    const { transcriptPosition } = parseWith(positionFields, fields);
    if (op === 'startTyping' || op === 'stopTyping') engine.customerTyping(chatId, op === 'startTyping');
    if (op === 'updateData') {
      if (Object.keys(data).length === 0) throw new GwsError(Code.MissingParameter, "Required parameter 'userData[…]' is missing: send at least one userData[key]=value.");
      userData.update(chatId, parseUserData(data));
    }
    // Disconnecting twice is fine: a retry after a lost reply must not fail.
    if (op === 'disconnect' && !engine.mustChat(chatId).ended) engine.complete(chatId);
    // refresh without a position returns the whole transcript.
    return transcriptPosition ?? (op === 'refresh' ? 1 : null);
  }
}
