/**
 * Files in a chat (GMS Chat API v2 file API; protocols.md §3, the Sandbox's wire notes): what
 * a file is in the shared model, the limits a server sets, and whether a file the visitor picked
 * may be sent under them, with a message the visitor can act on. Pure.
 */

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

/** A file size for people: `438 bytes`, `12.5 KB`, `10 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** The extension of a file name, lower case, without the dot ('' when it has none). */
export const extensionOf = (name: string): string => (/\.([^./\\]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/**
 * Why the visitor may not send this file under these limits now, or null when it may go.
 * `agentPresent`: whether an agent is in the chat (for `needAgent`).
 */
export function uploadRefusal(file: { name: string; size: number }, limits: FileLimits, agentPresent: boolean): string | null {
  const ext = extensionOf(file.name);
  if (limits.types.length > 0 && !limits.types.includes(ext)) {
    return `${file.name} cannot be sent: this chat accepts ${limits.types.join(', ')} files${ext ? `, not .${ext}` : ''}.`;
  }
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > Math.min(limits.maxFileSize, MAX_FILE_BYTES)) return `${file.name} is ${formatSize(file.size)}; files up to ${formatSize(Math.min(limits.maxFileSize, MAX_FILE_BYTES))} can be sent.`;
  if (limits.usedFiles >= limits.maxFiles) return `You have sent ${limits.maxFiles} file${limits.maxFiles === 1 ? '' : 's'}, the most this chat takes.`;
  const left = limits.maxTotalSize - limits.usedTotalSize;
  if (file.size > left) return `${file.name} is ${formatSize(file.size)}; this chat takes ${formatSize(Math.max(0, left))} more.`;
  if (limits.needAgent && !agentPresent) return 'Files can be sent once an agent has joined.';
  return null;
}
