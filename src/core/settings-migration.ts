/**
 * Upgrades stored settings from older versions to the current shape. Pure: the same input
 * always gives the same output, so it is safe wherever it runs.
 */

interface V1 {
  version: 1;
  backend: unknown;
  rule: { id: string; urlPattern: string; secondsOnPage: number; queue: string; topic: string };
  enabledSites: string[];
}

const isV1 = (raw: unknown): raw is V1 =>
  typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === 1 && typeof (raw as V1).rule === 'object';

/**
 * Version 1 had a single rule (URL pattern, seconds on page, queue, topic); version 2 has a
 * list of rules with conditions, plus capping, business hours, page-name sources and the
 * privacy guard, which take their defaults. Anything else is returned unchanged.
 */
export function migrateSettings(raw: unknown): unknown {
  if (!isV1(raw)) return raw;
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
