/**
 * The GMS file limits (protocols.md §3.1: "userData also carries file-upload limits"). Their
 * names are the ones a real GMS server sends and Genesys' own iOS library reads
 * (ChatV2FileLimits.swift; a real reply captured in balkonsky/genesys-chat-apiv2-sdk);
 * every value travels as a string. Defaults are that real server's values, except
 * `download-attempts` (2 there: too few for a demo) and `upload-file-types` (gif and txt added).
 */

/** The limits of one Sandbox (`startSandbox({ fileLimits })`). */
export interface FileLimits {
  /** Largest single file, bytes (`upload-max-file-size`). */
  maxFileSize: number;
  /** All the customer's uploads in one chat together, bytes (`upload-max-total-size`). */
  maxTotalSize: number;
  /** Files the customer may upload in one chat (`upload-max-files`). */
  maxFiles: number;
  /** Allowed file-name extensions, lower case (`upload-file-types`, `:`-separated). */
  fileTypes: string[];
  /** Downloads the customer may make in one chat, all files together (`download-attempts`). */
  downloadAttempts: number;
  /** Uploads only while an agent is in the chat (`upload-need-agent`). */
  needAgent: boolean;
}

/** What a chat has used so far. */
export interface FileUsage {
  files: number;
  bytes: number;
  downloads: number;
}

export const DEFAULT_FILE_LIMITS: Readonly<FileLimits> = Object.freeze({
  maxFileSize: 10_485_760,
  maxTotalSize: 99_614_720,
  maxFiles: 5,
  fileTypes: ['gif', 'jpeg', 'jpg', 'pdf', 'png', 'txt', 'zip'],
  downloadAttempts: 10,
  needAgent: false,
});

/** The largest `maxFileSize` the Sandbox takes: a file is held in memory while it arrives. */
const MAX_FILE_SIZE_CAP = 100 * 1024 * 1024;

/** Defaults overridden by `given`, checked; throws a sentence naming the bad limit. */
export function fileLimits(given: Partial<FileLimits> = {}): FileLimits {
  const l = { ...DEFAULT_FILE_LIMITS, ...given, fileTypes: [...(given.fileTypes ?? DEFAULT_FILE_LIMITS.fileTypes)] };
  const whole = (name: keyof FileLimits, v: number, max = Number.MAX_SAFE_INTEGER) => {
    if (!Number.isInteger(v) || v < 0 || v > max) throw new Error(`fileLimits.${name} must be an integer from 0 to ${max}, not ${v}.`);
  };
  whole('maxFileSize', l.maxFileSize, MAX_FILE_SIZE_CAP);
  whole('maxTotalSize', l.maxTotalSize);
  whole('maxFiles', l.maxFiles, 1000);
  whole('downloadAttempts', l.downloadAttempts, 1_000_000);
  for (const t of l.fileTypes) {
    if (!/^[a-z0-9]{1,16}$/.test(t)) throw new Error(`fileLimits.fileTypes: '${t}' must be 1-16 lower-case letters or digits (an extension without the dot).`);
  }
  return l;
}

/** The limits as GMS sends them: every value a string. */
export function limitsUserData(l: FileLimits, used: FileUsage): Record<string, string> {
  return {
    'download-attempts': String(l.downloadAttempts),
    'upload-max-files': String(l.maxFiles),
    'upload-max-file-size': String(l.maxFileSize),
    'upload-max-total-size': String(l.maxTotalSize),
    'upload-need-agent': String(l.needAgent),
    'upload-file-types': l.fileTypes.join(':'),
    'used-upload-max-files': String(used.files),
    'used-upload-max-total-size': String(used.bytes),
    'used-download-attempts': String(used.downloads),
    // Deleting a file gives back neither its slot nor its size.
    'delete-file': 'false',
  };
}

/** The extension of a file name, lower case ('' when it has none). */
export const extensionOf = (name: string): string => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
