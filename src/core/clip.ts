/**
 * Fitting page text and URLs into the limits of what carries them (the watcher's report,
 * a backend's user data) without breaking them: text is cut between words, a URL stays a
 * valid URL of its origin. Tiny and dependency-free: the watcher bundles it.
 */

/** A cut that would separate a surrogate pair leaves the lone high half out. */
const beforePair = (s: string, end: number) => (end > 0 && (s.charCodeAt(end - 1) & 0xfc00) === 0xd800 ? end - 1 : end);

/**
 * `text` in at most `max` characters. It is cut at the last space before the limit when
 * there is one near it, so an email address or a card number is kept whole or dropped
 * whole, never half, where the privacy guard would no longer recognise it.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, beforePair(text, space > Math.max(0, max - 100) ? space : max));
}

/**
 * `url` in at most `max` characters, still a valid URL of the same origin: the fragment
 * goes first, then query parameters from the end (whole ones: query conditions read the
 * first), then the query; a hash route is kept when only the query was too long; a path
 * that alone is too long is cut after its last `/` that fits. Credentials are dropped once
 * anything is cut. '' when `url` is too long and not a URL at all.
 */
export function clipUrl(url: string, max: number): string {
  if (url.length <= max) return url;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '';
  }
  const path = u.origin + u.pathname;
  const query = path + u.search;
  if (query.length <= max) return query;
  const amp = query.lastIndexOf('&', max);
  if (amp > path.length) return query.slice(0, amp);
  if ((path + u.hash).length <= max) return path + u.hash;
  if (path.length <= max) return path;
  const slash = path.lastIndexOf('/', max - 1);
  return slash >= u.origin.length ? path.slice(0, slash + 1) : '';
}
