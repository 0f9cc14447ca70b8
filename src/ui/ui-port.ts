/**
 * The one extension API a UI needs to talk to the background: opening a runtime port. Kept
 * apart from `wxt/browser` so the in-page frame's bundle does without the webextension
 * polyfill (about 9 KB gzip): Chrome's `chrome.runtime` and Firefox's `browser.runtime` open
 * ports with the same shape.
 */

/** What a UI uses of a runtime port. */
export interface UiPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Opens a port to the background under `name`; throws when the extension is gone. */
export type OpenPort = (name: string) => UiPort;

interface RawRuntime {
  runtime: { connect(info: { name: string }): UiPort };
}

/** Opens ports with the browser's own API (`browser` on Firefox, `chrome` on Chrome). */
export const openRuntimePort: OpenPort = (name) => {
  const scope = globalThis as { browser?: RawRuntime; chrome?: RawRuntime };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('no extension runtime here');
  return api.runtime.connect({ name });
};
