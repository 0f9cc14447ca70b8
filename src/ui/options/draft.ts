/**
 * The options form as the user edits it: every typed value is kept as a string (so a
 * half-typed number or an empty field is never lost or coerced), lists of patterns are
 * one-per-line text, and closed days keep their hours for when they reopen.
 * `toDraft` fills it from settings; `fromDraft` (from-draft.ts) validates it back.
 */
import type { BusinessHours } from '../../core/rules/business-hours';
import type { Condition, Rule } from '../../core/rules/rule-schema';
import type { NumericSignal } from '../../core/rules/signals';
import { DEFAULT_CONTACT_CENTER_ID } from '../../core/defaults';
import { DEFAULT_GMS_SERVICE_NAME, type BackendSettings, type Settings } from '../../core/settings';
import { crmToDraft, type CrmDraft } from './crm-draft';

/** A weekday key of the business-hours table. */
export type Day = keyof BusinessHours['days'];
/** Monday first, the order of the page. */
export const DAYS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** One condition being edited. */
export type ConditionDraft =
  | { kind: 'pageName'; pattern: string }
  | { kind: 'referrer'; pattern: string }
  | { kind: 'query'; param: string; test: 'present' | 'equals'; equals: string }
  | { kind: 'signal'; signal: NumericSignal; min: string }
  | { kind: 'exitIntent' }
  | { kind: 'elementVisible' | 'elementClicked'; selector: string };

/** One metadata key/value row. */
export interface MetadataRow {
  key: string;
  value: string;
}

/** One rule being edited. `id` is not editable: outcomes and capping refer to it. */
export interface RuleDraft {
  id: string;
  name: string;
  enabled: boolean;
  include: string;
  exclude: string;
  match: Rule['match'];
  conditions: ConditionDraft[];
  queue: string;
  offerText: string;
  metadata: MetadataRow[];
  ui: Rule['ui'];
  autoDismissSeconds: string;
  unknownAvailability: Rule['unknownAvailability'];
}

/** One weekday: whether it opens, and its hours (kept while closed). */
export interface DayDraft {
  isOpen: boolean;
  open: string;
  close: string;
}

/**
 * The backend being edited. It holds the fields of every dialect, so switching the dialect
 * back and forth loses nothing typed; only the chosen dialect's fields are saved.
 */
export interface BackendDraft {
  kind: BackendSettings['kind'];
  url: string;
  contactCenterId: string;
  serviceName: string;
  nickname: string;
}

/** Everything the main form edits. Enabled sites are not here: they are saved as they change. */
export interface Draft {
  backend: BackendDraft;
  rules: RuleDraft[];
  capping: { oncePerRulePerVisit: boolean } & Record<
    'declineCooldownMinutes' | 'afterChatMinutes' | 'minGapSeconds' | 'dailyCap' | 'visitTimeoutMinutes',
    string
  >;
  businessHours: { enabled: boolean; timeZone: string; days: Record<Day, DayDraft>; holidays: string };
  pageName: { urlMap: { pattern: string; name: string }[]; selector: string; useOgTitle: boolean };
  privacyGuard: boolean;
  crm: CrmDraft;
}

/** The draft of one condition. */
export function conditionToDraft(c: Condition): ConditionDraft {
  switch (c.kind) {
    case 'query':
      return { kind: 'query', param: c.param, test: c.equals === undefined ? 'present' : 'equals', equals: c.equals ?? '' };
    case 'signal':
      return { kind: 'signal', signal: c.signal, min: String(c.min) };
    default:
      return { ...c };
  }
}

/** The draft of one rule. */
export function ruleToDraft(r: Rule): RuleDraft {
  return {
    ...r,
    include: r.include.join('\n'),
    exclude: r.exclude.join('\n'),
    conditions: r.conditions.map(conditionToDraft),
    metadata: Object.entries(r.metadata).map(([key, value]) => ({ key, value })),
    autoDismissSeconds: String(r.autoDismissSeconds),
  };
}

/** The draft of the backend; the other dialect's fields start at their defaults. */
export function backendToDraft(b: BackendSettings): BackendDraft {
  return {
    kind: b.kind,
    url: b.url,
    contactCenterId: b.kind === 'gws' ? b.contactCenterId : DEFAULT_CONTACT_CENTER_ID,
    serviceName: b.kind === 'gms' ? b.serviceName : DEFAULT_GMS_SERVICE_NAME,
    nickname: b.nickname,
  };
}

/** The form showing `s`. */
export function toDraft(s: Settings): Draft {
  const c = s.capping;
  const days = Object.fromEntries(
    DAYS.map((d) => {
      const hours = s.businessHours.days[d];
      return [d, hours ? { isOpen: true, ...hours } : { isOpen: false, open: '09:00', close: '17:00' }];
    }),
  ) as Record<Day, DayDraft>;
  return {
    backend: backendToDraft(s.backend),
    rules: s.rules.map(ruleToDraft),
    capping: {
      oncePerRulePerVisit: c.oncePerRulePerVisit,
      declineCooldownMinutes: String(c.declineCooldownMinutes),
      afterChatMinutes: String(c.afterChatMinutes),
      minGapSeconds: String(c.minGapSeconds),
      dailyCap: String(c.dailyCap),
      visitTimeoutMinutes: String(c.visitTimeoutMinutes),
    },
    businessHours: { enabled: s.businessHours.enabled, timeZone: s.businessHours.timeZone, days, holidays: s.businessHours.holidays.join('\n') },
    pageName: { urlMap: s.pageName.urlMap.map((m) => ({ ...m })), selector: s.pageName.selector, useOgTitle: s.pageName.useOgTitle },
    privacyGuard: s.privacyGuard,
    crm: crmToDraft(s.crm),
  };
}

/**
 * The draft with a new chat backend. The Sandbox serves chat and CRM on one address, so a
 * Sandbox CRM URL that was the backend's follows it (a port changed in one place is changed
 * in both); one set to somewhere else is left alone.
 */
export function withBackend(d: Draft, backend: BackendDraft): Draft {
  const follows = d.crm.sandbox.url.trim().replace(/\/+$/, '') === d.backend.url.trim().replace(/\/+$/, '');
  return { ...d, backend, crm: follows ? { ...d.crm, sandbox: { ...d.crm.sandbox, url: backend.url } } : d.crm };
}
