/**
 * The isolated-world half of the Pega desktop bridge, injected by the background into the
 * Pega Customer Service tab (`pega-bridge.js`). It takes pega.CS calls from the background
 * only (the extension's own messages), hands them to the main-world bridge with this page
 * load's nonce, and answers with the callback's data.
 *
 * It remembers each call by its idempotency key for the life of the page: a retry after a
 * lost reply (the worker stopped mid-call) or a time-out waits for the first call's answer,
 * and pega.CS is never asked twice. The nonce keeps other frames and stray messages out; it
 * is not a secret from the desktop page itself, which can read window messages but owns
 * window.pega.CS anyway. What the page cannot do is make the extension act: the relay takes
 * commands only from the background, and hands back only answers to calls it made.
 *
 * It also checks where it is: every message names the configured portal, and a relay on a
 * page the portal does not match (registered or injected on the wrong page, a tab that
 * navigated away) or told a portal that names no single host takes no nonce and calls
 * nothing, so the persona never goes into another site's page.
 */
import { hasConcreteHost, matchesPattern } from '../core/match-pattern';
import { PEGA_CALL_TAG, PEGA_METHODS, PEGA_REPLY_TAG, type PegaRelayReply } from '../protocol/pega';

type SendResponse = (r: unknown) => void;

/** What the relay needs from its page and the extension. */
export interface PegaRelayEnv {
  win: Window;
  /** Registers the listener for the extension's messages (only the background's reach it). */
  onMessage: (listener: (message: unknown, sendResponse: SendResponse) => boolean) => void;
  /** Tells the background this page load has a relay, so CRM events waiting for the desktop go now. */
  announce: () => void;
  newId: () => string;
}

interface Call {
  key: string;
  method: string;
  args: unknown[];
  timeoutMs: number;
}

const isCall = (m: Record<string, unknown>): m is Record<string, unknown> & Call =>
  m.type === 'pega.call' && typeof m.key === 'string' && m.key.length <= 300 &&
  (PEGA_METHODS as readonly unknown[]).includes(m.method) && Array.isArray(m.args) &&
  typeof m.timeoutMs === 'number' && m.timeoutMs > 0 && m.timeoutMs <= 120_000;

/** Starts the relay in this page. */
export function startPegaRelay({ win, onMessage, announce, newId }: PegaRelayEnv): void {
  let nonce: string | null = null;
  const answers = new Map<string, Promise<PegaRelayReply>>();
  const waiting = new Map<string, (reply: PegaRelayReply) => void>();
  const origin = win.location.origin;
  /** Whether this page is at the portal the background names (checked now: the page may have moved on). */
  const atPortal = (portal: unknown): portal is string =>
    typeof portal === 'string' && hasConcreteHost(portal) && matchesPattern(portal, win.location.href);

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win || event.origin !== origin || nonce === null) return;
    const d = event.data as { beckonPega?: unknown; nonce?: unknown; id?: unknown; data?: unknown; error?: unknown; called?: unknown } | null;
    if (!d || d.beckonPega !== PEGA_REPLY_TAG || d.nonce !== nonce || typeof d.id !== 'string') return;
    const resolve = waiting.get(d.id);
    if (!resolve) return; // not a call of ours, or answered already
    waiting.delete(d.id);
    // pega.CS was not there to call (a page still loading, signed out): trying later is safe.
    resolve(typeof d.error === 'string' ? { ok: false, error: d.error.slice(0, 500), retryable: d.called === false } : { ok: true, data: d.data });
  });

  /** Calls pega.CS through the bridge; settles only when the bridge answers, however late. */
  const call = ({ method, args }: Call): Promise<PegaRelayReply> =>
    new Promise((resolve) => {
      const id = newId();
      waiting.set(id, resolve);
      win.postMessage({ beckonPega: PEGA_CALL_TAG, nonce, id, method, args }, origin);
    });

  /** The answer to a key, or a retryable time-out; the call itself is never made twice. */
  const answerWithin = (answer: Promise<PegaRelayReply>, { method, timeoutMs }: Call): Promise<PegaRelayReply> =>
    new Promise((resolve) => {
      const timer = win.setTimeout(
        () => resolve({ ok: false, error: `pega.CS.${method} did not call back within ${Math.round(timeoutMs / 1000)} s; waiting for it`, retryable: true }),
        timeoutMs,
      );
      void answer.then((reply) => {
        win.clearTimeout(timer);
        resolve(reply);
      });
    });

  onMessage((message, sendResponse) => {
    const m = (message ?? {}) as Record<string, unknown>;
    if (m.type === 'pega.init' && typeof m.nonce === 'string') {
      if (!atPortal(m.portal)) {
        sendResponse(false); // no nonce: no bridge is paired with a relay in the wrong place
        return false;
      }
      nonce ??= m.nonce; // one nonce per page load: a second init cannot replace it
      sendResponse(nonce === m.nonce);
      return false;
    }
    if (!isCall(m)) return false;
    if (!atPortal(m.portal)) {
      // Retryable: a desktop tab that moved on is looked up again on the next try.
      const error = `This tab is not the Pega desktop portal (${typeof m.portal === 'string' ? m.portal.slice(0, 200) : 'none named'}): Beckon sends it nothing`;
      sendResponse({ ok: false, error, retryable: true } satisfies PegaRelayReply);
      return false;
    }
    if (nonce === null) {
      sendResponse({ ok: false, error: 'The Pega bridge is not ready in this tab', retryable: true } satisfies PegaRelayReply);
      return false;
    }
    let answer = answers.get(m.key);
    if (!answer) {
      answer = call(m);
      answers.set(m.key, answer);
      // Remembered for the life of the page, late answers included; only a call pega.CS
      // never received (it was not there yet) may be made again.
      void answer.then((r) => !r.ok && r.retryable && answers.delete(m.key));
    }
    void answerWithin(answer, m).then(sendResponse);
    return true; // answered asynchronously
  });
  announce();
}
