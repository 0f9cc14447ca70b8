/**
 * What replacing the saved settings with imported ones would change, in words, so the user
 * can confirm knowingly ("Queue of rule “Loans”: Billing → Loans").
 */
import type { CrmSettings } from '../../core/crm/settings';
import type { Rule } from '../../core/rules/rule-schema';
import { DEFAULT_SITE_OPTIONS, type Settings } from '../../core/settings';
import {
  BACKEND_KIND_LABELS, BACKEND_LABELS, CAPPING_LABELS, CRM_CONNECTOR_LABELS, CRM_LABELS, HOURS_LABELS, PAGE_NAME_LABELS, PROFILE_LABELS, RULE_LABELS, SITE_OPTION_LABELS,
} from './labels';

/** At most this many lines are listed; the rest are counted. */
export const MAX_CHANGE_LINES = 40;

const show = (v: unknown): string => {
  // A field only one backend kind has is absent from the other's settings.
  if (v === undefined) return '(not set)';
  const text = typeof v === 'string' ? `“${v}”` : typeof v === 'boolean' ? (v ? 'on' : 'off') : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `label: before → after` for each key of two flat objects that differs. */
function fieldChanges<T extends object>(section: string, labels: Record<string, string>, a: T, b: T): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])] as (keyof T & string)[];
  return keys.filter((k) => !same(a[k], b[k])).map((k) => `${section} › ${labels[k] ?? k}: ${show(a[k])} → ${show(b[k])}`);
}

function ruleChanges(before: Rule[], after: Rule[]): string[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const ids = new Set(after.map((r) => r.id));
  const lines: string[] = [];
  for (const r of after) {
    const prev = old.get(r.id);
    if (!prev) lines.push(`Rule “${r.name}” added`);
    else if (!same(prev, r)) {
      const fields = (Object.keys(r) as (keyof Rule)[]).filter((k) => !same(prev[k], r[k])).map((k) => RULE_LABELS[k] ?? k);
      lines.push(`Rule “${r.name}” changed: ${fields.join(', ')}`);
    }
  }
  for (const r of before) if (!ids.has(r.id)) lines.push(`Rule “${r.name}” removed`);
  const kept = (list: Rule[], keep: (id: string) => boolean) => list.map((r) => r.id).filter(keep);
  if (!same(kept(before, (id) => ids.has(id)), kept(after, (id) => old.has(id)))) lines.push('Rule order changed');
  return lines;
}

function listChanges(what: string, before: string[], after: string[]): string[] {
  const added = after.filter((s) => !before.includes(s));
  const removed = before.filter((s) => !after.includes(s));
  return [...(added.length ? [`${what} added: ${added.join(', ')}`] : []), ...(removed.length ? [`${what} removed: ${removed.join(', ')}`] : [])];
}

/** The backend with its kind named as the Chat API select names it. */
const backendShown = (b: Settings['backend']) => ({ ...b, kind: BACKEND_KIND_LABELS[b.kind] });

/** The CRM labels as a change line reads them (persona fields say whose they are). */
const CRM_LINE_LABELS = Object.fromEntries(
  Object.entries(CRM_LABELS).map(([k, v]) => [k, k.startsWith('persona.') ? `${CRM_LABELS.persona} › ${v}` : v]),
);

/** The CRM settings as flat fields; the token, the secret and header values are never printed. */
const crmShown = (c: CrmSettings) => ({
  connector: CRM_CONNECTOR_LABELS[c.connector], 'sandbox.url': c.sandbox.url, 'pega.portal': c.pega.portal, 'pega.timeoutSeconds': c.pega.timeoutSeconds,
  'webhook.url': c.webhook.url, interactionClass: c.interactionClass, flowName: c.flowName, 'persona.contactId': c.persona.contactId,
  'persona.accountNumber': c.persona.accountNumber, 'persona.name': c.persona.name, recordOutcomes: c.recordOutcomes,
});

