/**
 * The GWS Customer Chat API v2 dialect (reference/protocols.md §1): RequestChat, GetChat,
 * GetMessages and the per-chat operations. What a real GWS server would accept, the
 * Sandbox accepts; its extras (`chat.ended`, `chatEnded`, `utcTime`, `clientMessageId`)
 * are additions a client may ignore.
 */
import type { FastifyInstance } from 'fastify';
import type { ChatEngine } from '../engine/chat-engine.ts';
import { Code, GwsError } from '../engine/errors.ts';
import { CUSTOMER_OPERATIONS } from '../engine/types.ts';
import { bodyObject, ok, operationOf, parseWith } from '../http/envelope.ts';
import type { OriginPolicy } from '../http/origin.ts';
import { guardCustomerScope } from './customer-guard.ts';
import { indexQuery, requestChatBody, sendMessageBody } from './schemas.ts';

/** Queue used when RequestChat names no `endpoint`. */
export const DEFAULT_ENDPOINT = 'Default';

type IdParams = { Params: { id: string } };

/** Registers the customer routes in their own scope (so the guard applies only to them). */
export function registerCustomerRoutes(
  app: FastifyInstance,
  deps: { engine: ChatEngine; policy: OriginPolicy; contactCenterId: string },
): void {
  const { engine } = deps;
  app.register(async (scope) => {
    guardCustomerScope(scope, deps.policy, deps.contactCenterId);

    scope.post('/api/v2/chats', async (request, reply) => {
      const body = bodyObject(request.body);
      // Real GWS clients send operationName "RequestChat"; tolerate its absence, refuse others.
      if (body.operationName !== undefined && body.operationName !== 'RequestChat') {
        throw new GwsError(Code.Validation, `Unknown operationName '${String(body.operationName)}' for ${request.url}. Valid operations: RequestChat.`);
      }
      const input = parseWith(requestChatBody, body);
      const id = engine.requestChat({
        nickname: input.nickname,
        subject: input.subject,
        queue: input.endpoint ?? DEFAULT_ENDPOINT,
        userData: input.userData ?? {},
      });
      return ok(reply, { id, path: `/api/v2/chats/${id}` });
    });

    scope.get<IdParams>('/api/v2/chats/:id', async (request, reply) =>
      ok(reply, { chat: engine.getChat(request.params.id) }),
    );

    scope.get<IdParams>('/api/v2/chats/:id/messages', async (request, reply) => {
      const { index } = parseWith(indexQuery, request.query);
      return ok(reply, engine.readMessages(request.params.id, index));
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
      }
      return ok(reply);
    });
  });
}
