import { crmFetch, type CrmConnector, type CrmDeps } from './types';

/** Webhook settings: where to POST, extra headers, and the HMAC secret. */
export interface WebhookConfig {
  url: string;
  headers: Record<string, string>;
  secret: string;
}

/** Name of the signature header: `sha256=<hex HMAC-SHA256 of the raw body, keyed by the secret>`. */
export const SIGNATURE_HEADER = 'X-Beckon-Signature';

/** HMAC-SHA256 of `body` as hex, with WebCrypto (available in workers, pages and Node). */
export async function signBody(secret: string, body: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(body)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A CRM reached through a webhook: every lifecycle event is POSTed as JSON, signed. The
 * receiver may answer a start with `{"interactionId": "…"}`; otherwise the id is derived
 * from the idempotency key, so it is stable across retries.
 */
export function createWebhookCrm(config: WebhookConfig, deps: CrmDeps): CrmConnector {
  const post = async (event: Record<string, unknown>, what: string) => {
    const body = JSON.stringify({ ...event, sentAt: new Date().toISOString() });
    const signature: Record<string, string> = config.secret ? { [SIGNATURE_HEADER]: `sha256=${await signBody(config.secret, body)}` } : {};
    return crmFetch(deps, config.url, {
      method: 'POST',
      headers: { ...config.headers, 'Content-Type': 'application/json', ...signature },
      body,
    }, what);
  };
  return {
    kind: 'webhook',
    async startInteraction(req) {
      const response = await post({ type: 'interaction.started', id: req.idempotencyKey, interactionClass: req.interactionClass, flowName: req.flowName, params: req.params }, 'Webhook start');
      // Any body, or none: only a string interactionId of sensible length is taken.
      const reply = ((await response.json().catch(() => null)) ?? {}) as { interactionId?: unknown };
      const given = typeof reply === 'object' && typeof reply.interactionId === 'string' && reply.interactionId.length <= 200 ? reply.interactionId : '';
      return { interactionId: given || `W-${req.idempotencyKey}` };
    },
    async switchInteraction(interactionId, idempotencyKey) {
      await post({ type: 'interaction.switched', id: idempotencyKey, interactionId }, 'Webhook switch');
    },
    async endInteraction(interactionId, idempotencyKey, transcript) {
      await post({ type: 'interaction.ended', id: idempotencyKey, interactionId, transcript }, 'Webhook end');
    },
    async recordOutcome(outcome, idempotencyKey) {
      await post({ type: 'offer.outcome', id: idempotencyKey, ...outcome }, 'Webhook outcome');
    },
    async testConnection() {
      await post({ type: 'connection.test', id: `test-${Date.now()}` }, 'Webhook test');
      return `The webhook at ${config.url} accepted a signed test event.`;
    },
  };
}
