/**
 * The GWS Customer Chat API v2 dialect (reference/protocols.md §1): RequestChat, GetChat,
 * GetMessages and the per-chat operations. What a real GWS server would accept, the
 * Sandbox accepts; its extras (`chat.ended`, `chatEnded`, `utcTime`, `clientMessageId`,
 * long-poll, user data operations) are additions a client may ignore.
 */
import type { FastifyInstance } from 'fastify';
import type { Availability } from '../engine/availability.ts';
import type { ChatEngine } from '../engine/chat-engine.ts';
import { UserData } from '../engine/user-data.ts';
import { Code, GwsError } from '../engine/errors.ts';
import { GmsChats } from '../engine/gms.ts';
import { CUSTOMER_OPERATIONS } from '../engine/types.ts';
import { bodyObject, ok, operationOf, parseWith } from '../http/envelope.ts';
import type { LongPolls } from '../http/long-poll.ts';
import type { OriginPolicy } from '../http/origin.ts';
import { guardCustomerScope } from './customer-guard.ts';
import { registerQueueRoutes } from './queues.ts';
import { messagesQuery, requestChatBody, sendMessageBody } from './schemas.ts';
import { deleteUserDataBody, updateUserDataBody, userDataQuery } from './user-data-schemas.ts';

/** Queue used when RequestChat names no `endpoint`. */
export const DEFAULT_ENDPOINT = 'Default';

type IdParams = { Params: { id: string } };

/** Registers the customer routes in their own scope (so the guard applies only to them). */
export function registerCustomerRoutes(
  app: FastifyInstance,
  deps: { engine: ChatEngine; availability: Availability; longPolls: LongPolls; policy: OriginPolicy; contactCenterId: string; longPoll: boolean },
): void {
  const { engine } = deps;
  const userData = new UserData(engine);
  const gms = new GmsChats(engine);
  app.register(async (scope) => {
    guardCustomerScope(scope, deps.policy, deps.contactCenterId, deps.longPoll);
    // Before the body is read: a chat started through GMS is opened by its GMS credentials only.
    scope.addHook('onRequest', async (request) => {
      const { id } = request.params as { id?: string };
      if (id !== undefined) gms.refuseOtherDialect(id);
    });
    registerQueueRoutes(scope, deps.availability);

    scope.post('/api/v2/chats', async (request, reply) => {
      const body = bodyObject(request.body);
      // Real GWS clients send operationName "RequestChat"; tolerate its absence, refuse others.
      if (body.operationName !== undefined && body.operationName !== 'RequestChat') {
        throw new GwsError(Code.Validation, `Unknown operationName '${String(body.operationName)}' for ${request.url}. Valid operations: RequestChat.`);
      }
      const input = parseWith(requestChatBody, body);
      const queue = input.endpoint ?? DEFAULT_ENDPOINT;
      deps.availability.admitChatQueue(queue);
      const id = engine.requestChat({ nickname: input.nickname, subject: input.subject, queue, userData: input.userData ?? {} });
      return ok(reply, { id, path: `/api/v2/chats/${id}` });
    });

    scope.get<IdParams>('/api/v2/chats/:id', async (request, reply) => {
      const chat = engine.getChat(request.params.id);
      // Without the long-poll extra (startSandbox({ longPoll: false })), GetChat does not offer it.
      return ok(reply, { chat: deps.longPoll ? chat : { ...chat, capabilities: chat.capabilities.filter((c) => c !== 'LongPoll') } });
    });

    scope.get<IdParams>('/api/v2/chats/:id/messages', async (request, reply) => {
      const { index, wait } = parseWith(messagesQuery, request.query);
      if (!wait || !deps.longPoll) return ok(reply, engine.readMessages(request.params.id, index));
      const result = await deps.longPolls.wait(request.params.id, index, wait, reply.raw);
      // The client went away mid-wait: there is nobody to answer.
      if (result === null) return reply.hijack();
      return ok(reply, result);
    });

    scope.post<IdParams>('/api/v2/chats/:id', async (request, reply) => {
      const body = bodyObject(request.body);
      const id = request.params.id;
      switch (operationOf(body, CUSTOMER_OPERATIONS)) {
        case 'SendMessage': {
          const { text, clientMessageId } = parseWith(sendMessageBody, body);
          engine.customerSend(id, text, clientMessageId);
          break;
        }
        case 'SendStartTypingNotification':
          engine.customerTyping(id, true);
          break;
        case 'SendStopTypingNotification':
          engine.customerTyping(id, false);
          break;
        case 'Complete':
          engine.complete(id);
          break;
        case 'UpdateUserData':
          userData.update(id, parseWith(updateUserDataBody, body).userData);
          break;
        case 'DeleteUserData':
          userData.delete(id, parseWith(deleteUserDataBody, body).keys);
          break;
      }
      return ok(reply);
    });

    scope.get<IdParams>('/api/v2/chats/:id/userdata', async (request, reply) => {
      const { keys } = parseWith(userDataQuery, request.query);
      return ok(reply, { userData: userData.get(request.params.id, keys) });
    });
  });
}
