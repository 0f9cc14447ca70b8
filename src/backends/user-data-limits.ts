/**
 * User data cut to what a dialect takes, so a long page title or URL never makes a chat
 * server refuse RequestChat (for good: the same request would be refused again).
 */
import { clipText } from '../core/clip';

/** The most characters of a value and of a key, and the most keys in one call. */
export interface UserDataLimits {
  valueMax: number;
  keyMax: number;
  keysMax: number;
}

/**
 * `data` within `limits`: values and keys clipped (between words where they have spaces),
 * the first `keysMax` keys kept (a rule's own metadata comes first). Two keys that clip to
 * the same name keep the first value. Values reach here already scrubbed by the privacy
 * guard, so a cut cannot expose half of something it would have hidden.
 */
export function clampUserData(data: Record<string, string>, limits: UserDataLimits): Record<string, string> {
  const kept = new Map<string, string>();
  for (const [key, value] of Object.entries(data)) {
    if (kept.size >= limits.keysMax) break;
    const name = clipText(key, limits.keyMax);
    if (name !== '' && !kept.has(name)) kept.set(name, clipText(value, limits.valueMax));
  }
  return Object.fromEntries(kept); // own data properties, even for a key named __proto__
}
