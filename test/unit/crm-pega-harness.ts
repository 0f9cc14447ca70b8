/**
 * The Pega desktop as the background reaches it, in one process: the fixture page (its
 * window.pega.CS exactly as served) in a happy-dom window, the real main-world bridge run
 * from its serialized source (as `scripting.executeScript` runs it), and the real relay,
 * driven with the messages the background sends (`pega.init`, then `pega.call`).
 */
import { Window } from 'happy-dom';
import { startPegaRelay } from '../../src/content/pega-relay';
import type { PegaDesktopCall } from '../../src/crm/pega-desktop';
import { installPegaBridge } from '../../src/crm/pega-main-world';
import { PEGA_CALL_TAG, PEGA_REPLY_TAG, type PegaRelayReply } from '../../src/protocol/pega';
import type { PegaCall } from '../e2e/support/pega-desktop-fixture';
import { CrmError } from '../../src/crm/types';

type Listener = (message: unknown, sendResponse: (r: unknown) => void) => boolean;

/** The portal match pattern the fixture pages are at (ports are not part of a match pattern). */
export const FIXTURE_PORTAL = 'http://127.0.0.1/pega-desktop.html*';

/** Opens the fixture page at `url` with the bridge and relay installed; the background's messages name `portal`. */
export async function openPegaDesktop(url: string, opts: { installBridge?: boolean; portal?: string } = {}) {
  const portal = opts.portal ?? FIXTURE_PORTAL;
  const origin = new URL(url).origin;
  const [html, js] = await Promise.all([fetch(url).then((r) => r.text()), fetch(`${origin}/pega-desktop.js`).then((r) => r.text())]);
  const window = new Window({ url });
  window.document.write(html.replace(/<script[^>]*><\/script>/, ''));
  new Function('window', 'document', 'URLSearchParams', js)(window, window.document, URLSearchParams);

  let relay: Listener | undefined;
  let announced = 0;
  startPegaRelay({ win: window as unknown as globalThis.Window, onMessage: (l) => (relay = l), announce: () => announced++, newId: () => crypto.randomUUID() });
  /** Sends a message to the relay as `tabs.sendMessage` would; undefined when it does not answer. */
  const send = (message: unknown) =>
    new Promise<unknown>((resolve) => {
      const async = relay!(message, resolve);
      if (!async) setTimeout(() => resolve(undefined), 0);
    });
  const nonce = crypto.randomUUID();
  if (opts.installBridge !== false) {
    // Serialized and re-evaluated, as executeScript does: proves the bridge needs no closure.
    new Function('window', `(${installPegaBridge.toString()})(...arguments[1])`)(window, [nonce, PEGA_CALL_TAG, PEGA_REPLY_TAG]);
  }
  await send({ type: 'pega.init', nonce, portal });

  const call: PegaDesktopCall = async (method, args, key) => {
    const reply = (await send({ type: 'pega.call', key, method, args, timeoutMs: 1_000, portal })) as PegaRelayReply;
    if (!reply.ok) throw new CrmError(reply.error, reply.retryable);
    return reply.data;
  };
  return {
    window,
    call,
    send,
    calls: () => (window as unknown as { __pegaCalls: PegaCall[] }).__pegaCalls,
    announced: () => announced,
    close: () => window.happyDOM.close(),
  };
}
