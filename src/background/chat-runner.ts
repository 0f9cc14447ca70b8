import { backoffDelay } from '../core/backoff';
import { endSession, markFailed, markSent, pendingMessages, type ChatSession } from '../core/chat-session';
import { mergeEvents } from '../core/transcript-merge';
import { BackendError, type ChatBackend } from '../backends/types';
import type { SessionStore } from './session-store';

/** What the runner needs from the rest of the background. */
export interface ChatRunnerDeps {
  store: SessionStore;
  /** The adapter for the configured backend (re-read each step: settings may change). */
  backend: () => Promise<ChatBackend>;
  now: () => number;
  random: () => number;
  /** Delay between polls of a healthy chat (when the backend cannot long-poll). */
  pollIntervalMs: number;
  /** Per chat, when given: e.g. fast while a UI shows it, slower when none does. */
  pollIntervalFor?: (id: string) => number;
  /** How long a long-poll may wait for news, where the backend supports it. */
  longPollMs?: number;
  /** Called when the set of running chats changes (to arm or clear the wake-up alarm). */
  onIdleChange?: (anyRunning: boolean) => void;
}

/**
 * Drives every live chat: one loop per chat, so there is at most one request in flight per
 * chat. Each step does the most urgent thing (request the chat, send the oldest queued
 * message, else poll) and persists its result before the next step.
 */
export class ChatRunner {
  private readonly running = new Set<string>();
  private readonly wakers = new Map<string, () => void>();
  /** Typing state the visitor's composer asked for, and what the backend was last told. */
  private readonly typing = new Map<string, { wanted: boolean; sent: boolean }>();
  /** The long-poll each chat has open, cancelled when there is something to send. */
  private readonly polls = new Map<string, AbortController>();
  private stopped = false;

  constructor(private readonly deps: ChatRunnerDeps) {}

  /** Starts the loop of every chat that is not over (a running loop, long-poll and all, is left alone). */
  resumeAll(): void {
    for (const s of this.deps.store.active()) if (!this.running.has(s.id)) this.ensure(s.id);
  }

  /** Starts the loop for a chat, or cuts its current wait short when it already runs. */
  ensure(id: string): void {
    if (this.stopped) return;
    if (this.running.has(id)) {
      this.wakers.get(id)?.();
      this.polls.get(id)?.abort(); // a held long-poll must not delay what was just queued
      return;
    }
    this.running.add(id);
    this.deps.onIdleChange?.(true);
    void this.loop(id).finally(() => {
      this.running.delete(id);
      if (this.running.size === 0) this.deps.onIdleChange?.(false);
    });
  }

  /**
   * Cuts a chat's wait between polls short (a UI just started showing it, so it is polled
   * fast from now on); a held long-poll is left alone: it answers the moment there is news.
   */
  wake(id: string): void {
    this.wakers.get(id)?.();
  }

  /** Records whether the visitor is typing; the chat's loop tells the backend (ephemeral: not persisted). */
  setTyping(id: string, typing: boolean): void {
    const t = this.typing.get(id) ?? { wanted: false, sent: false };
    if (t.wanted === typing) return;
    this.typing.set(id, { ...t, wanted: typing });
    this.ensure(id);
  }

  /** Ends every loop after its current step (a worker about to go away, or a test). */
  stop(): void {
    this.stopped = true;
    for (const wake of [...this.wakers.values()]) wake();
    for (const poll of this.polls.values()) poll.abort();
  }

  private async loop(id: string): Promise<void> {
    const { store, now, random, pollIntervalMs } = this.deps;
    while (!this.stopped) {
      const s = store.get(id);
      if (!s || s.status === 'ended') return;
      let delay = pollIntervalMs;
      try {
        delay = await this.step(s);
        await store.update(id, (c) => (c.failures === 0 && !c.lastError ? c : { ...c, failures: 0, lastError: undefined }));
      } catch (e) {
        const error = e instanceof BackendError ? e : new BackendError(String(e), true);
        if (error.cancelled) {
          // A long-poll cut short on purpose: go straight on. The server may have moved its
          // read cursor past events it was already sending us, so the next read is by index.
          await store.update(id, (c) => (c.needsResync ? c : { ...c, needsResync: true }));
          continue;
        }
        if (error.notFound) {
          await store.update(id, (c) => endSession(c, 'This chat no longer exists on the chat server.', now()));
          return;
        }
        const failed = await store.update(id, (c) => ({ ...c, failures: c.failures + 1, needsResync: true, lastError: error.message }));
        delay = backoffDelay(failed?.failures ?? 1, random);
      }
      await this.sleep(id, delay);
    }
  }

