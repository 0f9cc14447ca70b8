/**
 * The bearer token callers of the Sandbox CRM API present. One token per Sandbox, set with
 * `startSandbox({ crmToken })` / `--crm-token`; the default is printed by the CLI, like the
 * agent logins, so a fresh extension and a fresh Sandbox work together out of the box.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Token used when none is configured (a demo value, not a secret), shared with the extension's defaults. */
export { DEFAULT_CRM_TOKEN } from '../../src/core/defaults.ts';

/** Throws a readable Error for a token that cannot travel as `Authorization: Bearer <token>`. */
export function validateCrmToken(token: string): void {
  // RFC 6750 b64token characters: what every HTTP client sends unchanged in that header.
  if (!/^[A-Za-z0-9\-._~+/]{8,200}=*$/.test(token)) {
    throw new Error("The CRM token must be 8-200 characters of letters, digits and '-._~+/' (optionally ending in '=').");
  }
}

// Hashing first gives equal-length buffers, which timingSafeEqual requires.
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** True when `header` is `Bearer <token>` with this Sandbox's token (compared in constant time). */
export function checkBearer(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}
