/**
 * The GMS Chat API v2 dialect, REST mode (reference/protocols.md §3.1), under `/genesys`:
 * form-encoded or multipart requests, JSON replies of one shape, GMS errors (statusCode 1/2 in
 * HTTP 200, an `errors` list for requests that cannot be processed). The chat behind it is an
 * ordinary Sandbox chat, so agents answer it in the same console. File routes: gms-files.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Availability } from '../engine/availability.ts';
import type { ChatEngine } from '../engine/chat-engine.ts';
import { Code, GwsError } from '../engine/errors.ts';
import { type GmsCredentials, GmsChats } from '../engine/gms.ts';
import { GmsOperations } from '../engine/gms-operations.ts';
import { UserData } from '../engine/user-data.ts';
import type { ChatFiles } from '../files/chat-files.ts';
import { allowExtensionOrigin, preflightHandler } from '../http/cors.ts';
import { parseWith } from '../http/envelope.ts';
import { acceptFormBodies } from '../http/form.ts';
import { gmsFail } from '../http/gms-envelope.ts';
import { acceptMultipart, readForm } from '../http/multipart-form.ts';
import type { OriginPolicy } from '../http/origin.ts';
import { DEFAULT_ENDPOINT } from './customer.ts';
import { type GmsContext, registerGmsFileRoutes } from './gms-files.ts';
import {
  checkService, credentialFields, nicknameFields, noticeFields, parseUserData, positionFields, pushUrlFields, requestChatFields,
  requestChatNickname, sendFields,
} from './gms-schemas.ts';

/** Operations after requestChat, by path suffix (the file operations have their own paths). */
export const GMS_OPERATIONS = ['send', 'startTyping', 'stopTyping', 'refresh', 'updateData', 'updateNickname', 'customNotice', 'pushUrl', 'disconnect'] as const;
type GmsOperation = (typeof GMS_OPERATIONS)[number];

type ServiceParams = { Params: { serviceName: string } };
type OpParams = { Params: { serviceName: string; chatId: string; operation: string } };

/** Registers the GMS routes in their own scope (form parsers, error envelope, CORS). */
export function registerGmsRoutes(
  app: FastifyInstance,
  deps: { engine: ChatEngine; availability: Availability; policy: OriginPolicy; vendorExact: boolean; files: ChatFiles; quiet?: boolean },
): void {
  const { engine, vendorExact } = deps;
  const gms = new GmsChats(engine, vendorExact);
  const ops = new GmsOperations(engine);
  const userData = new UserData(engine);
  const session = (chatId: string, fields: Record<string, string>): GmsCredentials => {
    const credentials = parseWith(credentialFields, fields);
    gms.authenticate(chatId, credentials);
    return credentials;
  };
  const ended = (chatId: string, credentials: GmsCredentials, fields: Record<string, string>, otherwise: number | null = null) =>
    gms.reply(chatId, credentials, parseWith(positionFields, fields).transcriptPosition ?? otherwise, 2);
  const ctx: GmsContext = { engine, gms, files: deps.files, session, ended };
  const chatIdOf = (request: FastifyRequest) => (request.params as { chatId?: string } | undefined)?.chatId;

  app.register(async (scope) => {
    acceptFormBodies(scope);
    await acceptMultipart(scope);
    scope.setErrorHandler((err, request, reply) => {
      if (!deps.quiet && !(err instanceof GwsError) && (err as { statusCode?: number }).statusCode === undefined) console.error('[sandbox] GMS error:', err);
      return gmsFail(reply, err, { chatId: chatIdOf(request), vendorExact });
    });
    scope.setNotFoundHandler((request, reply) =>
      gmsFail(reply, new GwsError(Code.NotFound, `No such GMS route: ${request.method} ${request.url.split('?')[0]}`), { vendorExact }));
    scope.addHook('onRequest', async (request, reply) => {
      allowExtensionOrigin(request, reply, deps.policy, 'GMS chat API');
      deps.policy.requireOwnHost(request.headers.host, 'GMS chat API'); // DNS rebinding
    });
    scope.options('/2/chat/*', preflightHandler('Content-Type', (reply, err) => gmsFail(reply, err, { vendorExact })));

    scope.post<ServiceParams>('/2/chat/:serviceName', async (request, reply) => {
      checkService(request.params.serviceName);
      const { fields, userData: data } = await readForm(request);
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
        throw new GwsError(Code.NotFound, `Unknown GMS operation '${operation}'. Valid operations: ${GMS_OPERATIONS.join(', ')}, file, file/limits, file/{fileId}/download, file/{fileId}/delete.`);
      }
      const { fields, userData: data } = await readForm(request);
      const credentials = session(chatId, fields);
      const op = operation as GmsOperation;
      // Documented: statusCode 2, read chatEnded. The messages still come, so none is lost.
      if (op !== 'disconnect' && engine.mustChat(chatId).ended) return reply.send(ended(chatId, credentials, fields, op === 'refresh' ? 1 : null));
      const position = run(op, chatId, fields, data);
      return reply.send(gms.reply(chatId, credentials, position));
    });

    registerGmsFileRoutes(scope, ctx);
  }, { prefix: '/genesys' });

  /** Runs one operation on an open chat (disconnect: any chat); returns the transcript position to reply from (null: no messages). */
  function run(op: GmsOperation, chatId: string, fields: Record<string, string>, data: Record<string, string>): number | null {
    switch (op) {
      case 'send': {
        const f = parseWith(sendFields, fields);
        // The clientMessageId dedupe is a Sandbox extra: a stock server stores every send.
        engine.customerSend(chatId, f.message, vendorExact ? undefined : f.clientMessageId);
        return f.transcriptPosition ?? null;
      }
      case 'updateNickname': {
        const f = parseWith(nicknameFields, fields);
        ops.updateNickname(chatId, f.nickname);
        return f.transcriptPosition ?? null;
      }
      case 'customNotice': {
        const f = parseWith(noticeFields, fields);
        ops.customNotice(chatId, f.message);
        return f.transcriptPosition ?? null;
      }
      case 'pushUrl': {
        const f = parseWith(pushUrlFields, fields);
        ops.pushUrl(chatId, f.pushUrl);
        return f.transcriptPosition ?? null;
      }
      default:
    }
    const { transcriptPosition } = parseWith(positionFields, fields);
    if (op === 'startTyping' || op === 'stopTyping') engine.customerTyping(chatId, op === 'startTyping');
    if (op === 'updateData') {
      if (Object.keys(data).length === 0) throw new GwsError(Code.MissingParameter, "Required parameter 'userData[…]' is missing: send at least one userData[key]=value.");
      userData.update(chatId, parseUserData(data));
    }
    // Disconnecting twice is fine: a retry after a lost reply must not fail. After an agent
    // ended the chat, the customer still leaves it.
    if (op === 'disconnect' && !engine.customerLeft(chatId)) engine.complete(chatId);
    // refresh without a position returns the whole transcript.
    return transcriptPosition ?? (op === 'refresh' ? 1 : null);
  }
}
