/**
 * Long-poll for GetMessages (a Sandbox extra of the GWS customer dialect): hold the request
 * until the customer has something new, the wait elapses, the client goes away, or the
 * Sandbox closes. Driven by the engine's `chat` events, never by sleeping and re-reading,
 * so a reply leaves as soon as the message commits.
 */
import type { ServerResponse } from 'node:http';
import type { ChatEngine } from '../engine/chat-engine.ts';
import type { ChatChanged } from '../engine/events.ts';
import type { ChatMessage } from '../engine/types.ts';

/** Longest wait a client may ask for, in ms; also the `X-Beckon-LongPoll` header value. */
export const LONG_POLL_MAX_MS = 25_000;

/** What GetMessages replies with. */
export type MessagesResult = { messages: ChatMessage[]; chatEnded: boolean };

/** The held long-polls of one Sandbox. */
export class LongPolls {
  /** Each entry ends its wait now (with whatever there is) and resolves once the reply is out. */
  private readonly held = new Set<() => Promise<void>>();

  constructor(private readonly engine: ChatEngine) {}

  /** Requests being held right now (for stats()). */
  get size(): number {
    return this.held.size;
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
      const finish = (result: MessagesResult | null) => {
        if (!this.held.delete(release)) return; // already finished
        clearTimeout(timer);
        this.engine.events.off('chat', onChat);
        res.off('close', onClose);
        resolve(result);
      };
      const onChat = (e: ChatChanged) => {
        if (e.chatId !== chatId) return;
        // Agents-only messages leave the customer's view unchanged: keep waiting.
        const now = this.engine.readMessages(chatId, index);
        if (now.messages.length > 0 || now.chatEnded) finish(now);
      };
      const onClose = () => finish(null);
      const release = () => {
        finish(this.engine.readMessages(chatId, index));
        return new Promise<void>((done) => (res.writableFinished || res.destroyed ? done() : res.once('close', () => done())));
      };
      const timer = setTimeout(() => finish(this.engine.readMessages(chatId, index)), ms);
      this.held.add(release);
      this.engine.events.on('chat', onChat);
      res.on('close', onClose);
    });
  }

  /** Answers every held request now and resolves once those replies are sent (Sandbox close). */
  async releaseAll(): Promise<void> {
    await Promise.all([...this.held].map((release) => release()));
  }
}
