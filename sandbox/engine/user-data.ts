/**
 * User data from the customer side (seed 002: setUserData, getUserData, deleteUserData), and
 * the same change made by an agent (the agent API's UpdateUserData, which the autopilot's
 * setUserData step uses). The customer reads only keys it set (at RequestChat, by
 * UpdateUserData, or by GMS requestChat/updateData): a key an agent set last stays among the
 * agents, as data a real contact center attaches never reaches the customer. Every change is
 * in the chat log (who, which keys) and reaches agents as InteractionUpdated through the usual
 * `chat` event.
 */
import { assertOpen, type ChatEngine } from './chat-engine.ts';
import { Code, GwsError } from './errors.ts';

/** Most keys a chat may hold (as RequestChat allows). */
const MAX_KEYS = 50;

/** The customer's user data operations, over the engine. */
export class UserData {
  constructor(private readonly engine: ChatEngine) {}

  /** Sets (adds or overwrites) keys; refuses a result over 50 keys or an ended chat. `by`: the agent, or null for the customer. */
  update(chatId: string, values: Record<string, string>, by: string | null = null): void {
    const chat = this.engine.mustChat(chatId);
    assertOpen(chat);
    const next = { ...chat.userData, ...values };
    const count = Object.keys(next).length;
    if (count > MAX_KEYS) {
      throw new GwsError(Code.Validation, `Invalid parameter 'userData': the chat would hold ${count} keys; at most ${MAX_KEYS} are allowed.`);
    }
    this.engine.change(chatId, () => {
      this.engine.repo.setUserData(chatId, next);
      this.engine.repo.logChat(chatId, this.engine.now(), 'user-data', by, { set: values });
    });
  }

  /** Removes keys; keys that are not set are ignored (deleting twice is not an error). */
  delete(chatId: string, keys: readonly string[]): void {
    const chat = this.engine.mustChat(chatId);
    assertOpen(chat);
    if (!keys.some((k) => Object.hasOwn(chat.userData, k))) return;
    const next = Object.fromEntries(Object.entries(chat.userData).filter(([k]) => !keys.includes(k)));
    this.engine.change(chatId, () => {
      this.engine.repo.setUserData(chatId, next);
      this.engine.repo.logChat(chatId, this.engine.now(), 'user-data', null, { removed: keys.filter((k) => Object.hasOwn(chat.userData, k)) });
    });
  }

  /**
   * What the customer may read: the requested keys that are set (every key when `keys` is
   * undefined), except those an agent set last. Works after the chat ended.
   */
  get(chatId: string, keys?: readonly string[]): Record<string, string> {
    const { userData } = this.engine.mustChat(chatId);
    const agents = this.agentKeys(chatId);
    const visible = (k: string) => Object.hasOwn(userData, k) && !agents.has(k);
    return Object.fromEntries((keys ?? Object.keys(userData)).filter(visible).map((k) => [k, userData[k]!]));
  }

  /** Keys whose last change came from an agent (read from the chat log; rare, so not indexed). */
  private agentKeys(chatId: string): Set<string> {
    const keys = new Set<string>();
    for (const e of this.engine.repo.chatLog(chatId)) {
      if (e.kind !== 'user-data') continue;
      for (const k of Object.keys((e.detail.set ?? {}) as object)) {
        if (e.agent === null) keys.delete(k);
        else keys.add(k);
      }
      for (const k of (e.detail.removed ?? []) as string[]) keys.delete(k);
    }
    return keys;
  }
}
