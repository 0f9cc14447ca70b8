/**
 * Placeholders in autopilot messages and canned replies: `{Page Name}` is replaced by the
 * chat's user data value for `Page Name`. Pure (no Node, no DOM): the agent console bundles it
 * too, to fill canned replies in the composer.
 *
 * The rules (sandbox/README.md, *Placeholders*):
 * - `{Key}`: the value of user data key `Key` (spaces around the name are ignored).
 * - `{Key|fallback}`: the fallback when the key is missing or empty (`{Page Name|our site}`).
 * - A key that is missing, without a fallback, stays visible as written (`{Account}`): a typo
 *   in a script shows in the demo instead of silently vanishing, and an agent sees in the
 *   composer what it still has to fill in. An empty value without a fallback is empty.
 * - `{{` and `}}` are a literal `{` and `}`.
 * Values are inserted as plain text (the console and the transcript never render HTML).
 */

// `{{`, `}}`, or `{name}` / `{name|fallback}` on one line (names up to 200 characters, like user data keys).
const TOKEN = /\{\{|\}\}|\{([^{}|\n]{1,200})(?:\|([^{}\n]{0,1000}))?\}/g;

/** Fills the placeholders of `template` from `data` (see the module comment for the rules). */
export function fillPlaceholders(template: string, data: Readonly<Record<string, string>>): string {
  return template.replace(TOKEN, (token: string, name: string | undefined, fallback: string | undefined) => {
    if (token === '{{') return '{';
    if (token === '}}') return '}';
    const key = name!.trim();
    const value = Object.hasOwn(data, key) ? data[key] : undefined;
    if (value !== undefined && value !== '') return value;
    if (fallback !== undefined) return fallback;
    return value ?? token;
  });
}

/** The placeholder names of `template` that `data` lacks and that have no fallback (they would stay visible). */
export function missingPlaceholders(template: string, data: Readonly<Record<string, string>>): string[] {
  const missing: string[] = [];
  for (const [token, name, fallback] of template.matchAll(TOKEN)) {
    if (token === '{{' || token === '}}' || fallback !== undefined) continue;
    const key = name!.trim();
    if (!Object.hasOwn(data, key) && !missing.includes(key)) missing.push(key);
  }
  return missing;
}
