/**
 * `POST /api/v2/me/interactions/{id}`: dispatches seed 004's operations to the desk and
 * the hand-offs, after validating each body. Params marked [?] in protocols.md §2.1 are
 * the Sandbox's choice (see sandbox/README.md).
 */
import type { AgentDesk } from '../engine/agent-desk.ts';
import { Code, GwsError } from '../engine/errors.ts';
import type { Handoffs } from '../engine/handoff.ts';
import { AGENT_OPERATIONS } from '../engine/types.ts';
import { operationOf, parseWith } from '../http/envelope.ts';
import { agentSendMessageBody, consultBody, historyBody, parseTransfer } from './agent-schemas.ts';
import { acceptBody, notificationBody } from './schemas.ts';
import { updateUserDataBody } from './user-data-schemas.ts';

/** Runs one operation for agent `name` on chat `id`; throws a GwsError on failure. */
export function runAgentOperation(desk: AgentDesk, handoffs: Handoffs, name: string, id: string, body: Record<string, unknown>): void {
  switch (operationOf(body, AGENT_OPERATIONS)) {
    case 'Accept':
      return desk.accept(name, id, parseWith(acceptBody, body).nickname);
    case 'Reject':
      return desk.reject(name, id);
    case 'SendMessage': {
      const { text, clientMessageId, visibility } = parseWith(agentSendMessageBody, body);
      return desk.send(name, id, text, clientMessageId, visibility);
    }
    case 'SendNotification': {
      const parsed = parseWith(notificationBody, body);
      const value = parsed.notifcation ?? parsed.notification;
      if (!value) throw new GwsError(Code.MissingParameter, "Required parameter 'notifcation' (or 'notification') is missing.");
      return desk.notify(name, id, value);
    }
    case 'Transfer':
      return handoffs.transfer(name, id, parseTransfer(body));
    case 'StopProcessing':
      return desk.stopProcessing(name, id);
    case 'RequestChatHistory':
      return desk.requestHistory(name, id, parseWith(historyBody, body).eventId);
    case 'StartChatConsultation':
      return handoffs.startConsultation(name, id, parseWith(consultBody, body).agentId);
    case 'CompleteTransfer':
      return handoffs.completeTransfer(name, id);
    case 'CompleteConference':
      return handoffs.completeConference(name, id);
    case 'UpdateUserData':
      return desk.updateUserData(name, id, parseWith(updateUserDataBody, body).userData);
  }
}
