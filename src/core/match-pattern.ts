/**
 * WebExtension match patterns (`<scheme>://<host>/<path>`), as used for enabled sites and
 * host permissions. Kept dependency-free: the browser is the real authority, this only
 * catches typos before a permission request.
 */

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*:]+)\/(.*)$/;

/** True when `pattern` is a valid http(s) match pattern (ports are not allowed: browsers differ on them). */
export function isValidMatchPattern(pattern: string): boolean {
  return PATTERN.test(pattern);
}

/**
 * True when the match pattern names one host: no `*` host and no `*.` subdomains (its
 * scheme and path may still be patterns). For what must never reach every site, such as
 * the Pega desktop portal, where Beckon posts the persona.
 */
export function hasConcreteHost(pattern: string): boolean {
  const host = PATTERN.exec(pattern)?.[2];
  return host !== undefined && !host.includes('*');
}

/** True when `url` is covered by the match pattern. */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const protocol = parsed.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(protocol) : scheme !== protocol) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (parsed.hostname !== base && !parsed.hostname.endsWith(`.${base}`)) return false;
    } else if (parsed.hostname !== host) return false;
  }
  const pathRe = new RegExp(`^/${path.split('*').map(escapeRegExp).join('.*')}$`);
  return pathRe.test(parsed.pathname + parsed.search);
}

/**
 * The match pattern that enables a whole site from one of its URLs,
 * e.g. `https://shop.example.com/cart?x=1` → `https://shop.example.com/*`.
 */
export function sitePatternFor(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}
