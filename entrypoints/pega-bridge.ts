import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPegaRelay } from '../src/content/pega-relay';

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => boolean;
/** The raw extension API: one listener does not justify the polyfill. */
declare const chrome: { runtime: { id: string; onMessage: { addListener(l: Listener): void }; sendMessage(m: unknown): Promise<unknown> } };
declare const browser: typeof chrome | undefined;

const GUARD = Symbol.for('beckon.pega-bridge');

/**
 * The Pega desktop relay: registered on the configured portal while the Pega connector is
 * chosen (and injected on demand into a tab that was open before), see src/crm/README.md.
 */
export default defineUnlistedScript(() => {
  const scope = globalThis as { [GUARD]?: boolean };
  if (scope[GUARD]) return; // Already running in this page.
  scope[GUARD] = true;
  const api = typeof browser === 'undefined' ? chrome : browser;
  startPegaRelay({
    win: window,
    newId: () => crypto.randomUUID(),
    announce: () => void api.runtime.sendMessage({ type: 'pega.ready' }).catch(() => undefined),
    // Only the extension itself reaches a content script's onMessage; the id check says so twice.
    onMessage: (listener) => api.runtime.onMessage.addListener((m, sender, send) => sender.id === api.runtime.id && listener(m, send)),
  });
});
