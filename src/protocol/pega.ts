/**
 * Background ⇄ Pega desktop relay (the isolated-world content script in the Pega Customer
 * Service tab), and relay ⇄ main-world bridge (window messages). Types and constants only:
 * the relay is a content script and stays free of zod; it checks shapes by hand.
 */

/** The pega.CS interaction API (seed 000). The main-world bridge keeps its own copy: it is serialized. */
export const PEGA_CS_METHODS = ['startInteraction', 'switchInteraction', 'endInteraction'] as const;

/** What the bridge may be asked: a pega.CS call, or a probe of which of them the page has. */
export const PEGA_METHODS = [...PEGA_CS_METHODS, 'probe'] as const;
export type PegaMethod = (typeof PEGA_METHODS)[number];

/**
 * Background → relay (`tabs.sendMessage`). Each names the configured `portal` (a match
 * pattern of one host): a relay whose page is not at it takes no nonce and makes no call.
 */
export type BackgroundToPegaRelay =
  /** Sent once per page load, right after the bridge is injected with the same nonce. */
  | { type: 'pega.init'; nonce: string; portal: string }
  /** One pega.CS call; `key` is the idempotency key: a repeat answers from the relay's memory. */
  | { type: 'pega.call'; key: string; method: PegaMethod; args: unknown[]; timeoutMs: number; portal: string };

/** The relay's answer to `pega.call`: the callback's data, or why there is none. */
export type PegaRelayReply = { ok: true; data: unknown } | { ok: false; error: string; retryable: boolean };

/** `data.beckonPega` of a window message from the relay to the bridge, and back. */
export const PEGA_CALL_TAG = 'beckon-pega-call';
export const PEGA_REPLY_TAG = 'beckon-pega-reply';
