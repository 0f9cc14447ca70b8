import type { ChatSession } from '../core/chat-session';
import { readSessions, sessionsItem } from '../protocol/storage';

/** How long an ended chat stays listed (so its window can still be read) before it is pruned. */
const KEEP_ENDED_MS = 24 * 3600 * 1000;

/**
 * The background's chat sessions: an in-memory copy written through to `storage.local`.
 * `update` resolves only after the new state is persisted, so callers can follow the
 * rule "persist, then act": a worker stopped at any moment resumes from what was saved.
 */
export class SessionStore {
  private sessions = new Map<string, ChatSession>();
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(s: ChatSession) => void>();

  /** Loads what a previous worker saved. Sessions read back need a resync: a reply may have been lost. */
  async load(now: number): Promise<void> {
    const stored = await readSessions();
    this.sessions = new Map(
      Object.values(stored)
        .filter((s) => s.status !== 'ended' || now - (s.endedAt ?? now) < KEEP_ENDED_MS)
        .map((s) => [s.id, s.status === 'ended' ? s : { ...s, needsResync: true }]),
    );
  }

  get(id: string): ChatSession | undefined {
    return this.sessions.get(id);
  }

  all(): ChatSession[] {
    return [...this.sessions.values()];
  }

  /** Sessions still talking to a backend (not ended, or ended with messages left to send). */
  active(): ChatSession[] {
    return this.all().filter((s) => s.status !== 'ended');
  }

  /** Replaces a session with `fn(session)`, persists, then notifies. Returns the new value. */
  async update(id: string, fn: (s: ChatSession) => ChatSession): Promise<ChatSession | undefined> {
    const current = this.sessions.get(id);
    if (!current) return undefined;
    const next = fn(current);
    if (next === current) return current;
    this.sessions.set(id, next);
    await this.persist();
    this.listeners.forEach((l) => l(next));
    return next;
  }

  /** Adds a new session, persisted before this resolves. */
  async add(session: ChatSession): Promise<void> {
    this.sessions.set(session.id, session);
    await this.persist();
    this.listeners.forEach((l) => l(session));
  }

  /** Called after every persisted change. */
  onChange(listener: (s: ChatSession) => void): void {
    this.listeners.add(listener);
  }

  private persist(): Promise<void> {
    // Writes are chained so an older snapshot can never land after a newer one.
    const snapshot = Object.fromEntries(this.sessions);
    this.writing = this.writing.then(() => sessionsItem.setValue(snapshot)).catch((e) => {
      console.error('[beckon] could not save chat sessions', e);
    });
    return this.writing;
  }
}
