/**
 * Draft → settings: builds the candidate the form describes, validates it completely, and
 * says what is wrong field by field (each error keyed by the form field it concerns).
 */
import type { Settings } from '../../core/settings';
import { checkSettings, type Issue } from './check-settings';
import { DAYS, type BackendDraft, type ConditionDraft, type Draft, type RuleDraft } from './draft';
import { fieldOfIssue, type FieldError } from './field-errors';

/** Plain decimal numbers only: `Number()` would also accept `0x10`, `1e3` or an empty string (0). */
export function parseNumber(text: string): number {
  const t = text.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}

/** The non-blank lines of a one-per-line textarea, trimmed. */
export const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

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
function metadataIssues(draft: Draft): FieldError[] {
  return draft.rules.flatMap((r, i) => {
    const seen = new Set<string>();
    return r.metadata.flatMap((m, k): FieldError[] => {
      const key = m.key.trim();
      const field = `rules.${i}.metadata.${k}.key`;
      if (key === '') return m.value === '' ? [] : [{ field, message: 'Name is required' }];
      if (seen.has(key)) return [{ field, message: `"${key}" is already used in this rule` }];
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
export function candidateOf(draft: Draft, enabledSites: string[]): unknown {
  const c = draft.capping;
  const h = draft.businessHours;
  return {
    version: 2,
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
  };
}

/** Validates the draft into settings, or lists every problem at the field it concerns. */
export function fromDraft(draft: Draft, enabledSites: string[]): { ok: true; settings: Settings } | { ok: false; errors: FieldError[] } {
  const { settings, issues } = checkSettings(candidateOf(draft, enabledSites));
  const all = [...issues.map((i: Issue) => fieldOfIssue(i, draft)), ...metadataIssues(draft)];
  // One message per field: a second one (e.g. two refines of the URL) adds nothing the user can act on.
  const errors = all.filter((e, k) => all.findIndex((o) => o.field === e.field) === k);
  if (settings && errors.length === 0) return { ok: true, settings };
  return { ok: false, errors: sortByPage(errors) };
}

const SECTION_ORDER = ['backend', 'rules', 'capping', 'businessHours', 'pageName', 'privacyGuard', 'enabledSites'];
/** The order of a rule's fields on the page. */
const RULE_FIELD_ORDER = ['id', 'name', 'enabled', 'include', 'exclude', 'match', 'conditions', 'queue', 'offerText', 'ui', 'autoDismissSeconds', 'unknownAvailability', 'metadata'];

/** Errors in the order their fields appear on the page, so the summary reads top to bottom. */
export function sortByPage(errors: FieldError[]): FieldError[] {
  const rank = (field: string): number[] => {
    const [section = '', index, name = '', sub] = field.split('.');
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
