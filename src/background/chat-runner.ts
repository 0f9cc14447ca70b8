import { backoffDelay } from '../core/backoff';
import type { ChatSession } from '../core/chat-session';
import type { ChatBackend } from '../backends/types';
import { afterFailure, runStep, StepFailure } from './chat-step';
import type { SessionStore } from './session-store';
import type { UploadStore } from './upload-store';

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
  /** The bytes of the visitor's files until they are uploaded. */
  uploads: UploadStore;
}

/**
 * Drives every live chat: one loop per chat, so there is at most one request in flight per
 * chat. Each step (chat-step.ts) does the most urgent thing (request the chat, send the oldest
 * queued message, else poll) and persists its result before the next; what a failed step does
 * to the chat is decided in one place (`afterFailure`, after core/failure.ts).
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
      let delay: number | null = pollIntervalMs;
      try {
        // Whatever this step sends (a queued message, the end, user data) is stored first.
        await store.stored();
        const backend = await this.deps.backend();
        delay = await runStep(s, {
          store, backend, now,
          takeTyping: () => this.takeTyping(id),
          poll: (c) => this.poll(c, backend),
          pollInterval: () => this.deps.pollIntervalFor?.(id) ?? pollIntervalMs,
          uploads: this.deps.uploads,
        });
        await store.update(id, (c) => (c.failures === 0 && !c.lastError ? c : { ...c, failures: 0, lastError: undefined }));
      } catch (e) {
        if (!(e instanceof StepFailure)) throw e; // storage or a bug: not the backend's doing
        delay = await afterFailure(store.get(id) ?? s, e, { store, now, backoff: (n) => backoffDelay(n, random) });
        if (delay === null) return;
      }
      await this.sleep(id, delay);
    }
  }

  /** The typing state to tell the backend, if it differs from what it was last told. */
  private takeTyping(id: string): boolean | undefined {
    const t = this.typing.get(id);
    if (!t || t.wanted === t.sent) return undefined;
    this.typing.set(id, { ...t, sent: t.wanted });
    return t.wanted;
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
