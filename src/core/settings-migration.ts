/**
 * Upgrades stored settings from older versions to the current shape. Pure: the same input
 * always gives the same output, so it is safe wherever it runs.
 */
import { DEFAULT_CRM } from './crm/settings';
import { DEMO_SITE_MATCHES, V3_DEFAULT_SITES } from './defaults';

interface V1 {
  version: 1;
  backend: unknown;
  rule: { id: string; urlPattern: string; secondsOnPage: number; queue: string; topic: string };
  enabledSites: string[];
}

const isV1 = (raw: unknown): raw is V1 =>
  typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === 1 && typeof (raw as V1).rule === 'object';

/**
 * Versions are upgraded one step at a time: 1 → 2 → 3 → 4.
 *
 * Version 1 had a single rule (URL pattern, seconds on page, queue, topic); version 2 has a
 * list of rules with conditions, plus capping, business hours, page-name sources and the
 * privacy guard, which take their defaults. Version 3 adds CRM sync. Version 4 narrows the
 * out-of-the-box sites to the demo site's path. Anything else (the current version, or
 * something unreadable for the schema to refuse) is returned unchanged.
 */
export function migrateSettings(raw: unknown): unknown {
  return toV4(toV3(isV1(raw) ? v1ToV2(raw) : raw));
}

const isV3 = (raw: unknown): raw is { version: 3; enabledSites?: unknown } =>
  typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === 3;

/**
 * Version 4: the old default sites (every page on 127.0.0.1 and localhost, which put the
 * visitor widget into the Sandbox's own agent console) become the demo site's path. Sites a
 * user added are kept as they are.
 */
function toV4(raw: unknown): unknown {
  if (!isV3(raw)) return raw;
  const sites = Array.isArray(raw.enabledSites) ? (raw.enabledSites as unknown[]) : [];
  const old = V3_DEFAULT_SITES as readonly unknown[];
  const kept = sites.filter((s) => !old.includes(s));
  const narrowed = sites.some((s) => old.includes(s)) ? [...DEMO_SITE_MATCHES, ...kept.filter((s) => !(DEMO_SITE_MATCHES as readonly unknown[]).includes(s))] : kept;
  return { ...raw, version: 4, enabledSites: narrowed };
}

const isV2 = (raw: unknown): raw is { version: 2 } =>
  typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === 2;

/** Version 3 adds CRM sync, which starts from its defaults (the Sandbox CRM). */
function toV3(raw: unknown): unknown {
  return isV2(raw) ? { ...raw, version: 3, crm: DEFAULT_CRM } : raw;
}

function v1ToV2(raw: V1): unknown {
  const r = raw.rule;
  return {
    version: 2,
    backend: raw.backend,
    rules: [{
      id: r.id, name: 'Rule 1', enabled: true, include: [r.urlPattern], exclude: [], match: 'all',
      conditions: [{ kind: 'signal', signal: 'visibleSeconds', min: r.secondsOnPage }],
      queue: r.queue, offerText: r.topic,
      metadata: { 'Page Name': '{pageName}', 'Time spent on page': '{timeOnPage}', URL: '{url}' },
      ui: 'default', autoDismissSeconds: 0, unknownAvailability: 'allow',
    }],
    capping: { oncePerRulePerVisit: true, declineCooldownMinutes: 30, afterChatMinutes: 60, minGapSeconds: 60, dailyCap: 5, visitTimeoutMinutes: 30 },
    businessHours: {
      enabled: false, timeZone: 'UTC', holidays: [],
      days: { sun: null, mon: { open: '09:00', close: '17:00' }, tue: { open: '09:00', close: '17:00' }, wed: { open: '09:00', close: '17:00' }, thu: { open: '09:00', close: '17:00' }, fri: { open: '09:00', close: '17:00' }, sat: null },
    },
    pageName: { urlMap: [], selector: '', useOgTitle: true },
    privacyGuard: true,
    enabledSites: raw.enabledSites,
  };
}
