/**
 * Zod schemas for the agent operation bodies added with seed 004's full set. Messages are
 * written as the end of a sentence: envelope.ts prefixes them with the parameter name.
 */
import { z } from 'zod';
import { Code, GwsError } from '../engine/errors.ts';
import type { TransferTarget } from '../engine/handoff.ts';
import { parseWith } from '../http/envelope.ts';
import { clientMessageId, messageText, queueName } from './schemas.ts';

/** An agent's login name, as used for `agentId`. */
const agentId = z.string({ error: 'must be a string (an agent name)' }).trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

/** Agent SendMessage: `visibility: 'Agents'` keeps a message among agents (Sandbox extra). */
export const agentSendMessageBody = z.object({
  text: messageText,
  clientMessageId,
  visibility: z.enum(['All', 'Agents'], { error: "must be 'All' or 'Agents'" }).optional(),
});

/** StartChatConsultation body. */
export const consultBody = z.object({ agentId });

const INDEX = 'must be a message index (an integer of 0 or more)';

/** RequestChatHistory body: `eventId`, the message index to start from (number or numeric string). */
export const historyBody = z.object({
  eventId: z
    .union([z.number().int(INDEX).min(0, INDEX).max(999_999_999, INDEX), z.string().regex(/^\d{1,9}$/, INDEX).transform(Number)], { error: INDEX })
    .optional(),
});

const transferBody = z.object({ agentId: agentId.optional(), queueName: queueName.optional() });

/** Transfer body: exactly one of `agentId` and `queueName`. */
export function parseTransfer(body: Record<string, unknown>): TransferTarget {
  const { agentId: agent, queueName: queue } = parseWith(transferBody, body);
  if (agent !== undefined && queue !== undefined) {
    throw new GwsError(Code.Validation, "Give either 'agentId' or 'queueName', not both.");
  }
  if (agent !== undefined) return { agentId: agent };
  if (queue !== undefined) return { queueName: queue };
  throw new GwsError(Code.MissingParameter, "Required parameter 'agentId' or 'queueName' is missing.");
}
