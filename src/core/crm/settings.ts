/**
 * CRM sync settings: which connector receives the pega.CS interaction lifecycle, with what
 * interaction class, flow and demo persona, and each connector's own configuration. Every
 * connector keeps its configuration when another one is chosen, so switching back loses
 * nothing.
 */
import { z } from 'zod';
import { DEFAULT_CRM_TOKEN, DEFAULT_SANDBOX_URL } from '../defaults';
import { hasConcreteHost, isValidMatchPattern } from '../match-pattern';

/** Where interactions go: nowhere, the Sandbox CRM, a Pega desktop tab, or a webhook. */
export const CRM_CONNECTORS = ['none', 'sandbox', 'pega', 'webhook'] as const;
export type CrmConnectorKind = (typeof CRM_CONNECTORS)[number];

/**
 * What every part of the extension says about each connector: its name, and whether it can
 * take offer outcomes (the pega.CS API has no call for them). The registry in src/crm and
 * the options page and popup read it from here, so they never disagree.
 */
export const CRM_CONNECTOR_INFO: Record<CrmConnectorKind, { label: string; shortLabel: string; recordsOutcomes: boolean }> = {
  none: { label: 'Off', shortLabel: 'none', recordsOutcomes: false },
  sandbox: { label: 'Beckon Sandbox CRM', shortLabel: 'Sandbox CRM', recordsOutcomes: true },
  pega: { label: 'Pega Customer Service desktop', shortLabel: 'Pega desktop', recordsOutcomes: false },
  webhook: { label: 'Webhook', shortLabel: 'webhook', recordsOutcomes: true },
};

/** The class and flow of `pega.CS.startInteraction` for a chat (seed 000). */
export const DEFAULT_INTERACTION_CLASS = 'PegaCA-Work-Interaction-Chat';
export const DEFAULT_FLOW_NAME = 'CPMInteraction';

const required = (label: string, max = 200) => z.string().trim().min(1, `${label} is required`).max(max, `${label} is at most ${max} characters`);

const httpUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2000)
    .refine((u) => u === '' || /^https?:\/\/[^\s/]+/.test(u), `${label} must be an absolute http(s) URL, e.g. https://crm.example.com/hooks/beckon`);

/** RFC 6750 b64token: what travels unchanged as `Authorization: Bearer <token>`. */
const BEARER = /^[A-Za-z0-9\-._~+/]{8,200}=*$/;

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Headers the webhook sets itself, which a configured header must not replace. */
export const RESERVED_WEBHOOK_HEADERS = ['content-type', 'content-length', 'host', 'x-beckon-signature'];

const WebhookHeaderSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(HEADER_NAME, 'Header name may use letters, digits and !#$%&\'*+-.^_`|~ only, e.g. X-Api-Key')
    .refine((n) => !RESERVED_WEBHOOK_HEADERS.includes(n.toLowerCase()), 'Beckon sets this header itself'),
  // No line breaks: a header value cannot smuggle another header.
  value: z.string().max(2000).regex(/^[^\r\n]*$/, 'Header value cannot contain a line break'),
});

/**
 * The one address each connector cannot do without, and what to say when it is missing. The
 * schema checks it only once everything else is valid (a refine); the options page checks it
 * early too, from this same table, so every problem shows at once.
 */
const CRM_REQUIRED_FIELD: Record<string, { group: 'sandbox' | 'pega' | 'webhook'; key: string; message: string }> = {
  sandbox: { group: 'sandbox', key: 'url', message: 'Sandbox CRM URL is required' },
  pega: { group: 'pega', key: 'portal', message: 'Portal is required, e.g. https://pega.example.com/prweb/*' },
  webhook: { group: 'webhook', key: 'url', message: 'Webhook URL is required' },
};

/** The field a connector requires (none for `none` or anything unknown). */
export function crmRequiredField(connector: unknown): { group: 'sandbox' | 'pega' | 'webhook'; key: string; message: string } | undefined {
  return typeof connector === 'string' && Object.hasOwn(CRM_REQUIRED_FIELD, connector) ? CRM_REQUIRED_FIELD[connector] : undefined;
}

