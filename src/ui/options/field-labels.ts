/**
 * The readable name of a form field for the error summary, e.g. `rules.1.conditions.0.min`
 * → `Rule 2 “Loans” › Condition 1 › At least`. Built from the same labels the fields show.
 */
import { staffEnglish, type StaffKey } from '../../core/i18n/staff';
import type { Translate } from '../../core/i18n/translate';
import type { Draft } from './draft';
import {
  BACKEND_LABELS, CAPPING_LABELS, CONDITION_LABELS, CRM_LABELS, DAY_LABELS, HOURS_LABELS, labelOf, METADATA_LABELS, PAGE_NAME_LABELS, RULE_LABELS,
} from './labels';

/** `parent › child › …`: a field's place, as the summary and the import preview say it. */
export const pathOf = (t: Translate<StaffKey>, ...parts: string[]): string =>
  parts.reduce((parent, child) => t('options.path', { parent, child }));

function ruleLabel(parts: string[], draft: Draft, t: Translate<StaffKey>): string {
  const [index, name, sub, leaf] = parts;
  const n = Number(index) + 1;
  const ruleName = draft.rules[n - 1]?.name.trim();
  const head = ruleName ? t('options.path.ruleNamed', { n, name: ruleName }) : t('options.path.rule', { n });
  if (name === undefined) return head;
  if (name === 'conditions' && sub !== undefined) {
    const condition = t('options.path.condition', { n: Number(sub) + 1 });
    return leaf ? pathOf(t, head, condition, labelOf(t, CONDITION_LABELS, leaf)) : pathOf(t, head, condition);
  }
  if (name === 'metadata' && sub !== undefined) {
    return pathOf(t, head, t('options.path.metadataRow', { n: Number(sub) + 1 }), labelOf(t, METADATA_LABELS, leaf));
  }
  return pathOf(t, head, labelOf(t, RULE_LABELS, name));
}

/** `webhook.headers.1.value` → `Webhook header 2 › Value`; `persona.name` → `Demo persona › Customer name`. */
function crmLabel(parts: string[], t: Translate<StaffKey>): string {
  const [group, key, row, leaf] = parts;
  if (group === 'webhook' && key === 'headers' && row !== undefined) {
    return pathOf(t, t('options.path.webhookHeader', { n: Number(row) + 1 }), t(leaf === 'value' ? 'options.headers.value' : 'options.headers.name'));
  }
  const label = labelOf(t, CRM_LABELS, parts.join('.'));
  return group === 'persona' && key !== undefined ? pathOf(t, t(CRM_LABELS.persona), label) : label;
}

/** What the summary calls the field (falls back to the dotted path for anything unforeseen). */
export function fieldLabel(field: string, draft: Draft, t: Translate<StaffKey> = staffEnglish): string {
  const [section, ...rest] = field.split('.');
  switch (section) {
    case 'backend':
      return pathOf(t, t('options.section.backend'), labelOf(t, BACKEND_LABELS, rest[0]));
    case 'rules':
      return rest.length === 0 ? t('options.section.rules') : ruleLabel(rest, draft, t);
    case 'capping':
      return pathOf(t, t('options.section.capping'), labelOf(t, CAPPING_LABELS, rest[0]));
    case 'businessHours':
      if (rest[0] === 'days') return pathOf(t, t('options.section.businessHours'), labelOf(t, DAY_LABELS, rest[1]), labelOf(t, HOURS_LABELS, rest[2]));
      return pathOf(t, t('options.section.businessHours'), labelOf(t, HOURS_LABELS, rest[0]));
    case 'pageName':
      if (rest[0] === 'urlMap' && rest[1] !== undefined) {
        return pathOf(t, t('options.section.pageName'), t('options.path.urlMapRow', { n: Number(rest[1]) + 1 }), labelOf(t, PAGE_NAME_LABELS, rest[2]));
      }
      return pathOf(t, t('options.section.pageName'), labelOf(t, PAGE_NAME_LABELS, rest[0]));
    case 'privacyGuard':
      return t('options.privacy.label');
    case 'enabledSites':
      return t('options.section.sites');
    case 'crm':
      return pathOf(t, t('options.section.crm'), crmLabel(rest, t));
    default:
      return field;
  }
}
