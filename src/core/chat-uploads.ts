/**
 * The visitor's files in a chat's transcript (GMS file API): an upload is a transcript line
 * like a message, pending until the server has it; its bytes wait in the background's upload
 * store (src/background/upload-store.ts) under the upload's id. Pure.
 */
import type { ChatSession, TranscriptEntry } from './chat-session';

/** The next upload of the outbox, if the oldest undelivered line is one. */
export const isUpload = (e: TranscriptEntry | undefined): e is TranscriptEntry & { clientMessageId: string; file: NonNullable<TranscriptEntry['file']> } =>
  e !== undefined && e.kind === 'file' && e.from === 'visitor' && e.clientMessageId !== undefined && e.file !== undefined;

/**
 * Appends the visitor's file as pending, and counts it against the chat's limits at once, so a
 * second file picked right after is checked against what the first uses. A repeat of a known
 * upload id changes nothing (a UI re-sends until it sees the line stored).
 */
export function queueUpload(s: ChatSession, upload: { id: string; name: string; mime: string; size: number }, nickname: string, now: number): ChatSession {
  if (s.transcript.some((e) => e.clientMessageId === upload.id)) return s;
  const entry: TranscriptEntry = {
    key: `c${upload.id}`, kind: 'file', from: 'visitor', nickname, text: upload.name, at: now, clientMessageId: upload.id, delivery: 'pending',
    file: { name: upload.name, size: upload.size, mime: upload.mime },
  };
  const limits = s.fileLimits ? { ...s.fileLimits, usedFiles: s.fileLimits.usedFiles + 1, usedTotalSize: s.fileLimits.usedTotalSize + upload.size } : s.fileLimits;
  return { ...s, transcript: [...s.transcript, entry], ...(limits ? { fileLimits: limits } : {}) };
}

/** The server has the upload: its line is sent, with the server's id for the file. */
export function uploadSent(s: ChatSession, uploadId: string, fileId: string): ChatSession {
  const { uploading: _uploading, ...rest } = s;
  return {
    ...rest,
    transcript: s.transcript.map((e) =>
      e.clientMessageId === uploadId && e.delivery === 'pending' && e.file ? { ...e, delivery: 'sent', file: { ...e.file, id: e.file.id ?? fileId } } : e,
    ),
  };
}

/** The upload ids whose bytes must be kept: lines not yet delivered (pending, or failed and retryable) of chats not over. */
export function uploadsToKeep(sessions: readonly ChatSession[]): Set<string> {
  const keep = new Set<string>();
  for (const s of sessions) {
    if (s.status === 'ended') continue;
    for (const e of s.transcript) if (isUpload(e) && e.delivery !== 'sent') keep.add(e.clientMessageId);
  }
  return keep;
}
