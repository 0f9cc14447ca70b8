/**
 * The seeds' JavaScript APIs on an opted-in page (issue 12): what their arguments may be.
 * Pure and import-free: the main-world script checks arguments with it before anything leaves
 * the page (and must stay small), and the background checks them again.
 */

/** Limits on what a page may pass. */
export const PAGE_API_LIMITS = {
  queue: 100,
  metadataKeys: 20,
  metadataKey: 100,
  /** The seed's metadata is "an object of strings": short ones. */
  metadataValue: 500,
  message: 4_000,
  userDataKeys: 20,
  userDataKey: 100,
  userDataValue: 1_000,
  nickname: 100,
  subject: 200,
} as const;

/** The capping rule id page offers count under (one per visit, like a rule). */
export const PAGE_OFFER_RULE = 'page-api';

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object of short strings (metadata, user data), or why it is not one. */
export function checkStrings(
  v: unknown, what: string, limits: { keys: number; key: number; value: number },
): Checked<Record<string, string>> {
  if (!isRecord(v)) return { ok: false, error: `${what} must be an object of strings, e.g. {"Page Name": "Bill Payment"}` };
  const entries = Object.entries(v);
  if (entries.length > limits.keys) return { ok: false, error: `${what} has ${entries.length} keys; at most ${limits.keys}` };
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (key.length === 0 || key.length > limits.key) return { ok: false, error: `${what} key "${key.slice(0, 40)}" must be 1–${limits.key} characters` };
    if (typeof value !== 'string') return { ok: false, error: `${what}["${key}"] must be a string, not ${value === null ? 'null' : typeof value}` };
    if (value.length > limits.value) return { ok: false, error: `${what}["${key}"] is ${value.length} characters; at most ${limits.value}` };
    out[key] = value;
  }
  return { ok: true, value: out };
}

/** `pega.chat.proactiveChat.offer(queuename, metadata, bDefaultUI)`'s arguments, or why they are refused. */
export function checkOfferArgs(queue: unknown, metadata: unknown, defaultUi: unknown): Checked<{ queue: string; metadata: Record<string, string>; defaultUi: boolean }> {
  if (typeof queue !== 'string' || queue.trim() === '' || queue.length > PAGE_API_LIMITS.queue) {
    return { ok: false, error: `queuename must be a queue name (a string of 1–${PAGE_API_LIMITS.queue} characters)` };
  }
  const meta = checkStrings(metadata ?? {}, 'metadata', { keys: PAGE_API_LIMITS.metadataKeys, key: PAGE_API_LIMITS.metadataKey, value: PAGE_API_LIMITS.metadataValue });
  if (!meta.ok) return meta;
  if (defaultUi !== undefined && typeof defaultUi !== 'boolean') return { ok: false, error: 'bDefaultUI must be true or false' };
  return { ok: true, value: { queue: queue.trim(), metadata: meta.value, defaultUi: defaultUi !== false } };
}

/** User data a page sets (seed 002 `setUserData`), or why it is refused. */
export const checkUserData = (v: unknown) =>
  checkStrings(v, 'userData', { keys: PAGE_API_LIMITS.userDataKeys, key: PAGE_API_LIMITS.userDataKey, value: PAGE_API_LIMITS.userDataValue });

