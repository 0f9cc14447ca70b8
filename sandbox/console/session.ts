/**
 * Where the console keeps the agent's credentials: sessionStorage only, so they vanish
 * with the tab and are never written to disk by a "remember me".
 */
import type { Credentials } from './api.ts';

const KEY = 'beckon.console.credentials';

/** Credentials saved in this tab, if any. */
export function loadCredentials(): Credentials | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<Credentials> | null;
    return typeof saved?.name === 'string' && typeof saved.password === 'string' ? { name: saved.name, password: saved.password } : null;
  } catch {
    return null;
  }
}

/** Saves credentials for this tab. */
export function saveCredentials(creds: Credentials): void {
  sessionStorage.setItem(KEY, JSON.stringify(creds));
}

/** Forgets the credentials (sign out, or the server refused them). */
export function clearCredentials(): void {
  sessionStorage.removeItem(KEY);
}
