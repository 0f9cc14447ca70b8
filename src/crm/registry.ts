/**
 * Every CRM connector, registered once: the background creates the configured one from
 * here, the options page lists them from here, and the contract suite runs over this list.
 */
import type { CrmConnectorKind, CrmSettings } from '../core/crm/settings';
import { createPegaDesktopCrm, type PegaDesktopCall } from './pega-desktop';
import { createSandboxCrm } from './sandbox-crm';
import type { CrmConnector, CrmDeps } from './types';
import { createWebhookCrm } from './webhook';

/** What connectors get from the background: fetch, and a way into the Pega desktop tab. */
export interface CrmEnv extends CrmDeps {
  /** Calls pega.CS in the tab matching `portal` (a match pattern). */
  pegaDesktop: (portal: string, timeoutMs: number) => PegaDesktopCall;
}

/** One connector kind. */
export interface CrmRegistration {
  label: string;
  /** Whether offer outcomes can be sent there (the pega.CS API has no call for them). */
  recordsOutcomes: boolean;
  create(crm: CrmSettings, env: CrmEnv): CrmConnector;
}

export const CRM_REGISTRY: Record<Exclude<CrmConnectorKind, 'none'>, CrmRegistration> = {
  sandbox: {
    label: 'Beckon Sandbox CRM',
    recordsOutcomes: true,
    create: (crm, env) => createSandboxCrm(crm.sandbox, env),
  },
  pega: {
    label: 'Pega Customer Service desktop (pega.CS in an open tab)',
    recordsOutcomes: false,
    create: (crm, env) => createPegaDesktopCrm(env.pegaDesktop(crm.pega.portal, crm.pega.timeoutSeconds * 1000)),
  },
  webhook: {
    label: 'Webhook (signed JSON events)',
    recordsOutcomes: true,
    create: (crm, env) =>
      createWebhookCrm({ url: crm.webhook.url, secret: crm.webhook.secret, headers: Object.fromEntries(crm.webhook.headers.map((h) => [h.name, h.value])) }, env),
  },
};

/** The connector for `kind` with these settings, or undefined for `none`. */
export function createCrm(kind: string, crm: CrmSettings, env: CrmEnv): CrmConnector | undefined {
  const entry = (CRM_REGISTRY as Record<string, CrmRegistration | undefined>)[kind];
  return entry?.create(crm, env);
}
