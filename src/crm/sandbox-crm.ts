import { z } from 'zod';
import { crmFetch, CrmError, type CrmConnector, type CrmDeps } from './types';

/** Where the Sandbox CRM is and the token it wants. */
export interface SandboxCrmConfig {
  url: string;
  token: string;
}

const StartReply = z.object({ interactionId: z.string().min(1) }).loose();

/**
 * The Beckon Sandbox's CRM (`/api/crm/*`, a bearer token): it stores interactions with their
 * params, switches and transcript, and the agent console shows each beside its chat.
 */
export function createSandboxCrm(config: SandboxCrmConfig, deps: CrmDeps): CrmConnector {
  const base = config.url.replace(/\/+$/, '');
  const call = (method: 'GET' | 'POST', path: string, what: string, body?: object) =>
    crmFetch(deps, `${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${config.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }, what);
  const interaction = (id: string) => `/api/crm/interactions/${encodeURIComponent(id)}`;

  return {
    kind: 'sandbox',
    async startInteraction(req) {
      const response = await call('POST', '/api/crm/interactions', 'CRM start', req);
      const parsed = StartReply.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw new CrmError('CRM start: the reply has no interactionId', true);
      return { interactionId: parsed.data.interactionId };
    },
    async switchInteraction(interactionId, idempotencyKey) {
      await call('POST', `${interaction(interactionId)}/switch`, 'CRM switch', { idempotencyKey });
    },
    async endInteraction(interactionId, idempotencyKey, transcript) {
      await call('POST', `${interaction(interactionId)}/end`, 'CRM end', { idempotencyKey, transcript });
    },
    async recordOutcome(outcome, idempotencyKey) {
      await call('POST', '/api/crm/outcomes', 'CRM outcome', { idempotencyKey, ...outcome });
    },
    async testConnection() {
      await call('GET', '/api/crm/interactions?chatId=connection-test', 'CRM test');
      return `The Sandbox CRM at ${base} accepted the token.`;
    },
  };
}
