/**
 * The visible label of every options field, as its staff catalog key, in one place: the
 * fields render them and the error summary and the import preview repeat them, so what the
 * summary names is what the page shows. English: src/core/i18n/catalogs/staff-en-options-fields.ts.
 */
import { CRM_CONNECTOR_INFO, CRM_CONNECTORS, type CrmConnectorKind } from '../../core/crm/settings';
import type { StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import type { CappingSettings } from '../../core/rules/capping';
import type { Condition } from '../../core/rules/rule-schema';
import type { NumericSignal } from '../../core/rules/signals';
import type { BackendSettings } from '../../core/settings';

/** Field names to their label's key. */
export type Labels = Readonly<Record<string, StaffKey>>;

/** The label of `key` in `labels`, in `t`'s language; the key itself for one it does not know. */
export const labelOf = (t: Translate<StaffKey>, labels: Labels, key: string | undefined): string =>
  key !== undefined && Object.hasOwn(labels, key) ? t(labels[key]!) : (key ?? '');

/**
 * Each name's key, `prefix` + name (`options.rule.` and `name`: `options.rule.name`); a name
 * whose key the catalog lacks is a type error.
 */
function keysOf<P extends string, const N extends string>(
  prefix: P,
  names: readonly N[] & ([`${P}${N}`] extends [StaffKey] ? unknown : { missingKey: Exclude<`${P}${N}`, StaffKey> }),
): { readonly [K in N]: `${P}${K}` } {
  return Object.fromEntries(names.map((n) => [n, `${prefix}${n}`])) as { [K in N]: `${P}${K}` };
}

export const BACKEND_LABELS = keysOf('options.backend.', ['kind', 'url', 'contactCenterId', 'serviceName', 'nickname']);

/** The dialects as the Chat API select names them. */
export const BACKEND_KIND_LABELS = keysOf('options.backend.kind.', ['gws', 'gms']) satisfies Record<BackendSettings['kind'], StaffKey>;

export const RULE_LABELS: Labels = keysOf('options.rule.', [
  'id', 'name', 'enabled', 'include', 'exclude', 'match', 'conditions', 'queue', 'offerText', 'metadata', 'ui', 'autoDismissSeconds', 'unknownAvailability',
]);

export const CONDITION_KIND_LABELS = keysOf('options.condition.kind.', [
  'pageName', 'referrer', 'query', 'signal', 'exitIntent', 'elementVisible', 'elementClicked',
]) satisfies Record<Condition['kind'], StaffKey>;

export const CONDITION_LABELS = keysOf('options.condition.', ['pattern', 'param', 'test', 'equals', 'signal', 'min', 'selector']);

/** How a threshold's signal reads in the Signal select (core's `SIGNAL_LABELS`, for the debugger). */
export const SIGNAL_LABELS = keysOf('options.signal.', [
  'activeSeconds', 'visibleSeconds', 'wallSeconds', 'idleSeconds', 'scrollDepth', 'pagesViewed', 'visits',
]) satisfies Record<NumericSignal, StaffKey>;

export const METADATA_LABELS = keysOf('options.metadata.', ['key', 'value']);

export const CAPPING_LABELS = keysOf('options.capping.', [
  'oncePerRulePerVisit', 'declineCooldownMinutes', 'afterChatMinutes', 'minGapSeconds', 'dailyCap', 'visitTimeoutMinutes',
]) satisfies Record<keyof CappingSettings, StaffKey>;

/** Monday first, as most business-hours tables read. */
export const DAY_LABELS = keysOf('options.day.', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const HOURS_LABELS = keysOf('options.hours.', ['enabled', 'timeZone', 'holidays', 'isOpen', 'open', 'close']);

export const PAGE_NAME_LABELS = keysOf('options.pageName.', ['urlMap', 'pattern', 'name', 'selector', 'useOgTitle']);

/** A demo profile's fields. */
export const PROFILE_LABELS: Labels = keysOf('options.profile.', ['name', 'brand', 'accent', 'accentInk', 'logo', 'corner', 'eyebrow', 'language']);

/** An enabled site's own options (page API). */
export const SITE_OPTION_LABELS = keysOf('options.site.', ['pageApi', 'offerWaitSeconds', 'chatQueue', 'profileId']);

/** The placeholders a metadata value may use (filled by `fillMetadata` in the core). */
export const METADATA_PLACEHOLDERS = ['{pageName}', '{timeOnPage}', '{activeTime}', '{url}', '{referrer}', '{pagesViewed}', '{visits}'] as const;

/** The CRM connectors as the options page names them (core's `CRM_CONNECTOR_INFO` labels, shared with the registry). */
export const CRM_CONNECTOR_LABELS = keysOf('options.crm.connector.', CRM_CONNECTORS);

/** Connectors that can receive offer outcomes (pega.CS has no call for them). */
export const CRM_RECORDS_OUTCOMES = Object.fromEntries(CRM_CONNECTORS.map((k) => [k, CRM_CONNECTOR_INFO[k].recordsOutcomes])) as Record<CrmConnectorKind, boolean>;

/** CRM fields by their path under `crm` (e.g. `webhook.url`). */
export const CRM_LABELS = keysOf('options.crm.', [
  'connector', 'sandbox.url', 'sandbox.token', 'pega.portal', 'pega.timeoutSeconds', 'webhook.url', 'webhook.headers', 'webhook.secret',
  'interactionClass', 'flowName', 'persona', 'persona.contactId', 'persona.accountNumber', 'persona.name', 'recordOutcomes',
]);