function crmChanges(a: CrmSettings, b: CrmSettings): string[] {
  const names = (c: CrmSettings) => c.webhook.headers.map((h) => h.name).join(', ') || '(none)';
  const headers = same(a.webhook.headers, b.webhook.headers) ? [] : [`CRM sync › ${CRM_LABELS['webhook.headers']}: ${names(a) === names(b) ? 'values changed' : `${names(a)} → ${names(b)}`}`];
  const secrets = (['sandbox.token', 'webhook.secret'] as const)
    .filter((k) => (k === 'sandbox.token' ? a.sandbox.token !== b.sandbox.token : a.webhook.secret !== b.webhook.secret))
    .map((k) => `CRM sync › ${CRM_LABELS[k]} changed`);
  return [...fieldChanges('CRM sync', CRM_LINE_LABELS, crmShown(a), crmShown(b)), ...headers, ...secrets];
}

/** Profiles added, removed or changed (by name, with the fields that changed). */
function profileChanges(a: Settings, b: Settings): string[] {
  const before = new Map(a.profiles.map((p) => [p.id, p]));
  const after = new Map(b.profiles.map((p) => [p.id, p]));
  const lines: string[] = [];
  for (const p of b.profiles) {
    const old = before.get(p.id);
    if (!old) lines.push(`Profile “${p.name}” added`);
    else if (!same(old, p)) lines.push(`Profile “${p.name}” changed: ${(Object.keys({ ...old, ...p }) as (keyof typeof p)[]).filter((k) => !same(old[k], p[k])).map((k) => PROFILE_LABELS[k] ?? k).join(', ')}`);
  }
  for (const p of a.profiles) if (!after.has(p.id)) lines.push(`Profile “${p.name}” removed`);
  return lines;
}

/** Each site's options that differ (a page API switched on by an import must not go unnoticed). */
function siteOptionChanges(a: Settings, b: Settings): string[] {
  const patterns = [...new Set([...Object.keys(a.siteOptions), ...Object.keys(b.siteOptions)])];
  const of = (s: Settings, p: string) => ({ ...DEFAULT_SITE_OPTIONS, ...s.siteOptions[p] });
  return patterns.flatMap((p) => fieldChanges(`Site ${p}`, SITE_OPTION_LABELS, of(a, p), of(b, p)));
}

/** Every difference between two valid settings, in page order; empty when they are the same. */
export function describeChanges(before: Settings, after: Settings): string[] {
  const h0 = before.businessHours;
  const h1 = after.businessHours;
  const lines = [
    ...fieldChanges('Chat backend', BACKEND_LABELS, backendShown(before.backend), backendShown(after.backend)),
    ...ruleChanges(before.rules, after.rules),
    ...fieldChanges('Frequency capping', CAPPING_LABELS, before.capping, after.capping),
    ...fieldChanges('Business hours', HOURS_LABELS, { enabled: h0.enabled, timeZone: h0.timeZone }, { enabled: h1.enabled, timeZone: h1.timeZone }),
    ...(same(h0.days, h1.days) ? [] : ['Business hours › opening hours changed']),
    ...listChanges('Holidays', h0.holidays, h1.holidays),
    ...(same(before.pageName.urlMap, after.pageName.urlMap) ? [] : [`Page name › URL-to-name map: ${before.pageName.urlMap.length} → ${after.pageName.urlMap.length} entries`]),
    ...fieldChanges('Page name', PAGE_NAME_LABELS, { selector: before.pageName.selector, useOgTitle: before.pageName.useOgTitle }, { selector: after.pageName.selector, useOgTitle: after.pageName.useOgTitle }),
    ...(before.privacyGuard === after.privacyGuard ? [] : [`Privacy guard: ${show(before.privacyGuard)} → ${show(after.privacyGuard)}`]),
    ...crmChanges(before.crm, after.crm),
    ...listChanges('Enabled sites', before.enabledSites, after.enabledSites),
    ...siteOptionChanges(before, after),
    ...profileChanges(before, after),
  ];
  return lines.length > MAX_CHANGE_LINES ? [...lines.slice(0, MAX_CHANGE_LINES - 1), `…and ${lines.length - MAX_CHANGE_LINES + 1} more changes`] : lines;
}