  /** One unit of work. Returns how long to wait before the next (0: more work is waiting). */
  private async step(s: ChatSession): Promise<number> {
    const { store, now } = this.deps;
    // Whatever this step sends (a queued message, the end, user data) is stored first.
    await store.stored();
    const backend = await this.deps.backend();
    if (!s.chatId) {
      try {
        const { chatId, session } = await backend.requestChat({ ...s.request, queue: s.queue });
        await store.update(s.id, (c) => ({ ...c, chatId, status: 'waiting', ...(session ? { backendSession: session } : {}) }));
      } catch (e) {
        if (e instanceof BackendError && !e.retryable) {
          await store.update(s.id, (c) => endSession(c, `The chat could not be started: ${e.message}`, now()));
          return 0;
        }
        throw e;
      }
      return 0;
    }
    const next = pendingMessages(s)[0];
    if (next?.clientMessageId) {
      try {
        await backend.sendMessage(s.chatId, next.text, next.clientMessageId, s.backendSession);
        await store.update(s.id, (c) => markSent(c, next.clientMessageId!));
      } catch (e) {
        if (!(e instanceof BackendError) || e.retryable || e.notFound) throw e;
        await store.update(s.id, (c) => ({ ...markFailed(c, next.clientMessageId!), lastError: e.message }));
      }
      return 0;
    }
    const typing = this.typing.get(s.id);
    // Typing is best effort: not while the backend is failing, and a refusal is dropped. A
    // transport failure still counts as one, so it cannot pass for the server being back.
    if (typing && typing.wanted !== typing.sent && s.failures === 0) {
      const wanted = typing.wanted;
      this.typing.set(s.id, { wanted: this.typing.get(s.id)?.wanted ?? wanted, sent: wanted });
      try {
        await backend.sendTyping(s.chatId, wanted, s.backendSession);
      } catch (e) {
        if (!(e instanceof BackendError) || e.retryable) throw e;
      }
      return 0;
    }
    if (s.pendingUserData) {
      const data = s.pendingUserData;
      try {
        await backend.setUserData(s.chatId, data, s.backendSession);
      } catch (e) {
        // A server without user data, or one refusing it, changes nothing for the chat itself.
        if (!(e instanceof BackendError) || e.retryable) throw e;
      }
      await store.update(s.id, (c) => (c.pendingUserData === data ? { ...c, pendingUserData: undefined } : c));
      return 0;
    }
    if (s.endRequested) {
      await backend.complete(s.chatId, s.backendSession);
      await store.update(s.id, (c) => endSession(c, 'You ended the chat.', now()));
      return 0;
    }
    const batch = await this.poll(s, backend);
    await store.update(s.id, (c) => {
      const fresh = mergeEvents(c, batch.events, now());
      // Keep the same object when nothing changed, so an idle poll writes nothing.
      const resynced = fresh.needsResync ? { ...fresh, needsResync: false } : fresh;
      // GMS moves its read position (and may change alias) in the session: keep the newest.
      const merged = batch.session && batch.session !== resynced.backendSession ? { ...resynced, backendSession: batch.session } : resynced;
      return batch.ended ? endSession(merged, 'The chat has ended.', now()) : merged;
    });
    return batch.longPolled ? 0 : (this.deps.pollIntervalFor?.(s.id) ?? this.deps.pollIntervalMs);
  }

  /**
   * Reads new events: a catch-up read by index after a failure or restart, a long-poll when
   * the backend offers one (news arrives the moment it exists), else a plain poll.
   */
  private async poll(s: ChatSession, backend: ChatBackend) {
    const waitMs = !s.needsResync && backend.longPollMs() > 0 ? (this.deps.longPollMs ?? 20_000) : 0;
    if (waitMs === 0) {
      const opts = s.needsResync ? { fromIndex: s.lastIndex + 1, session: s.backendSession } : { session: s.backendSession };
      return { ...(await backend.fetchEvents(s.chatId!, opts)), longPolled: false };
    }
    const controller = new AbortController();
    this.polls.set(s.id, controller);
    const started = this.deps.now();
    try {
      const batch = await backend.fetchEvents(s.chatId!, { waitMs, signal: controller.signal, session: s.backendSession });
      // A server that answered at once with nothing did not really hold the request: do not spin.
      return { ...batch, longPolled: batch.events.length > 0 || this.deps.now() - started >= 500 };
    } finally {
      this.polls.delete(s.id);
    }
  }

  private sleep(id: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(id);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.set(id, done);
    });
  }
}
