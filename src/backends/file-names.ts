/**
 * What a chat server says about a file, made safe to show and to save: names, types and ids
 * come from the server and may be hostile (a path, control or bidi characters that disguise
 * an extension, a megabyte of text). Dialect-neutral; the download's name comes from its
 * Content-Disposition header (RFC 6266, `filename*` per RFC 8187 preferred), parsed by
 * @tinyhttp/content-disposition.
 */
import { parse as parseDisposition } from '@tinyhttp/content-disposition';

/** The longest file name kept, in characters (most file systems take 255). */
export const FILE_NAME_MAX = 255;
/** The longest file description kept, in characters. */
export const FILE_DESCRIPTION_MAX = 1000;

// C0 and C1 controls, and the bidi marks and overrides that can make `txt.exe` read as `exe.txt`.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Line breaks and tabs read as one space.
const BLANKS = /[\t\n\r\u2028\u2029]+/g;

/** Text without control or bidi characters (line breaks as one space), trimmed, at most `max` characters (code points). */
export function cleanText(raw: string, max: number): string {
  // Cut long text first: a hostile megabyte is not worth scanning whole.
  const text = raw.slice(0, max * 2 + 16).replace(BLANKS, ' ').replace(UNSAFE, '').trim();
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max).join('').trimEnd() : text;
}

/** A file name to show and save: its last path segment, cleaned; undefined when nothing usable is left. */
export function cleanFileName(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const name = cleanText(raw.split(/[/\\]/).pop() ?? '', FILE_NAME_MAX);
  return name === '' || /^\.+$/.test(name) ? undefined : name;
}

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,99}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,99}$/;

/** The `type/subtype` of a MIME type or Content-Type value (parameters dropped), lower case; undefined when it is not one. */
export function cleanMime(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const mime = raw.split(';', 1)[0]!.trim().toLowerCase();
  return MIME.test(mime) ? mime : undefined;
}

/**
 * A file id a server gave, if it is one we can put in a URL path: letters, digits and
 * `._~-`, not starting with a dot (so never `.` or `..`), at most 200 characters.
 */
export function cleanFileId(raw: unknown): string | undefined {
  return typeof raw === 'string' && /^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,199}$/.test(raw) ? raw : undefined;
}

/** A size in bytes: a non-negative safe integer, given as a number or a decimal string; undefined otherwise. */
export function cleanSize(raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * The file name a Content-Disposition header gives (`filename*` over `filename`), cleaned, or
 * undefined when the header is absent, malformed or names nothing usable.
 */
export function fileNameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  try {
    return cleanFileName(parseDisposition(header).parameters.filename);
  } catch {
    return undefined; // malformed: the caller's fallback name is better than a guess
  }
}
