/**
 * Which host permissions a settings change needs. The background reaches the backend and
 * watches enabled sites, so each needs its host's permission; browsers only prompt for
 * one inside a user gesture, so callers request these synchronously in the click.
 */
import type { Settings } from '../../core/settings';

/** The match pattern of a backend URL's host, for its runtime host permission. */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/**
 * Permissions to ask for before `next` replaces `current` (its backend and every site it
 * newly enables), and those to give back afterwards (sites it no longer enables, except
 * the backend's own host, which the background still needs).
 */
export function permissionPlan(current: Settings, next: Settings): { request: string[]; remove: string[] } {
  const backend = originPattern(next.backend.url);
  const added = next.enabledSites.filter((s) => !current.enabledSites.includes(s));
  return {
    request: [...new Set([...(backend ? [backend] : []), ...added])],
    remove: current.enabledSites.filter((s) => !next.enabledSites.includes(s) && s !== backend),
  };
}
