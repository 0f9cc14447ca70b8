/**
 * What replacing the saved settings with imported ones would change, in words, so the user
 * can confirm knowingly ("Queue of rule “Loans”: Billing → Loans").
 */
import type { CrmSettings } from '../../core/crm/settings';
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import type { Rule } from '../../core/rules/rule-schema';
import { siteOptionsOf, type Settings } from '../../core/settings';
import { pathOf } from './field-labels';
import {
  BACKEND_KIND_LABELS, BACKEND_LABELS, CAPPING_LABELS, CRM_CONNECTOR_LABELS, CRM_LABELS, HOURS_LABELS, labelOf, PAGE_NAME_LABELS, PROFILE_LABELS, RULE_LABELS,
  SITE_OPTION_LABELS, type Labels,
} from './labels';

/** At most this many lines are listed; the rest are counted. */
export const MAX_CHANGE_LINES = 40;

type T = Translate<StaffKey>;

const show = (v: unknown, t: T): string => {
  // A field only one backend kind has is absent from the other's settings.
  if (v === undefined) return t('options.changes.notSet');
  const text = typeof v === 'string' ? t('options.changes.text', { text: v }) : typeof v === 'boolean' ? t(v ? 'options.changes.on' : 'options.changes.off') : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `section › label: before → after` for each key of two flat objects that differs. */
function fieldChanges<V extends object>(t: T, section: string, labels: Labels, a: V, b: V): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])] as (keyof V & string)[];
  return keys.filter((k) => !same(a[k], b[k]))
    .map((k) => t('options.changes.line', { what: pathOf(t, section, labelOf(t, labels, k)), before: show(a[k], t), after: show(b[k], t) }));
}

function ruleChanges(t: T, before: Rule[], after: Rule[]): string[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const ids = new Set(after.map((r) => r.id));
  const lines: string[] = [];
  for (const r of after) {
    const prev = old.get(r.id);
    if (!prev) lines.push(t('options.changes.ruleAdded', { name: r.name }));
    else if (!same(prev, r)) {
      const fields = (Object.keys(r) as (keyof Rule)[]).filter((k) => !same(prev[k], r[k])).map((k) => labelOf(t, RULE_LABELS, k));
      lines.push(t('options.changes.ruleChanged', { name: r.name, fields: fields.join(', ') }));
    }
  }
  for (const r of before) if (!ids.has(r.id)) lines.push(t('options.changes.ruleRemoved', { name: r.name }));
  const kept = (list: Rule[], keep: (id: string) => boolean) => list.map((r) => r.id).filter(keep);
  if (!same(kept(before, (id) => ids.has(id)), kept(after, (id) => old.has(id)))) lines.push(t('options.changes.ruleOrder'));
  return lines;
}

function listChanges(t: T, what: string, before: string[], after: string[]): string[] {
  const added = after.filter((s) => !before.includes(s));
  const removed = before.filter((s) => !after.includes(s));
  return [
    ...(added.length ? [t('options.changes.added', { what, items: added.join(', ') })] : []),
    ...(removed.length ? [t('options.changes.removed', { what, items: removed.join(', ') })] : []),
  ];
}

/** The backend with its kind named as the Chat API select names it. */
const backendShown = (b: Settings['backend'], t: T) => ({ ...b, kind: t(BACKEND_KIND_LABELS[b.kind]) });

/** The CRM settings as flat fields; the token, the secret and header values are never printed. */
const crmShown = (c: CrmSettings, t: T) => ({
  connector: t(CRM_CONNECTOR_LABELS[c.connector]), 'sandbox.url': c.sandbox.url, 'pega.portal': c.pega.portal, 'pega.timeoutSeconds': c.pega.timeoutSeconds,
  'webhook.url': c.webhook.url, interactionClass: c.interactionClass, flowName: c.flowName, 'persona.contactId': c.persona.contactId,
  'persona.accountNumber': c.persona.accountNumber, 'persona.name': c.persona.name, recordOutcomes: c.recordOutcomes,
});

