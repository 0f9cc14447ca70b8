/**
 * Long-poll for GetMessages (a Sandbox extra of the GWS customer dialect): hold the request
 * until the customer has something new, the wait elapses, the client goes away, or the
 * Sandbox closes. Driven by the engine's `chat` events, never by sleeping and re-reading,
 * so a reply leaves as soon as the message commits. One listener serves every held request:
 * held requests are indexed by chat, and an event wakes only those of the chat that changed.
 */
import type { ServerResponse } from 'node:http';
import type { ChatEngine } from '../engine/chat-engine.ts';
import type { ChatMessage } from '../engine/types.ts';

/** Longest wait a client may ask for, in ms; also the `X-Beckon-LongPoll` header value. */
export const LONG_POLL_MAX_MS = 25_000;

/** What GetMessages replies with. */
export type MessagesResult = { messages: ChatMessage[]; chatEnded: boolean };

/** One held request: `check` answers it if the chat now has something for it. */
interface Held {
  check(): void;
  /** Ends the wait now (with whatever there is) and resolves once the reply is out. */
  release(): Promise<void>;
}

/** The held long-polls of one Sandbox. */
export class LongPolls {
  private readonly byChat = new Map<string, Set<Held>>();
  private held = 0;
  /** Held requests an event made look at their chat since start (stats and tests). */
  wakeups = 0;

  constructor(private readonly engine: ChatEngine) {
    engine.events.on('chat', ({ chatId }) => {
      const waiting = this.byChat.get(chatId);
      if (!waiting) return;
      for (const h of [...waiting]) {
        this.wakeups++;
        h.check();
      }
    });
  }

  /** Requests being held right now (for stats()). */
  get size(): number {
    return this.held;
  }

  /**
   * Reads like GetMessages; when that would be empty on an open chat, waits up to `ms`.
   * Resolves null when the client disconnected first (nothing was read: the cursor is
   * untouched, so those messages come with the next request).
   */
  wait(chatId: string, index: number | undefined, ms: number, res: ServerResponse): Promise<MessagesResult | null> {
    const first = this.engine.readMessages(chatId, index); // throws code 6 for an unknown chat
    if (first.messages.length > 0 || first.chatEnded) return Promise.resolve(first);

    return new Promise((resolve) => {
      const read = () => this.engine.readMessages(chatId, index);
      const finish = (result: MessagesResult | null) => {
        const set = this.byChat.get(chatId);
        if (!set?.delete(held)) return; // already finished
        if (set.size === 0) this.byChat.delete(chatId);
        this.held--;
        clearTimeout(timer);
        res.off('close', onClose);
        resolve(result);
      };
      const held: Held = {
        check: () => {
          // Agents-only messages leave the customer's view unchanged: keep waiting.
          const now = read();
          if (now.messages.length > 0 || now.chatEnded) finish(now);
        },
        release: () => {
          finish(read());
          return new Promise<void>((done) => (res.writableFinished || res.destroyed ? done() : res.once('close', () => done())));
        },
      };
      const onClose = () => finish(null);
      const timer = setTimeout(() => finish(read()), ms);
      let set = this.byChat.get(chatId);
      if (!set) this.byChat.set(chatId, (set = new Set()));
      set.add(held);
      this.held++;
      res.on('close', onClose);
    });
  }

  /** Answers every held request now and resolves once those replies are sent (Sandbox close). */
  async releaseAll(): Promise<void> {
    const all = [...this.byChat.values()].flatMap((set) => [...set]);
    await Promise.all(all.map((h) => h.release()));
  }
}