const PORTAL_HOST_MESSAGE =
  'Portal must name one host, without * (e.g. https://pega.example.com/prweb/*): Beckon posts the demo persona into the tab it matches';

/** Everything the options page sets for CRM sync. */
export const CrmSettingsSchema = z
  .object({
    connector: z.enum(CRM_CONNECTORS, { error: `CRM connector must be one of ${CRM_CONNECTORS.join(', ')}` }),
    interactionClass: required('Interaction class'),
    flowName: required('Flow name'),
    /** The demo customer the interactions are about (params ContactId and AccountNumber). */
    persona: z.object({ contactId: required('ContactId'), accountNumber: required('AccountNumber'), name: z.string().trim().max(200) }),
    /** Also send offer outcomes (offered, accepted, declined, timed out; suppressions stay local). */
    recordOutcomes: z.boolean(),
    sandbox: z.object({
      url: httpUrl('Sandbox CRM URL'),
      token: z.string().trim().regex(BEARER, "Token must be 8-200 characters of letters, digits and '-._~+/'"),
    }),
    pega: z.object({
      /** Match pattern of the Pega Customer Service desktop tab, e.g. `https://pega.example.com/prweb/*`. */
      portal: z
        .string()
        .trim()
        .max(2000)
        .refine((p) => p === '' || isValidMatchPattern(p), 'Portal must be a match pattern like https://pega.example.com/prweb/*')
        // One host: the relay is registered on the portal and answers with the persona there.
        .refine((p) => p === '' || !isValidMatchPattern(p) || hasConcreteHost(p), PORTAL_HOST_MESSAGE),
      /** How long a pega.CS call may take to call back. */
      timeoutSeconds: z.number().int('Timeout must be whole seconds').min(1, 'Timeout is at least 1 s').max(120, 'Timeout is at most 120 s'),
    }),
    webhook: z.object({
      url: httpUrl('Webhook URL'),
      headers: z.array(WebhookHeaderSchema).max(20, 'At most 20 headers'),
      /** HMAC-SHA256 key of the signature header; empty sends no signature. */
      secret: z.string().max(500),
    }),
  })
  .superRefine((crm, ctx) => {
    // Only the chosen connector must be complete; the others may stay half-filled.
    const required = crmRequiredField(crm.connector);
    if (required && (crm[required.group] as Record<string, unknown>)[required.key] === '') {
      ctx.addIssue({ code: 'custom', path: [required.group, required.key], message: required.message });
    }
  });
export type CrmSettings = z.infer<typeof CrmSettingsSchema>;

/** Out of the box: the Sandbox CRM next to the Sandbox chat server, with its demo token. */
export const DEFAULT_CRM: CrmSettings = {
  connector: 'sandbox',
  interactionClass: DEFAULT_INTERACTION_CLASS,
  flowName: DEFAULT_FLOW_NAME,
  persona: { contactId: 'CONT-1', accountNumber: 'ACCT-1001', name: 'Jordan Avery' },
  recordOutcomes: true,
  sandbox: { url: DEFAULT_SANDBOX_URL, token: DEFAULT_CRM_TOKEN },
  pega: { portal: '', timeoutSeconds: 15 },
  webhook: { url: '', headers: [], secret: '' },
};

const record = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * Stored settings with a Pega portal that names no single host (a `*` or `*.` host, which
 * was accepted before) made readable: the portal is cleared and, when Pega was the connector,
 * CRM sync is switched off, so the relay runs nowhere until a real portal is set. Everything
 * else is kept (refusing the whole entry would reset every setting). Pure; anything else is
 * returned unchanged.
 */
export function withoutWildcardPortal(settings: unknown): unknown {
  const crm = record(record(settings)?.crm);
  const pega = record(crm?.pega);
  const portal = pega?.portal;
  if (!crm || !pega || typeof portal !== 'string' || !isValidMatchPattern(portal.trim()) || hasConcreteHost(portal.trim())) return settings;
  const connector = crm.connector === 'pega' ? 'none' : crm.connector;
  return { ...record(settings), crm: { ...crm, connector, pega: { ...pega, portal: '' } } };
}