function crmChanges(t: T, a: CrmSettings, b: CrmSettings): string[] {
  const crm = t('options.section.crm');
  // Persona fields say whose they are.
  const field = (k: keyof typeof CRM_LABELS) => (k.startsWith('persona.') ? pathOf(t, crm, t(CRM_LABELS.persona), t(CRM_LABELS[k])) : pathOf(t, crm, t(CRM_LABELS[k])));
  const names = (c: CrmSettings) => c.webhook.headers.map((h) => h.name).join(', ') || t('options.changes.none');
  const headers = same(a.webhook.headers, b.webhook.headers) ? []
    : names(a) === names(b) ? [t('options.changes.note', { what: field('webhook.headers'), note: t('options.changes.values') })]
      : [t('options.changes.line', { what: field('webhook.headers'), before: names(a), after: names(b) })];
  const secrets = (['sandbox.token', 'webhook.secret'] as const)
    .filter((k) => (k === 'sandbox.token' ? a.sandbox.token !== b.sandbox.token : a.webhook.secret !== b.webhook.secret))
    .map((k) => t('options.changes.secret', { what: field(k) }));
  const shownA = crmShown(a, t);
  const shownB = crmShown(b, t);
  const fields = (Object.keys(shownA) as (keyof typeof shownA)[]).filter((k) => !same(shownA[k], shownB[k]))
    .map((k) => t('options.changes.line', { what: field(k), before: show(shownA[k], t), after: show(shownB[k], t) }));
  return [...fields, ...headers, ...secrets];
}

/** Profiles added, removed or changed (by name, with the fields that changed). */
function profileChanges(t: T, a: Settings, b: Settings): string[] {
  const before = new Map(a.profiles.map((p) => [p.id, p]));
  const after = new Map(b.profiles.map((p) => [p.id, p]));
  const lines: string[] = [];
  for (const p of b.profiles) {
    const old = before.get(p.id);
    if (!old) lines.push(t('options.changes.profileAdded', { name: p.name }));
    else if (!same(old, p)) {
      const fields = (Object.keys({ ...old, ...p }) as (keyof typeof p)[]).filter((k) => !same(old[k], p[k])).map((k) => labelOf(t, PROFILE_LABELS, k));
      lines.push(t('options.changes.profileChanged', { name: p.name, fields: fields.join(', ') }));
    }
  }
  for (const p of a.profiles) if (!after.has(p.id)) lines.push(t('options.changes.profileRemoved', { name: p.name }));
  return lines;
}

/** Each site's options that differ (a page API switched on by an import must not go unnoticed). */
function siteOptionChanges(t: T, a: Settings, b: Settings): string[] {
  const patterns = [...new Set([...Object.keys(a.siteOptions), ...Object.keys(b.siteOptions)])];
  return patterns.flatMap((p) => fieldChanges(t, t('options.changes.site', { site: p }), SITE_OPTION_LABELS, siteOptionsOf(a, p), siteOptionsOf(b, p)));
}

/** Every difference between two valid settings, in page order; empty when they are the same. */
export function describeChanges(before: Settings, after: Settings, t: T = staffEnglish): string[] {
  const h0 = before.businessHours;
  const h1 = after.businessHours;
  const hours = t('options.section.businessHours');
  const pageName = t('options.section.pageName');
  const pageNameOf = (s: Settings) => ({ selector: s.pageName.selector, useOgTitle: s.pageName.useOgTitle });
  const lines = [
    ...fieldChanges(t, t('options.section.backend'), BACKEND_LABELS, backendShown(before.backend, t), backendShown(after.backend, t)),
    ...ruleChanges(t, before.rules, after.rules),
    ...fieldChanges(t, t('options.section.capping'), CAPPING_LABELS, before.capping, after.capping),
    ...fieldChanges(t, hours, HOURS_LABELS, { enabled: h0.enabled, timeZone: h0.timeZone }, { enabled: h1.enabled, timeZone: h1.timeZone }),
    ...(same(h0.days, h1.days) ? [] : [pathOf(t, hours, t('options.changes.openingHours'))]),
    ...listChanges(t, t('options.changes.holidays'), h0.holidays, h1.holidays),
    ...(same(before.pageName.urlMap, after.pageName.urlMap) ? [] : [
      t('options.changes.urlMap', { what: pathOf(t, pageName, t(PAGE_NAME_LABELS.urlMap)), before: before.pageName.urlMap.length, after: after.pageName.urlMap.length }),
    ]),
    ...fieldChanges(t, pageName, PAGE_NAME_LABELS, pageNameOf(before), pageNameOf(after)),
    ...(before.privacyGuard === after.privacyGuard ? [] : [
      t('options.changes.line', { what: t('options.changes.privacyGuard'), before: show(before.privacyGuard, t), after: show(after.privacyGuard, t) }),
    ]),
    ...crmChanges(t, before.crm, after.crm),
    ...listChanges(t, t('options.section.sites'), before.enabledSites, after.enabledSites),
    ...siteOptionChanges(t, before, after),
    ...profileChanges(t, before, after),
  ];
  return lines.length > MAX_CHANGE_LINES ? [...lines.slice(0, MAX_CHANGE_LINES - 1), t('options.changes.more', { n: lines.length - MAX_CHANGE_LINES + 1 })] : lines;
}
