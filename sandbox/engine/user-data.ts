/**
 * User data from the customer side (seed 002: setUserData, getUserData, deleteUserData).
 * Every key of a Sandbox chat was set by its customer (at RequestChat, by UpdateUserData,
 * or by GMS requestChat/updateData): the Sandbox has no routing strategy or agent that
 * attaches data of its own, so "only keys this customer set" is every key. Changes reach
 * agents as InteractionUpdated through the usual `chat` event.
 */
import { assertOpen, type ChatEngine } from './chat-engine.ts';
import { Code, GwsError } from './errors.ts';

/** Most keys a chat may hold (as RequestChat allows). */
const MAX_KEYS = 50;

/** The customer's user data operations, over the engine. */
export class UserData {
  constructor(private readonly engine: ChatEngine) {}

  /** Sets (adds or overwrites) keys; refuses a result over 50 keys or an ended chat. */
  update(chatId: string, values: Record<string, string>): void {
    const chat = this.engine.mustChat(chatId);
    assertOpen(chat);
    const next = { ...chat.userData, ...values };
    const count = Object.keys(next).length;
    if (count > MAX_KEYS) {
      throw new GwsError(Code.Validation, `Invalid parameter 'userData': the chat would hold ${count} keys; at most ${MAX_KEYS} are allowed.`);
    }
    this.engine.change(chatId, () => this.engine.repo.setUserData(chatId, next));
  }

  /** Removes keys; keys that are not set are ignored (deleting twice is not an error). */
  delete(chatId: string, keys: readonly string[]): void {
    const chat = this.engine.mustChat(chatId);
    assertOpen(chat);
    if (!keys.some((k) => Object.hasOwn(chat.userData, k))) return;
    const next = Object.fromEntries(Object.entries(chat.userData).filter(([k]) => !keys.includes(k)));
    this.engine.change(chatId, () => this.engine.repo.setUserData(chatId, next));
  }

  /** The requested keys that are set (every key when `keys` is undefined). Works after the chat ended. */
  get(chatId: string, keys?: readonly string[]): Record<string, string> {
    const { userData } = this.engine.mustChat(chatId);
    if (!keys) return userData;
    return Object.fromEntries(keys.filter((k) => Object.hasOwn(userData, k)).map((k) => [k, userData[k]!]));
  }
}
