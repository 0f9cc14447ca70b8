import type { ChatSession, TranscriptEntry } from '../core/chat-session';
import { CHAT_INDEX_KEY, chatKey, entryKey, journeyKey, readLegacySession, readStoredChat, readStoredEntry, readStoredJourney, toStoredChat } from '../protocol/chat-records';
import { legacySessionsItem } from '../protocol/storage';
import { WriteBehind, type KeyValueStorage } from './write-behind';

/** How long an ended chat stays listed (so its window can still be read) before it is pruned. */
const KEEP_ENDED_MS = 24 * 3600 * 1000;

/** The storage the chats live in (`browser.storage.local`). */
export interface ChatStorage extends KeyValueStorage {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
}

/** What storage holds of a chat: its record (as JSON), its transcript lines and its journey (by reference). */
interface Stored {
  record: string;
  entries: readonly TranscriptEntry[];
  journey: ChatSession['journey'];
}

/**
 * The background's chat sessions. Memory is the source of truth while the worker runs;
 * storage is written behind it, per chat (chat-records.ts): a change writes the chat's record
 * if it changed and only the transcript lines that changed, and a burst of changes is one
 * write. Listeners hear of a change at once (UIs show memory); `update` and `add` resolve once
 * it is stored, and `stored()` waits for everything so far, so whatever acts on a change
 * outside the worker (a request to the backend, the CRM) persists first: a worker stopped at
 * any moment resumes from what was saved.
 */
export class SessionStore {
  private sessions = new Map<string, ChatSession>();
  private readonly onDisk = new Map<string, Stored>();
  private readonly listeners = new Set<(s: ChatSession) => void>();
  private readonly writer: WriteBehind;

  constructor(private readonly storage: ChatStorage) {
    this.writer = new WriteBehind(storage, (e) => console.error('[beckon] could not save chats (retrying)', e));
  }

  /** Loads what a previous worker saved. Sessions read back need a resync: a reply may have been lost. */
  async load(now: number): Promise<void> {
    const legacy = await this.readLegacy();
    const loaded = [...(await this.readStored()), ...legacy];
    this.sessions = new Map();
    for (const s of loaded) {
      if (s.status === 'ended' && now - (s.endedAt ?? now) >= KEEP_ENDED_MS) {
        this.forget(s.id);
        continue;
      }
      this.sessions.set(s.id, s.status === 'ended' ? s : { ...s, needsResync: true });
    }
    this.writer.set(CHAT_INDEX_KEY, [...this.sessions.keys()]);
    await this.writer.flush();
    // Only now that they are stored the new way may the old map go.
    if (legacy.length > 0) await legacySessionsItem.removeValue();
  }

  get(id: string): ChatSession | undefined {
    return this.sessions.get(id);
  }

  all(): ChatSession[] {
    return [...this.sessions.values()];
  }

  /** Sessions still talking to a backend (not ended). */
  active(): ChatSession[] {
    return this.all().filter((s) => s.status !== 'ended');
  }

  /** Replaces a session with `fn(session)` at once in memory; resolves with it once stored, then notifies. */
  async update(id: string, fn: (s: ChatSession) => ChatSession): Promise<ChatSession | undefined> {
    const current = this.sessions.get(id);
    if (!current) return undefined;
    const next = fn(current);
    if (next === current) return current;
    this.sessions.set(id, next);
    this.persist(next);
    this.listeners.forEach((l) => l(next));
    await this.writer.stored();
    return next;
  }

  /** Adds a new session; resolves once it is stored. */
  async add(session: ChatSession): Promise<void> {
    this.sessions.set(session.id, session);
    this.persist(session);
    this.writer.set(CHAT_INDEX_KEY, [...this.sessions.keys()]);
    this.listeners.forEach((l) => l(session));
    await this.writer.stored();
  }

  /** Resolves once every change made so far is stored (persist before acting on one). */
  stored(): Promise<void> {
    return this.writer.stored();
  }

