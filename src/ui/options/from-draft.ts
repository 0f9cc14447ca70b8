/**
 * Draft → settings: builds the candidate the form describes, validates it completely, and
 * says what is wrong field by field (each error keyed by the form field it concerns).
 */
import { CrmSettingsSchema, type CrmSettings } from '../../core/crm/settings';
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import type { Settings } from '../../core/settings';
import { checkSettings, crossFieldIssues, schemaIssues, type Issue } from './check-settings';
import { crmCandidate } from './crm-draft';
import { DAYS, type BackendDraft, type ConditionDraft, type Draft, type RuleDraft } from './draft';
import { fieldOfIssue, headerIssues, type FieldError } from './field-errors';
import { lines, parseNumber } from './parse-text';


function conditionFromDraft(c: ConditionDraft) {
  switch (c.kind) {
    case 'query':
      return { kind: c.kind, param: c.param, ...(c.test === 'equals' ? { equals: c.equals } : {}) };
    case 'signal':
      return { kind: c.kind, signal: c.signal, min: parseNumber(c.min) };
    default:
      return c;
  }
}

// Rows left entirely blank are ignored rather than reported: an unused "Add row" is harmless.
const metadataRows = (r: RuleDraft) => r.metadata.filter((m) => m.key.trim() !== '' || m.value !== '');

function ruleFromDraft(r: RuleDraft) {
  return {
    ...r,
    include: lines(r.include),
    exclude: lines(r.exclude),
    conditions: r.conditions.map(conditionFromDraft),
    metadata: Object.fromEntries(metadataRows(r).map((m) => [m.key.trim(), m.value])),
    autoDismissSeconds: parseNumber(r.autoDismissSeconds),
  };
}

/** Metadata rows the record cannot represent: a value without a name, or a name used twice. */
function metadataIssues(draft: Draft, t: Translate<StaffKey>): FieldError[] {
  return draft.rules.flatMap((r, i) => {
    const seen = new Set<string>();
    return r.metadata.flatMap((m, k): FieldError[] => {
      const key = m.key.trim();
      const field = `rules.${i}.metadata.${k}.key`;
      if (key === '') return m.value === '' ? [] : [{ field, message: t('options.check.metadataName') }];
      if (seen.has(key)) return [{ field, message: t('options.check.metadataTwice', { name: key }) }];
      seen.add(key);
      return [];
    });
  });
}

/** Only the chosen dialect's fields: the other's would be reported as unknown. */
function backendFromDraft(b: BackendDraft) {
  const { kind, url, nickname } = b;
  return kind === 'gms' ? { kind, url, serviceName: b.serviceName, nickname } : { kind, url, contactCenterId: b.contactCenterId, nickname };
}

/** The settings candidate the draft describes, before validation. */
export function candidateOf(draft: Draft, enabledSites: string[], siteOptions: Settings['siteOptions'] = {}, profiles?: Settings['profiles']): unknown {
  const c = draft.capping;
  const h = draft.businessHours;
  return {
    // The current version: an older one would be migrated, which resets what it lacks (CRM sync).
    version: 4,
    backend: backendFromDraft(draft.backend),
    rules: draft.rules.map(ruleFromDraft),
    capping: {
      oncePerRulePerVisit: c.oncePerRulePerVisit,
      declineCooldownMinutes: parseNumber(c.declineCooldownMinutes),
      afterChatMinutes: parseNumber(c.afterChatMinutes),
      minGapSeconds: parseNumber(c.minGapSeconds),
      dailyCap: parseNumber(c.dailyCap),
      visitTimeoutMinutes: parseNumber(c.visitTimeoutMinutes),
    },
    businessHours: {
      enabled: h.enabled,
      timeZone: h.timeZone.trim(),
      days: Object.fromEntries(DAYS.map((d) => [d, h.days[d].isOpen ? { open: h.days[d].open, close: h.days[d].close } : null])),
      holidays: lines(h.holidays),
    },
    pageName: { ...draft.pageName, urlMap: draft.pageName.urlMap.map((m) => ({ ...m })) },
    privacyGuard: draft.privacyGuard,
    enabledSites,
    crm: crmCandidate(draft.crm),
    // Sites, their options and the demo profiles are saved on their own, at once: the form carries them as they are.
    siteOptions,
    ...(profiles ? { profiles } : {}),
  };
}

