/**
 * Entry of the page API relay bundle (`page-api-relay.js`): an isolated-world content script
 * registered next to `page-api.js` on sites with the page API on. Raw extension API: one port
 * does not justify the polyfill.
 */
import { startPageApiRelay } from './page-api-relay';

type Port = { postMessage(m: unknown): void; onMessage: { addListener(l: (m: unknown) => void): void }; onDisconnect: { addListener(l: () => void): void } };
declare const chrome: { runtime: { connect(info: { name: string }): Port } };
declare const browser: typeof chrome | undefined;

const GUARD = Symbol.for('beckon.page-api-relay');
const scope = globalThis as { [GUARD]?: boolean };
if (!scope[GUARD]) {
  scope[GUARD] = true;
  const api = typeof browser === 'undefined' ? chrome : browser;
  startPageApiRelay({ win: window, connect: (name) => api.runtime.connect({ name }), setTimer: (fn, ms) => void setTimeout(fn, ms) });
}
