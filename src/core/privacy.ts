/**
 * The privacy guard: personal data that often hides in page titles and URLs (an email in a
 * "Welcome, jane@…" title, an account or card number in a path) is removed before page
 * context leaves the browser.
 */

// The local part is kept to the characters addresses use in practice, so that a URL's
// `/`, `?` and `=` around an address are not swallowed with it.
const EMAIL = /[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+/gi;
/** Six or more digits, allowing the spaces and dashes card and account numbers are written with. */
const LONG_DIGITS = /\d(?:[ -]?\d){5,}/g;

/** Replaces email addresses and long digit runs in free text. */
export function scrubText(text: string): string {
  return text.replace(EMAIL, '[email]').replace(LONG_DIGITS, '[number]');
}

/** Scrubs a URL's path, query and fragment, keeping it a readable URL. Not a URL: scrubbed as text. */
export function scrubUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return scrubText(url);
  }
  const rest = scrubText(decodeSafely(u.pathname + u.search + u.hash));
  return `${u.protocol}//${u.host}${rest}`;
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * User data a page gives (an offer's metadata, a chat's start or `setUserData`) as it may leave
 * the browser: each value scrubbed as text when the guard is on, as it is otherwise.
 */
export function guardUserData(guardOn: boolean, data: Readonly<Record<string, string>>): Record<string, string> {
  return guardOn ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, scrubText(v)])) : { ...data };
}