/** One message per field, the first found: a second (e.g. two refines of a URL) adds nothing the user can act on. */
const firstPerField = (errors: readonly FieldError[]): FieldError[] => errors.filter((e, k) => errors.findIndex((o) => o.field === e.field) === k);

/**
 * Validates only the CRM part of the draft, with the same checks a save makes, so Test
 * connection works on unsaved edits even while another section is still invalid.
 */
export function checkCrm(draft: Draft, t: Translate<StaffKey> = staffEnglish): { ok: true; crm: CrmSettings } | { ok: false; errors: FieldError[] } {
  const candidate = crmCandidate(draft.crm);
  const parsed = CrmSettingsSchema.safeParse(candidate);
  const issues = [...crossFieldIssues({ crm: candidate }, t), ...schemaIssues(parsed.error, ['crm'], t)];
  const errors = firstPerField([...headerIssues(draft.crm, t), ...issues.map((i) => fieldOfIssue(i, draft, t))]);
  if (parsed.success && errors.length === 0) return { ok: true, crm: parsed.data };
  return { ok: false, errors: sortByPage(errors) };
}

/** Validates the draft into settings, or lists every problem at the field it concerns. */
export function fromDraft(
  draft: Draft, enabledSites: string[], siteOptions: Settings['siteOptions'] = {}, profiles?: Settings['profiles'], t: Translate<StaffKey> = staffEnglish,
): { ok: true; settings: Settings } | { ok: false; errors: FieldError[] } {
  const { settings, issues } = checkSettings(candidateOf(draft, enabledSites, siteOptions, profiles), t);
  // Header rows first: their precise message beats the schema's general one for the same row.
  const errors = firstPerField([...headerIssues(draft.crm, t), ...issues.map((i: Issue) => fieldOfIssue(i, draft, t)), ...metadataIssues(draft, t)]);
  if (settings && errors.length === 0) return { ok: true, settings };
  return { ok: false, errors: sortByPage(errors) };
}

const SECTION_ORDER = ['backend', 'rules', 'capping', 'businessHours', 'pageName', 'privacyGuard', 'crm', 'enabledSites'];
/** The order of a rule's fields on the page. */
const RULE_FIELD_ORDER = ['id', 'name', 'enabled', 'include', 'exclude', 'match', 'conditions', 'queue', 'offerText', 'ui', 'autoDismissSeconds', 'unknownAvailability', 'metadata'];
/** The order of the CRM section: the connector and its fields, then what every connector uses. */
const CRM_FIELD_ORDER = ['connector', 'sandbox', 'pega', 'webhook', 'interactionClass', 'flowName', 'persona', 'recordOutcomes'];
// Each group uses a subset of these, in its page order (a header row's name before its value).
const CRM_SUB_ORDER = ['url', 'token', 'portal', 'timeoutSeconds', 'headers', 'secret', 'contactId', 'accountNumber', 'name', 'value'];

/** Errors in the order their fields appear on the page, so the summary reads top to bottom. */
export function sortByPage(errors: FieldError[]): FieldError[] {
  const rank = (field: string): number[] => {
    const [section = '', index, name = '', sub] = field.split('.');
    if (section === 'crm') {
      // crm.webhook.headers.2.name → connector group, headers, row 2, name.
      return [SECTION_ORDER.indexOf(section), CRM_FIELD_ORDER.indexOf(index ?? ''), CRM_SUB_ORDER.indexOf(name), Number(sub ?? -1), CRM_SUB_ORDER.indexOf(field.split('.')[4] ?? '')];
    }
    if (section !== 'rules') return [SECTION_ORDER.indexOf(section)];
    return [SECTION_ORDER.indexOf(section), Number(index ?? -1), RULE_FIELD_ORDER.indexOf(name), Number(sub ?? -1)];
  };
  const compare = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) - (b[i] ?? -1);
    return 0;
  };
  // Array.prototype.sort is stable: within a field, or outside rules, the schema's order stays.
  return [...errors].sort((a, b) => compare(rank(a.field), rank(b.field)));
}
