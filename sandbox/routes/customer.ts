/**
 * The GWS Customer Chat API v2 dialect (reference/protocols.md §1): RequestChat, GetChat,
 * GetMessages and the per-chat operations. What a real GWS server would accept, the
 * Sandbox accepts; its extras (`chat.ended`, `chatEnded`, `utcTime`, `clientMessageId`,
 * long-poll, user data operations, queue availability) are additions a client may ignore,
 * and vendor-exact mode turns them all off (customer-view.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { Availability } from '../engine/availability.ts';
import type { ChatEngine } from '../engine/chat-engine.ts';
import { UserData } from '../engine/user-data.ts';
import { Code, GwsError } from '../engine/errors.ts';
import { GmsChats } from '../engine/gms.ts';
import { CUSTOMER_OPERATIONS, GWS_CUSTOMER_OPERATIONS } from '../engine/types.ts';
import { bodyObject, ok, operationOf, parseWith } from '../http/envelope.ts';
import type { LongPolls } from '../http/long-poll.ts';
import type { OriginPolicy } from '../http/origin.ts';
import { guardCustomerScope } from './customer-guard.ts';
import { chatView, type CustomerExtras, messagesView } from './customer-view.ts';
import { registerQueueRoutes } from './queues.ts';
import { messagesQuery, requestChatBody, sendMessageBody } from './schemas.ts';
import { deleteUserDataBody, updateUserDataBody, userDataQuery } from './user-data-schemas.ts';

/** Queue used when RequestChat names no `endpoint`. */
export const DEFAULT_ENDPOINT = 'Default';

type IdParams = { Params: { id: string } };

/** Registers the customer routes in their own scope (so the guard applies only to them). */
export function registerCustomerRoutes(
  app: FastifyInstance,
  deps: { engine: ChatEngine; availability: Availability; longPolls: LongPolls; policy: OriginPolicy; contactCenterId: string } & CustomerExtras,
): void {
  const { engine } = deps;
  const extras: CustomerExtras = { vendorExact: deps.vendorExact, longPoll: deps.longPoll && !deps.vendorExact };
  const operations = deps.vendorExact ? GWS_CUSTOMER_OPERATIONS : CUSTOMER_OPERATIONS;
  const userData = new UserData(engine);
  const gms = new GmsChats(engine);
  app.register(async (scope) => {
    guardCustomerScope(scope, deps.policy, deps.contactCenterId, extras.longPoll);
    // Before the body is read: a chat started through GMS is opened by its GMS credentials only.
    scope.addHook('onRequest', async (request) => {
      const { id } = request.params as { id?: string };
      if (id === undefined) return;
      gms.refuseOtherDialect(id);
      // A stock server forgets a chat its customer completed: the documented answer is code 6.
      if (deps.vendorExact && engine.repo.customerLeft(id) === true) throw new GwsError(Code.NotFound, `Chat '${id}' does not exist.`);
    });
    // Queue availability is a Sandbox extra: a stock server has no such route (404 / code 6).
    if (!deps.vendorExact) registerQueueRoutes(scope, deps.availability);

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
      return ok(reply, { chat: chatView(engine.getChat(request.params.id), extras) });
    });

    scope.get<IdParams>('/api/v2/chats/:id/messages', async (request, reply) => {
      const { index, wait } = parseWith(messagesQuery, request.query);
      if (!wait || !extras.longPoll) return ok(reply, messagesView(engine.readMessages(request.params.id, index), extras));
      const result = await deps.longPolls.wait(request.params.id, index, wait, reply.raw);
      // The client went away mid-wait: there is nobody to answer.
      if (result === null) return reply.hijack();
      return ok(reply, messagesView(result, extras));
    });

    scope.post<IdParams>('/api/v2/chats/:id', async (request, reply) => {
      const body = bodyObject(request.body);
      const id = request.params.id;
      switch (operationOf(body, operations)) {
        case 'SendMessage': {
          const { text, clientMessageId } = parseWith(sendMessageBody, body);
          // The clientMessageId dedupe is a Sandbox extra: a stock server stores every SendMessage.
          engine.customerSend(id, text, deps.vendorExact ? undefined : clientMessageId);
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

    // Customer-side user data reads are a Sandbox extra (seed 002's getUserData): absent in vendor-exact mode.
    if (!deps.vendorExact) {
      scope.get<IdParams>('/api/v2/chats/:id/userdata', async (request, reply) => {
        const { keys } = parseWith(userDataQuery, request.query);
        return ok(reply, { userData: userData.get(request.params.id, keys) });
      });
    }
  });
}
