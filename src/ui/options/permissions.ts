/**
 * Which host permissions a settings change needs. The background reaches the backend and
 * the CRM and watches enabled sites, so each needs its host's permission; browsers only
 * prompt for one inside a user gesture, so callers request these synchronously in the click.
 */
import type { CrmSettings } from '../../core/crm/settings';
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import type { Settings } from '../../core/settings';

/** The match pattern of a backend URL's host, for its runtime host permission. */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/**
 * The host of a match pattern, e.g. `https://pega.example.com/prweb/*` →
 * `https://pega.example.com/*`. Host permissions are per host (Chrome ignores the path), so
 * asking for the host keeps what is granted, compared and given back the same everywhere.
 */
export function patternOrigin(pattern: string): string | null {
  const m = /^(\*|https?):\/\/([^/\s]+)\//.exec(pattern.trim());
  return m ? `${m[1]}://${m[2]}/*` : null;
}

/** A host the background must reach, the form field that names it, and what for. */
export interface HostNeed {
  field: string;
  origin: string;
  /** Ends "Beckon needs permission to reach <origin> …". */
  purpose: string;
}

/** The chosen CRM connector's host; none while CRM sync is off or has no address yet. */
export function crmNeed(crm: CrmSettings, t: Translate<StaffKey> = staffEnglish): HostNeed | null {
  const need = (field: string, origin: string | null, purpose: StaffKey) => (origin ? { field, origin, purpose: t(purpose) } : null);
  switch (crm.connector) {
    case 'sandbox':
      return need('crm.sandbox.url', originPattern(crm.sandbox.url), 'options.permission.sandbox');
    case 'pega':
      // The background injects the bridge into the desktop's tab, which needs its host.
      return need('crm.pega.portal', patternOrigin(crm.pega.portal), 'options.permission.pega');
    case 'webhook':
      return need('crm.webhook.url', originPattern(crm.webhook.url), 'options.permission.webhook');
    default:
      return null;
  }
}

/** Every host the background must reach with these settings: the backend's and the CRM's. */
export function hostNeeds(s: Settings, t: Translate<StaffKey> = staffEnglish): HostNeed[] {
  const backend = originPattern(s.backend.url);
  const crm = crmNeed(s.crm, t);
  return [...(backend ? [{ field: 'backend.url', origin: backend, purpose: t('options.permission.backend') }] : []), ...(crm ? [crm] : [])];
}

/** What to show at a field whose host permission was refused. */
export const refusedMessage = (n: HostNeed, t: Translate<StaffKey> = staffEnglish): string => t('options.permission.refused', { origin: n.origin, purpose: n.purpose });

/** The distinct origins of some needs, in order. */
export const originsOf = (needs: readonly HostNeed[]): string[] => [...new Set(needs.map((n) => n.origin))];

/**
 * The hosts of `removed` sites that nothing left needs: no remaining site is on them, and
 * the background does not reach them (`keep`). Permissions are per host, so giving back the
 * host of `https://shop.example.com/a/*` would also end `https://shop.example.com/b/*`.
 */
export function hostsToGiveBack(removed: readonly string[], remaining: readonly string[], keep: readonly string[] = []): string[] {
  const held = new Set([...keep, ...remaining.map(patternOrigin)]);
  return [...new Set(removed.map(patternOrigin))].filter((o): o is string => o !== null && !held.has(o));
}

/**
 * Permissions to ask for before `next` replaces `current` (its backend, its CRM and the host
 * of every site it newly enables), and those to give back afterwards (hosts of sites it no
 * longer enables, unless another site or the backend or the CRM still needs them).
 */
export function permissionPlan(current: Settings, next: Settings): { request: string[]; remove: string[] } {
  const needed = originsOf(hostNeeds(next));
  const added = next.enabledSites.filter((s) => !current.enabledSites.includes(s)).map(patternOrigin);
  const removed = current.enabledSites.filter((s) => !next.enabledSites.includes(s));
  return {
    request: [...new Set([...needed, ...added.filter((o): o is string => o !== null)])],
    remove: hostsToGiveBack(removed, next.enabledSites, needed),
  };
}
