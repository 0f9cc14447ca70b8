/**
 * Every CRM connector, registered once: the background creates the configured one from
 * here, the options page lists them from here, and the contract suite runs over this list.
 */
import { CRM_CONNECTOR_INFO, type CrmConnectorKind, type CrmSettings } from '../core/crm/settings';
import { createPegaDesktopCrm, type PegaDesktopCall } from './pega-desktop';
import { createSandboxCrm } from './sandbox-crm';
import type { CrmConnector, CrmDeps } from './types';
import { createWebhookCrm } from './webhook';

/** What connectors get from the background: fetch, and a way into the Pega desktop tab. */
export interface CrmEnv extends CrmDeps {
  /** Calls pega.CS in the tab matching `portal` (a match pattern). */
  pegaDesktop: (portal: string, timeoutMs: number) => PegaDesktopCall;
}

/** One connector kind (its label and whether it takes outcomes: `CRM_CONNECTOR_INFO`). */
export interface CrmRegistration {
  create(crm: CrmSettings, env: CrmEnv): CrmConnector;
}

export const CRM_REGISTRY: Record<Exclude<CrmConnectorKind, 'none'>, CrmRegistration> = {
  sandbox: {
    create: (crm, env) => createSandboxCrm(crm.sandbox, env),
  },
  pega: {
    create: (crm, env) => createPegaDesktopCrm(env.pegaDesktop(crm.pega.portal, crm.pega.timeoutSeconds * 1000)),
  },
  webhook: {
    create: (crm, env) =>
      createWebhookCrm({ url: crm.webhook.url, secret: crm.webhook.secret, headers: Object.fromEntries(crm.webhook.headers.map((h) => [h.name, h.value])) }, env),
  },
};

/** Whether a connector kind can take offer outcomes. */
export function recordsOutcomes(kind: string): boolean {
  return (CRM_CONNECTOR_INFO as Record<string, { recordsOutcomes: boolean } | undefined>)[kind]?.recordsOutcomes === true;
}

/** The connector for `kind` with these settings, or undefined for `none`. */
export function createCrm(kind: string, crm: CrmSettings, env: CrmEnv): CrmConnector | undefined {
  const entry = (CRM_REGISTRY as Record<string, CrmRegistration | undefined>)[kind];
  return entry?.create(crm, env);
}
