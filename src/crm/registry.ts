/**
 * Every CRM connector, registered once; the contract suite runs over this list.
 * (The Pega desktop connector works through a tab and a page bridge, not HTTP, and is
 * composed by the background.)
 */
import { createSandboxCrm } from './sandbox-crm';
import type { CrmConnector, CrmDeps } from './types';
import { createWebhookCrm } from './webhook';

export const HTTP_CRMS = {
  sandbox: { label: 'Beckon Sandbox CRM', create: (c: { url: string; token: string }, d: CrmDeps): CrmConnector => createSandboxCrm(c, d) },
  webhook: {
    label: 'Webhook (signed JSON events)',
    create: (c: { url: string; headers: Record<string, string>; secret: string }, d: CrmDeps): CrmConnector => createWebhookCrm(c, d),
  },
} as const;
