/**
 * Files in a chat (GMS Chat API v2 file API; protocols.md §3, the Sandbox's wire notes): what
 * a file is in the shared model, the limits a server sets, and whether a file the visitor picked
 * may be sent under them, with a message the visitor can act on (a phrase of the visitor
 * catalogs, shown in the visitor's language). Pure.
 */
import { inEnglish, phrase, sizeText, visitorEnglish, type Phrase } from './i18n/visitor';

/** A file in the chat, as the transcript knows it. */
export interface ChatFile {
  /** The server's id (GMS `file-id`); absent while the visitor's upload is not through. */
  id?: string;
  name: string;
  /** Bytes, when the server says. */
  size?: number;
  /** MIME type, when the server says. */
  mime?: string;
  description?: string;
  /** The file was deleted (GMS `FileDeleted`): it stays in the transcript, without a download. */
  deleted?: boolean;
}

/** The limits a server sets on the visitor's files in one chat (GMS `file/limits`), and what is used. */
export interface FileLimits {
  /** Largest single file, bytes. */
  maxFileSize: number;
  /** All the visitor's files in the chat together, bytes. */
  maxTotalSize: number;
  /** How many files the visitor may send in the chat. */
  maxFiles: number;
  /** Allowed file-name extensions, lower case, without the dot. Empty: any. */
  types: string[];
  /** Uploads only while an agent is in the chat. */
  needAgent: boolean;
  /** Downloads the visitor may make in the chat, all files together. */
  downloadAttempts: number;
  usedFiles: number;
  usedTotalSize: number;
  usedDownloads: number;
}

/**
 * The largest file Beckon carries between a chat window and the background, whatever a server
 * allows: the bytes cross an extension message (as base64) and wait in IndexedDB.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A file size for people, in English: `438 bytes`, `12.5 KB`, `10 MB` (a UI uses `sizeText` in its language). */
export const formatSize = (bytes: number): string => sizeText(bytes, visitorEnglish, 'en');

/** The extension of a file name, lower case, without the dot ('' when it has none). */
export const extensionOf = (name: string): string => (/\.([^./\\]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/**
 * Why the visitor may not send this file under these limits now (a phrase naming the limit and
 * what is allowed), or null when it may go. `agentPresent`: whether an agent is in the chat
 * (for `needAgent`).
 */
export function uploadRefusal(file: { name: string; size: number }, limits: FileLimits, agentPresent: boolean): Phrase | null {
  const { name, size } = file;
  const ext = extensionOf(name);
  if (limits.types.length > 0 && !limits.types.includes(ext)) {
    const types = limits.types.join(', ');
    return ext ? phrase('upload.wrongExtension', { name, types, ext }) : phrase('upload.wrongType', { name, types });
  }
  if (size === 0) return phrase('upload.empty', { name });
  const max = Math.min(limits.maxFileSize, MAX_FILE_BYTES);
  if (size > max) return phrase('upload.tooBig', { name, size, max });
  if (limits.usedFiles >= limits.maxFiles) return phrase('upload.tooMany', { max: limits.maxFiles });
  const left = limits.maxTotalSize - limits.usedTotalSize;
  if (size > left) return phrase('upload.totalTooBig', { name, size, left: Math.max(0, left) });
  if (limits.needAgent && !agentPresent) return phrase('upload.needAgent');
  return null;
}

/** {@link uploadRefusal} in English (what the background logs and stores). */
export function uploadRefusalText(file: { name: string; size: number }, limits: FileLimits, agentPresent: boolean): string | null {
  const refusal = uploadRefusal(file, limits, agentPresent);
  return refusal ? inEnglish(refusal) : null;
}
