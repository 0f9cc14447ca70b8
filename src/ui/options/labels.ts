/**
 * The visible label of every options field, in one place: the fields render them and the
 * error summary repeats them, so what the summary names is what the page shows.
 */
import { CRM_CONNECTOR_INFO, CRM_CONNECTORS, type CrmConnectorKind } from '../../core/crm/settings';
import type { CappingSettings } from '../../core/rules/capping';
import type { Condition } from '../../core/rules/rule-schema';
import type { BackendSettings } from '../../core/settings';

export const BACKEND_LABELS = {
  kind: 'Chat API', url: 'Server URL', contactCenterId: 'ContactCenterId', serviceName: 'Service name', nickname: 'Visitor nickname',
} as const;

/** The dialects as the Chat API select names them. */
export const BACKEND_KIND_LABELS: Record<BackendSettings['kind'], string> = {
  gws: 'GWS Customer Chat API v2',
  gms: 'GMS Chat API v2',
};

export const RULE_LABELS: Record<string, string> = {
  id: 'Rule id',
  name: 'Rule name',
  enabled: 'Enabled',
  include: 'Include URLs',
  exclude: 'Exclude URLs',
  match: 'Conditions must match',
  conditions: 'Conditions',
  queue: 'Queue',
  offerText: 'Offer text',
  metadata: 'Metadata sent to the agent',
  ui: 'How the offer is shown',
  autoDismissSeconds: 'Auto-dismiss after (seconds)',
  unknownAvailability: 'When queue availability is unknown',
};

export const CONDITION_KIND_LABELS: Record<Condition['kind'], string> = {
  pageName: 'Page name matches',
  referrer: 'Referrer matches',
  query: 'Query parameter',
  signal: 'Signal threshold',
  exitIntent: 'Exit intent',
  elementVisible: 'Element seen on screen',
  elementClicked: 'Element clicked',
};

export const CONDITION_LABELS: Record<string, string> = {
  pattern: 'Pattern',
  param: 'Parameter name',
  test: 'Test',
  equals: 'Value',
  signal: 'Signal',
  min: 'At least',
  selector: 'CSS selector',
};

export const METADATA_LABELS: Record<string, string> = { key: 'Name', value: 'Value' };

export const CAPPING_LABELS: Record<keyof CappingSettings, string> = {
  oncePerRulePerVisit: 'Each rule offers at most once per visit',
  declineCooldownMinutes: 'Cooldown after a decline (minutes)',
  afterChatMinutes: 'Quiet period after a chat (minutes)',
  minGapSeconds: 'Minimum gap between offers (seconds)',
  dailyCap: 'Daily cap (offers per day, 0 for no limit)',
  visitTimeoutMinutes: 'A visit ends after (minutes without a page view)',
};

/** Monday first, as most business-hours tables read. */
export const DAY_LABELS = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
} as const;

export const HOURS_LABELS: Record<string, string> = {
  enabled: 'Offer only during business hours',
  timeZone: 'Time zone',
  holidays: 'Holidays (closed all day)',
  isOpen: 'Open',
  open: 'Opens',
  close: 'Closes',
};

export const PAGE_NAME_LABELS: Record<string, string> = {
  urlMap: 'URL-to-name map',
  pattern: 'URL pattern',
  name: 'Page name',
  selector: 'CSS selector',
  useOgTitle: 'Use the og:title meta tag',
};

/** A demo profile's fields. */
export const PROFILE_LABELS: Record<string, string> = {
  name: 'Profile name',
  brand: 'Brand name',
  accent: 'Accent colour',
  accentInk: 'Text on accent',
  logo: 'Logo or agent avatar',
  corner: 'Widget corner',
  eyebrow: 'Offer eyebrow',
  language: 'Visitor language',
};

/** An enabled site's own options (page API). */
export const SITE_OPTION_LABELS: Record<string, string> = {
  pageApi: 'Page API',
  offerWaitSeconds: 'Page offer wait (seconds)',
  chatQueue: 'Queue for page chats',
  profileId: 'Demo profile',
};

/** What switching a site's page API on allows, said plainly next to the switch. */
export const PAGE_API_WARNING =
  'Scripts on this site can then offer chats, start chats, and read the chats they started (pega.chat.proactiveChat and the Genesys chat API). Turn it on only for a site whose scripts you trust.';

export const PRIVACY_LABEL = 'Privacy guard: remove email addresses and long numbers from page names and URLs';

/** The placeholders a metadata value may use (filled by `fillMetadata` in the core). */
export const METADATA_PLACEHOLDERS = ['{pageName}', '{timeOnPage}', '{activeTime}', '{url}', '{referrer}', '{pagesViewed}', '{visits}'] as const;

/** The CRM connectors as the options page names them (`CRM_CONNECTOR_INFO`, shared with the registry). */
export const CRM_CONNECTOR_LABELS = Object.fromEntries(CRM_CONNECTORS.map((k) => [k, CRM_CONNECTOR_INFO[k].label])) as Record<CrmConnectorKind, string>;

/** Connectors that can receive offer outcomes (pega.CS has no call for them). */
export const CRM_RECORDS_OUTCOMES = Object.fromEntries(CRM_CONNECTORS.map((k) => [k, CRM_CONNECTOR_INFO[k].recordsOutcomes])) as Record<CrmConnectorKind, boolean>;

/** CRM fields by their path under `crm` (e.g. `webhook.url`). */
export const CRM_LABELS: Record<string, string> = {
  connector: 'Send interactions to',
  'sandbox.url': 'Sandbox CRM URL',
  'sandbox.token': 'Sandbox CRM token',
  'pega.portal': 'Pega desktop portal (match pattern)',
  'pega.timeoutSeconds': 'Callback timeout (seconds)',
  'webhook.url': 'Webhook URL',
  'webhook.headers': 'Webhook headers',
  'webhook.secret': 'Signing secret',
  interactionClass: 'Interaction class',
  flowName: 'Flow name',
  persona: 'Demo persona',
  'persona.contactId': 'ContactId',
  'persona.accountNumber': 'AccountNumber',
  'persona.name': 'Customer name',
  recordOutcomes: 'Also record offer outcomes',
};
