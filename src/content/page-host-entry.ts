/**
 * Entry of the in-page host bundle (`page-ui.js`), injected by the background with
 * `scripting.executeScript` when an offer fires or a chat must show again. Built apart from
 * WXT (scripts/content-bundles.ts) like the watcher: no polyfill, no Preact, no zod. Every
 * injection into the same document reaches the same host through the isolated world's
 * global, which re-shows it if the page took it away.
 */
import { PAGE_FRAME_PATH, type HostToBackground } from '../protocol/page-frame';
import { createPageHost, type PageHost } from './page-host';

/** The raw extension API: three calls do not justify the polyfill. */
declare const chrome: { runtime: { id: string; getURL(path: string): string; sendMessage(m: HostToBackground): Promise<unknown> } };
declare const browser: typeof chrome | undefined;

const GUARD = Symbol.for('beckon.page-host');
const scope = globalThis as { [GUARD]?: PageHost };

/** `n` random lowercase letters (crypto: the page must not be able to guess the name). */
function letters(n: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => String.fromCharCode(97 + (b % 26))).join('');
}

function hex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

if (!scope[GUARD]) {
  const api = typeof browser === 'undefined' ? chrome : browser;
  const secret = hex(16);
  const registered = api.runtime.sendMessage({ type: 'frame.register', secret }).catch(() => undefined);
  const frameUrl = api.runtime.getURL(PAGE_FRAME_PATH);
  const { protocol } = new URL(frameUrl);
  scope[GUARD] = createPageHost({
    win: window,
    frameUrl,
    // Chrome loads a dynamic URL (use_dynamic_url) into a document of the extension's real
    // origin; Firefox's URL host is already the install's own random origin.
    frameOrigin: protocol === 'chrome-extension:' ? `${protocol}//${api.runtime.id}` : new URL(frameUrl).origin,
    secret,
    registered,
    // A name the page cannot have defined as its own custom element beforehand.
    randomTag: () => `${letters(6)}-${letters(6)}`,
    evict: (reason) => void api.runtime.sendMessage({ type: 'frame.evicted', reason }).catch(() => undefined),
    now: () => performance.now(),
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (id) => window.clearTimeout(id),
  });
}
scope[GUARD].ensure();