  /** Called after every change, as it is made in memory (`stored()` says when it is on disk). */
  onChange(listener: (s: ChatSession) => void): void {
    this.listeners.add(listener);
  }

  /** Notes what changed since the last write of this chat: its record if it differs, the lines that are new. */
  private persist(session: ChatSession): void {
    const before = this.onDisk.get(session.id) ?? { record: '', entries: [], journey: undefined };
    const record = toStoredChat(session);
    const json = JSON.stringify(record);
    if (json !== before.record) this.writer.set(chatKey(session.id), record);
    // The journey is set once, when the chat starts: a reference that differs is a new one.
    if (session.journey !== before.journey) {
      if (session.journey) this.writer.set(journeyKey(session.id), session.journey);
      else this.writer.remove(journeyKey(session.id));
    }
    const lines = session.transcript;
    // Lines are never changed in place: a reference that differs is a line that changed.
    for (let i = 0; i < lines.length; i++) if (lines[i] !== before.entries[i]) this.writer.set(entryKey(session.id, i), lines[i]);
    for (let i = lines.length; i < before.entries.length; i++) this.writer.remove(entryKey(session.id, i));
    this.onDisk.set(session.id, { record: json, entries: lines, journey: session.journey });
  }

  private forget(id: string): void {
    const entries = this.onDisk.get(id)?.entries.length ?? 0;
    this.writer.remove(chatKey(id));
    this.writer.remove(journeyKey(id));
    for (let i = 0; i < entries; i++) this.writer.remove(entryKey(id, i));
    this.onDisk.delete(id);
  }

  /** The chats of the per-chat layout, each with the transcript lines that read back. */
  private async readStored(): Promise<ChatSession[]> {
    const index = (await this.storage.get(CHAT_INDEX_KEY))[CHAT_INDEX_KEY];
    const ids = Array.isArray(index) ? index.filter((id): id is string => typeof id === 'string') : [];
    if (ids.length === 0) return [];
    const records = await this.storage.get(ids.map(chatKey));
    const chats = ids.flatMap((id) => {
      const read = readStoredChat(records[chatKey(id)]);
      if (!read.ok) console.warn(`[beckon] dropped unreadable chat ${id}: ${read.error}`);
      return read.ok ? [read.chat] : [];
    });
    const lines = await this.storage.get(chats.flatMap((c) => [journeyKey(c.id), ...Array.from({ length: c.entries }, (_, i) => entryKey(c.id, i))]));
    return chats.map(({ entries, journey: inline, ...chat }) => {
      const transcript = Array.from({ length: entries }, (_, i) => readStoredEntry(lines[entryKey(chat.id, i)])).filter((e): e is TranscriptEntry => e !== null);
      if (transcript.length < entries) console.warn(`[beckon] chat ${chat.id}: ${entries - transcript.length} unreadable transcript lines dropped`);
      // A record an earlier version wrote carries its journey inline: the next write moves it to its key.
      const journey = readStoredJourney(lines[journeyKey(chat.id)]) ?? inline;
      this.onDisk.set(chat.id, {
        record: inline ? '' : JSON.stringify({ ...chat, entries }),
        entries: transcript.length === entries ? transcript : [],
        journey: inline ? undefined : journey,
      });
      return { ...chat, transcript, ...(journey ? { journey } : {}) };
    });
  }

  /** Chats a version 1 worker stored as one map, noted for the per-chat layout (`load` removes the map once they are stored). */
  private async readLegacy(): Promise<ChatSession[]> {
    const legacy = (await legacySessionsItem.getValue()) ?? {};
    const sessions = Object.entries(legacy).flatMap(([id, raw]) => {
      const session = readLegacySession(raw);
      if (!session) console.warn(`[beckon] dropped unreadable chat session ${id}`);
      return session ? [session] : [];
    });
    for (const s of sessions) this.persist(s);
    return sessions;
  }
}
