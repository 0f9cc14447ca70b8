import { fromBase64, toBase64 } from '../core/base64';
import { uploadRefusal } from '../core/chat-files';
import type { ChatSession } from '../core/chat-session';
import { queueUpload } from '../core/chat-uploads';
import { inEnglish, phrase, type Phrase } from '../core/i18n/visitor';
import { BackendError, type ChatBackend } from '../backends/types';
import type { BackgroundToUi, UiToBackground } from '../protocol/ports';
import type { ChatRunner } from './chat-runner';
import type { SessionStore } from './session-store';
import type { UploadStore } from './upload-store';

/** A refusal in the UI's language (the English for logs and older UIs). */
const refusal = (p: Phrase) => ({ message: inEnglish(p), phrase: p });
/** A download's failure in the UI's language. */
const failed = (requestId: string, p: Phrase): BackgroundToUi => ({ type: 'file', requestId, error: inEnglish(p), phrase: p });

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
 * has no bytes), and the chat's loop uploads it. Returns the refusal to show (with its phrase).
 */
export async function attachFile(deps: FileCommandDeps, session: ChatSession, msg: Extract<UiToBackground, { type: 'file.attach' }>): Promise<BackgroundToUi | void> {
  if (session.transcript.some((e) => e.clientMessageId === msg.uploadId)) return; // a UI's repeat
  if (!session.fileLimits) return { type: 'error', ...refusal(phrase('error.noFiles')) };
  const bytes = fromBase64(msg.data);
  if (!bytes) return { type: 'error', ...refusal(phrase('attach.unreadable', { name: msg.name })) };
  const refused = uploadRefusal({ name: msg.name, size: bytes.length }, session.fileLimits, session.agents.length > 0);
  if (refused) return { type: 'error', ...refusal(refused) };
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
  if (!known || !session.chatId) return failed(requestId, phrase('error.fileGone'));
  if (!backend.files) return failed(requestId, phrase('error.noFileServer'));
  try {
    const file = await backend.files.download(session.chatId, fileId, session.backendSession);
    await deps.store.update(session.id, (s) => (s.fileLimits ? { ...s, fileLimits: { ...s.fileLimits, usedDownloads: s.fileLimits.usedDownloads + 1 } } : s));
    return { type: 'file', requestId, name: file.name, mime: file.mime, data: toBase64(file.bytes) };
  } catch (e) {
    const why = e instanceof BackendError ? e.message : String(e);
    return failed(requestId, phrase('error.downloadFailed', { reason: why }));
  }
}
