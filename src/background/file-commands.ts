import { fromBase64, toBase64 } from '../core/base64';
import { uploadRefusal } from '../core/chat-files';
import type { ChatSession } from '../core/chat-session';
import { queueUpload } from '../core/chat-uploads';
import { BackendError, type ChatBackend } from '../backends/types';
import type { BackgroundToUi, UiToBackground } from '../protocol/ports';
import type { ChatRunner } from './chat-runner';
import type { SessionStore } from './session-store';
import type { UploadStore } from './upload-store';

/** What the file commands need. */
export interface FileCommandDeps {
  store: SessionStore;
  runner: ChatRunner;
  uploads: UploadStore;
  backend: () => Promise<ChatBackend>;
  now: () => number;
  nickname: () => Promise<string>;
}

/**
 * The visitor attaches a file to `session` (already checked to be the UI's to act on): checked
 * against the chat's limits, its bytes stored, then its line queued (so nothing is pending that
 * has no bytes), and the chat's loop uploads it. Returns a message to show on refusal.
 */
export async function attachFile(deps: FileCommandDeps, session: ChatSession, msg: Extract<UiToBackground, { type: 'file.attach' }>): Promise<string | void> {
  if (session.transcript.some((e) => e.clientMessageId === msg.uploadId)) return; // a UI's repeat
  if (!session.fileLimits) return 'This chat does not take files.';
  const bytes = fromBase64(msg.data);
  if (!bytes) return `${msg.name} could not be read: attach it again.`;
  const refusal = uploadRefusal({ name: msg.name, size: bytes.length }, session.fileLimits, session.agents.length > 0);
  if (refusal) return refusal;
  await deps.uploads.put(msg.uploadId, { name: msg.name, mime: msg.mime || 'application/octet-stream', bytes });
  const nickname = await deps.nickname();
  await deps.store.update(session.id, (s) => queueUpload(s, { id: msg.uploadId, name: msg.name, mime: msg.mime, size: bytes.length }, nickname, deps.now()));
  deps.runner.ensure(session.id);
}

/** Downloads a file of `session` for the visitor: the answer carries its bytes, or why there are none. */
export async function downloadFile(deps: FileCommandDeps, session: ChatSession, msg: Extract<UiToBackground, { type: 'file.download' }>): Promise<BackgroundToUi> {
  const { requestId, fileId } = msg;
  const known = session.transcript.some((e) => e.file?.id === fileId && !e.file.deleted);
  const backend = await deps.backend();
  if (!known || !session.chatId) return { type: 'file', requestId, error: 'That file is not in this chat (any more).' };
  if (!backend.files) return { type: 'file', requestId, error: 'This chat server does not give files.' };
  try {
    const file = await backend.files.download(session.chatId, fileId, session.backendSession);
    await deps.store.update(session.id, (s) => (s.fileLimits ? { ...s, fileLimits: { ...s.fileLimits, usedDownloads: s.fileLimits.usedDownloads + 1 } } : s));
    return { type: 'file', requestId, name: file.name, mime: file.mime, data: toBase64(file.bytes) };
  } catch (e) {
    const why = e instanceof BackendError ? e.message : String(e);
    return { type: 'file', requestId, error: `The file could not be downloaded: ${why}` };
  }
}
