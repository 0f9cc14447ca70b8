import { endSession, markFailed, markSent, pendingMessages, type ChatSession, type TranscriptEntry } from '../core/chat-session';
import { isUpload, uploadSent } from '../core/chat-uploads';
import { endNotice, onFailure, type ChatStep } from '../core/failure';
import { phrase } from '../core/i18n/visitor';
import { mergeEvents } from '../core/transcript-merge';
import { BackendError, type ChatBackend, type FetchResult } from '../backends/types';
import type { SessionStore } from './session-store';
import type { UploadStore } from './upload-store';

/** A step's request failed: which step, and the failure as the adapter described it. */
export class StepFailure extends Error {
  constructor(readonly step: ChatStep, readonly error: BackendError) {
    super(error.message);
  }
}

/** Runs `call` as `step`: any failure comes out as a {@link StepFailure} naming the step. */
async function as<T>(step: ChatStep, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw new StepFailure(step, e instanceof BackendError ? e : new BackendError(String(e), 'retry'));
  }
}

/** What a step needs from the runner. */
export interface StepContext {
  store: SessionStore;
  backend: ChatBackend;
  now: () => number;
  /** Typing the visitor wants told, if it differs from what was told (taken by the step). */
  takeTyping: () => boolean | undefined;
  /** Reads new events (catch-up, long-poll or poll); `longPolled`: the read waited for news. */
  poll: (s: ChatSession) => Promise<FetchResult & { longPolled: boolean }>;
  /** The delay before the next poll of this chat. */
  pollInterval: () => number;
  /** The bytes of the visitor's files until they are uploaded. */
  uploads: UploadStore;
}

/**
 * One unit of work on a chat: the most urgent of request the chat, send the oldest queued
 * message, tell typing, send user data, end, else poll. Returns how long to wait before the
 * next (0: more work is waiting). A failed request throws a {@link StepFailure}.
 */
export async function runStep(s: ChatSession, ctx: StepContext): Promise<number> {
  const { store, backend, now } = ctx;
  if (!s.chatId) {
    const { chatId, session } = await as('request', () => backend.requestChat({ ...s.request, queue: s.queue }));
    await store.update(s.id, (c) => ({ ...c, chatId, status: 'waiting', ...(session ? { backendSession: session } : {}) }));
    return 0;
  }
  const chatId = s.chatId;
  const next = pendingMessages(s)[0];
  if (isUpload(next)) {
    // A try that may have reached the server goes again only after a read by index shows it did not.
    if (!(s.uploading === next.clientMessageId && s.needsResync)) return upload(s, chatId, next, ctx);
  } else if (next?.clientMessageId) {
    const id = next.clientMessageId;
    await as('send', () => backend.sendMessage(chatId, next.text, id, s.backendSession));
    await store.update(s.id, (c) => markSent(c, id));
    return 0;
  }
  // Typing is best effort, and not told while the backend is failing.
  const typing = s.failures === 0 ? ctx.takeTyping() : undefined;
  if (typing !== undefined) {
    await as('typing', () => backend.sendTyping(chatId, typing, s.backendSession));
    return 0;
  }
  if (s.pendingUserData) {
    const data = s.pendingUserData;
    await as('userData', () => backend.setUserData(chatId, data, s.backendSession));
    await store.update(s.id, (c) => (c.pendingUserData === data ? { ...c, pendingUserData: undefined } : c));
    return 0;
  }
  if (backend.files && s.fileLimits === undefined && s.status !== 'requesting') {
    const files = backend.files;
    const limits = await as('files', () => files.limits(chatId, s.backendSession));
    await store.update(s.id, (c) => ({ ...c, fileLimits: limits }));
    return 0;
  }
  if (s.endRequested) {
    await as('complete', () => backend.complete(chatId, s.backendSession));
    await store.update(s.id, (c) => endSession(c, phrase('notice.youEnded'), now()));
    return 0;
  }
  const batch = await as('poll', () => ctx.poll(s));
  await store.update(s.id, (c) => {
    const fresh = mergeEvents(c, batch.events, now());
    // Keep the same object when nothing changed, so an idle poll writes nothing.
    const resynced = fresh.needsResync ? { ...fresh, needsResync: false } : fresh;
    // GMS moves its read position (and may change alias) in the session: keep the newest.
    const merged = batch.session && batch.session !== resynced.backendSession ? { ...resynced, backendSession: batch.session } : resynced;
    return batch.ended ? endSession(merged, phrase('notice.ended'), now()) : merged;
  });
  return batch.longPolled ? 0 : ctx.pollInterval();
}

/** Uploads the visitor's oldest pending file; its bytes go once the server has it. */
async function upload(s: ChatSession, chatId: string, line: TranscriptEntry & { clientMessageId: string }, ctx: StepContext): Promise<number> {
  const { store, backend, uploads } = ctx;
  const id = line.clientMessageId;
  const stored = await uploads.get(id);
  const refuse = (why: string) => store.update(s.id, (c) => markFailed(c, id, why)).then(() => 0);
  if (!backend.files) return refuse('This chat server does not take files.');
  if (!stored) return refuse('The file was lost before it could be sent: attach it again.');
  const files = backend.files;
  await store.update(s.id, (c) => ({ ...c, uploading: id })); // stored before the request leaves
  const { fileId } = await as('send', () => files.upload(chatId, { ...stored, uploadId: id }, s.backendSession));
  await store.update(s.id, (c) => uploadSent(c, id, fileId));
  await uploads.delete(id);
  return 0;
}

/**
 * What a failed step does to the chat, decided in one place (core/failure.ts): returns the
 * delay before the next step, or null when the chat is over.
 */
export async function afterFailure(
  s: ChatSession, failure: StepFailure, ctx: { store: SessionStore; now: () => number; backoff: (failures: number) => number },
): Promise<number | null> {
  const { store, now } = ctx;
  const { step, error } = failure;
  switch (onFailure(step, error.kind)) {
    case 'continue':
      // A long-poll cut short on purpose: go straight on. The server may have moved its read
      // cursor past events it was already sending us, so the next read is by index.
      await store.update(s.id, (c) => (c.needsResync ? c : { ...c, needsResync: true }));
      return 0;
    case 'end':
      await store.update(s.id, (c) => endSession(c, endNotice(step, error.kind, error.message), now()));
      return null;
    case 'fail-message': {
      const id = pendingMessages(s)[0]?.clientMessageId;
      await store.update(s.id, (c) => ({ ...(id ? markFailed(c, id, error.message) : c), lastError: error.message }));
      return 0;
    }
    case 'drop':
      // Typing and user data: nothing the chat depends on. User data refused is let go.
      if (step === 'userData') await store.update(s.id, (c) => ({ ...c, pendingUserData: undefined }));
      if (step === 'files') await store.update(s.id, (c) => ({ ...c, fileLimits: null }));
      return 0;
    case 'backoff': {
      const failed = await store.update(s.id, (c) => ({ ...c, failures: c.failures + 1, needsResync: true, lastError: error.message }));
      return ctx.backoff(failed?.failures ?? 1);
    }
  }
}
