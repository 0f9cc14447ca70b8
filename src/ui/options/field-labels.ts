/**
 * The readable name of a form field for the error summary, e.g. `rules.1.conditions.0.min`
 * → `Rule 2 “Loans” › Condition 1 › At least`. Built from the same labels the fields show.
 */
import type { Draft } from './draft';
import {
  BACKEND_LABELS, CAPPING_LABELS, CONDITION_LABELS, CRM_LABELS, DAY_LABELS, HOURS_LABELS, METADATA_LABELS, PAGE_NAME_LABELS, PRIVACY_LABEL,
  RULE_LABELS,
} from './labels';

const pick = (labels: Record<string, string>, key: string | undefined) => (key !== undefined && labels[key]) || key || '';

function ruleLabel(parts: string[], draft: Draft): string {
  const [index, name, sub, leaf] = parts;
  const i = Number(index);
  const ruleName = draft.rules[i]?.name.trim();
  const head = `Rule ${i + 1}${ruleName ? ` “${ruleName}”` : ''}`;
  if (name === undefined) return head;
  if (name === 'conditions' && sub !== undefined) {
    return `${head} › Condition ${Number(sub) + 1}${leaf ? ` › ${pick(CONDITION_LABELS, leaf)}` : ''}`;
  }
  if (name === 'metadata' && sub !== undefined) return `${head} › Metadata row ${Number(sub) + 1} › ${pick(METADATA_LABELS, leaf)}`;
  return `${head} › ${pick(RULE_LABELS, name)}`;
}

/** `webhook.headers.1.value` → `Webhook header 2 › Value`; `persona.name` → `Demo persona › Customer name`. */
function crmLabel(parts: string[]): string {
  const [group, key, row, leaf] = parts;
  if (group === 'webhook' && key === 'headers' && row !== undefined) return `Webhook header ${Number(row) + 1} › ${leaf === 'value' ? 'Value' : 'Name'}`;
  const label = pick(CRM_LABELS, parts.join('.'));
  return group === 'persona' && key !== undefined ? `${CRM_LABELS.persona} › ${label}` : label;
}

/** What the summary calls the field (falls back to the dotted path for anything unforeseen). */
export function fieldLabel(field: string, draft: Draft): string {
  const [section, ...rest] = field.split('.');
  switch (section) {
    case 'backend':
      return `Chat backend › ${pick(BACKEND_LABELS, rest[0])}`;
    case 'rules':
      return rest.length === 0 ? 'Rules' : ruleLabel(rest, draft);
    case 'capping':
      return `Frequency capping › ${pick(CAPPING_LABELS, rest[0])}`;
    case 'businessHours':
      if (rest[0] === 'days') return `Business hours › ${pick(DAY_LABELS, rest[1])} › ${pick(HOURS_LABELS, rest[2])}`;
      return `Business hours › ${pick(HOURS_LABELS, rest[0])}`;
    case 'pageName':
      if (rest[0] === 'urlMap' && rest[1] !== undefined) {
        return `Page name › URL-to-name row ${Number(rest[1]) + 1} › ${pick(PAGE_NAME_LABELS, rest[2])}`;
      }
      return `Page name › ${pick(PAGE_NAME_LABELS, rest[0])}`;
    case 'privacyGuard':
      return PRIVACY_LABEL;
    case 'enabledSites':
      return 'Enabled sites';
    case 'crm':
      return `CRM sync › ${crmLabel(rest)}`;
    default:
      return field;
  }
}
