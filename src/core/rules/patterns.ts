import picomatch from 'picomatch/posix';

/**
 * Text patterns used by rules: a glob (`*` within a path segment, `**` across them,
 * case-insensitive), or a regular expression written `/source/flags`.
 */

const REGEX = /^\/(.+)\/([a-z]*)$/;
const cache = new Map<string, (text: string) => boolean>();

/** Why a pattern cannot be used, or null when it can. */
export function patternError(pattern: string): string | null {
  if (pattern.trim() === '') return 'Pattern is empty';
  const m = REGEX.exec(pattern);
  if (!m) return null;
  try {
    new RegExp(m[1]!, m[2]);
    return null;
  } catch (e) {
    return `Invalid regular expression: ${(e as Error).message}`;
  }
}

/** True when `text` matches the glob or `/regex/`. An unusable pattern matches nothing. */
export function matchesPattern(pattern: string, text: string): boolean {
  let test = cache.get(pattern);
  if (!test) {
    const m = REGEX.exec(pattern);
    if (m) {
      let re: RegExp | null = null;
      try {
        re = new RegExp(m[1]!, m[2]);
      } catch {
        re = null;
      }
      test = re ? (t) => re.test(t) : () => false;
    } else {
      test = picomatch(pattern, { dot: true, nocase: true });
    }
    cache.set(pattern, test);
  }
  return test(text);
}
