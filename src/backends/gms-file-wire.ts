/**
 * The GMS file messages and file limits on the wire (the Sandbox's wire notes §4; Genesys'
 * ChatV2FileLimits.swift): `FileUploaded` / `FileDeleted` transcript entries carry the file in
 * their `userData` (`file-id`, `file-name`, `file-size` as a decimal string, `file-type`,
 * `file-description`), with the id also as `text`; `file/limits` replies carry the limits as
 * strings in `userData`. Every value is the server's, so every one is checked and cleaned.
 */
import type { ChatEvent, Party } from '../core/chat-events';
import type { ChatFile, FileLimits } from '../core/chat-files';
import { cleanFileId, cleanFileName, cleanMime, cleanSize, cleanText, FILE_DESCRIPTION_MAX } from './file-names';

/** The user data key a visitor's upload carries its own id in, so the server's `FileUploaded` can name the upload. */
export const UPLOAD_ID_KEY = 'beckon-upload-id';

/** A file message as the adapter reads it: the transcript entry's shared fields plus its user data. */
export interface FileMessage {
  index: number;
  type: string;
  text?: string;
  userData?: unknown;
}

/** `v` as an object to read fields from; anything else (a server's bytes are untrusted) as an empty one. */
export const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The file a message's user data describes; its id from `file-id`, else the message text; no id: undefined. */
export function fileOf(m: FileMessage): ChatFile | undefined {
  const data = record(m.userData);
  const id = cleanFileId(data['file-id']) ?? cleanFileId(m.text);
  if (id === undefined) return undefined;
  const size = cleanSize(data['file-size']);
  const mime = cleanMime(data['file-type']);
  const description = typeof data['file-description'] === 'string' ? cleanText(data['file-description'], FILE_DESCRIPTION_MAX) : '';
  return {
    id,
    name: cleanFileName(data['file-name']) ?? 'file',
    ...(size === undefined ? {} : { size }),
    ...(mime === undefined ? {} : { mime }),
    ...(description === '' ? {} : { description }),
  };
}

/** The upload id the visitor's upload was sent with, echoed in the message's user data, if it is a plausible one. */
function uploadIdOf(m: FileMessage): string | undefined {
  const id = record(m.userData)[UPLOAD_ID_KEY];
  return typeof id === 'string' && /^[\x21-\x7e]{1,100}$/.test(id) ? id : undefined;
}

/**
 * `FileUploaded` → `file` (the visitor's own upload names its upload id in `clientMessageId`:
 * only the visitor's, so an agent's message cannot pass for the visitor's pending upload);
 * `FileDeleted` → `file-deleted`. A `FileUploaded` without a usable id is a notice (nothing to
 * download), a `FileDeleted` without one is skipped (nothing to mark).
 */
export function fileEvent(m: FileMessage, base: Omit<ChatEvent, 'type'>): ChatEvent | null {
  const file = fileOf(m);
  if (m.type === 'FileDeleted') {
    return file ? { ...base, type: 'file-deleted', file: { id: file.id, name: file.name, deleted: true } } : null;
  }
  if (!file) {
    const name = cleanFileName(record(m.userData)['file-name']);
    return { ...base, type: 'notice', text: `${who(base.party, base.nickname)} sent ${name ?? 'a file'}, but the chat server gave no id to download it by.` };
  }
  const uploadId = base.party === 'visitor' ? uploadIdOf(m) : undefined;
  return { ...base, type: 'file', file, ...(uploadId === undefined ? {} : { clientMessageId: uploadId }) };
}

/** Who did something, for a notice. */
export const who = (party: Party, nickname: string): string =>
  party === 'visitor' ? 'You' : cleanText(nickname, 100) || (party === 'agent' ? 'The agent' : 'The chat server');

/** Limits the reply must state: without them nothing sensible can be told to the visitor. */
const REQUIRED = {
  maxFileSize: 'upload-max-file-size',
  maxTotalSize: 'upload-max-total-size',
  maxFiles: 'upload-max-files',
} as const;

/**
 * The limits in a `file/limits` reply's user data (every value a string). Throws an Error
 * naming the first limit that is missing or not a whole number; what is optional
 * (`download-attempts`, `upload-need-agent`, `upload-file-types`, the `used-*` counts) falls
 * back to "no limit" or 0 when absent. An unknown or malformed file type is dropped.
 */
export function parseFileLimits(userData: unknown): FileLimits {
  const data = record(userData);
  const count = (key: string, fallback?: number): number => {
    const v = data[key];
    const n = cleanSize(v);
    if (n !== undefined) return n;
    if (v === undefined && fallback !== undefined) return fallback;
    throw new Error(v === undefined ? `'${key}' is missing` : `'${key}' is not a whole number of at least 0`);
  };
  const types = typeof data['upload-file-types'] === 'string'
    ? data['upload-file-types'].split(':').map((t) => t.trim().toLowerCase()).filter((t) => /^[a-z0-9]{1,16}$/.test(t))
    : [];
  return {
    maxFileSize: count(REQUIRED.maxFileSize),
    maxTotalSize: count(REQUIRED.maxTotalSize),
    maxFiles: count(REQUIRED.maxFiles),
    types: [...new Set(types)],
    needAgent: data['upload-need-agent'] === 'true' || data['upload-need-agent'] === true,
    downloadAttempts: count('download-attempts', Number.MAX_SAFE_INTEGER),
    usedFiles: count('used-upload-max-files', 0),
    usedTotalSize: count('used-upload-max-total-size', 0),
    usedDownloads: count('used-download-attempts', 0),
  };
}
