/**
 * Seed 002's user data calls over GWS. The Beckon Sandbox offers them as extras
 * (`UpdateUserData`, `DeleteUserData`, `GET …/userdata`); a stock GWS Customer Chat API v2
 * has none (protocols.md §1.1), so a failure is checked against GetChat and, when the chat
 * is fine but the server lacks the call, reported as "not supported" rather than as
 * whatever the server happened to say about an operation it does not know.
 */
import type { GwsCaller } from './gws-http';
import { EnvelopeSchema, GetChatReplySchema, GWS_USER_DATA_LIMITS, UserDataReplySchema } from './gws-wire';
import { BackendError } from './types';
import { clampUserData } from './user-data-limits';

const NOT_GWS = 'a Beckon Sandbox extra, not part of the GWS Customer Chat API v2';

/** A key the `keys=` list cannot carry as it is (the server splits on commas and trims names). */
const awkwardKey = (k: string) => k === '' || k.includes(',') || k.trim() !== k;

/** The user data operations of a GWS adapter. */
export function createGwsUserData(http: GwsCaller) {
  /** The operations GetChat lists for an open chat; null when it cannot tell (ended chat, failed call). */
  async function openCapabilities(chatId: string): Promise<string[] | null> {
    try {
      const { chat } = await http.call('GET', http.chatPath(chatId), GetChatReplySchema);
      return chat.capabilities.length > 0 ? chat.capabilities : null; // an ended chat lists none
    } catch {
      return null;
    }
  }

  async function operate(chatId: string, operationName: 'UpdateUserData' | 'DeleteUserData', extra: object, what: string) {
    const reply = await http.raw('POST', http.chatPath(chatId), { operationName, ...extra });
    try {
      http.unwrap(reply, EnvelopeSchema);
    } catch (e) {
      // Unknown chats and server trouble speak for themselves; anything else may be an unknown operation.
      if (!(e instanceof BackendError) || e.notFound || reply.status >= 500) throw e;
      const capabilities = await openCapabilities(chatId);
      if (capabilities && !capabilities.includes(operationName)) {
        throw BackendError.unsupported(`This chat server cannot ${what} (${operationName} is ${NOT_GWS}).`);
      }
      throw e;
    }
  }

  return {
    async setUserData(chatId: string, data: Record<string, string>): Promise<void> {
      if (Object.keys(data).length === 0) return;
      await operate(chatId, 'UpdateUserData', { userData: clampUserData(data, GWS_USER_DATA_LIMITS) }, 'change user data after the chat started');
    },

    async deleteUserData(chatId: string, keys: string[]): Promise<void> {
      if (keys.length === 0) return;
      await operate(chatId, 'DeleteUserData', { keys: [...new Set(keys)] }, 'delete user data');
    },

    async getUserData(chatId: string, keys: string[]): Promise<Record<string, string>> {
      if (keys.length === 0) return {};
      // Ask for exactly these keys, or for all and pick here when a name would not survive the list.
      const query = keys.some(awkwardKey) ? '' : `?keys=${encodeURIComponent([...new Set(keys)].join(','))}`;
      const reply = await http.raw('GET', `${http.chatPath(chatId)}/userdata${query}`);
      const isEnvelope = EnvelopeSchema.safeParse(reply.json).success;
      if (reply.status === 404 || (!isEnvelope && reply.status < 500)) {
        // A missing route and a missing chat both look like 404: GetChat tells them apart.
        await http.call('GET', http.chatPath(chatId), GetChatReplySchema);
        throw BackendError.unsupported(`This chat server cannot read user data back (GET …/userdata is ${NOT_GWS}).`);
      }
      const { userData } = http.unwrap(reply, UserDataReplySchema);
      return Object.fromEntries(keys.filter((k) => Object.hasOwn(userData, k)).map((k) => [k, userData[k]!]));
    },
  };
}
