import { useEffect, useState } from 'preact/hooks';
import { rich } from '../i18n/rich';
import { useStaffT } from '../i18n/staff';
import type { HeaderRow } from './crm-draft';
import { Field, FieldNotes, useFieldState } from './Field';
import { domId } from './field-errors';
import { removeAt, replaceAt } from './rule-drafts';

/** Props of {@link WebhookHeaders}. */
export interface WebhookHeadersProps {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
}

const FIELD = 'crm.webhook.headers';
const ADD_ID = 'crm-header-add';

/**
 * Extra HTTP headers of every webhook request (e.g. an API key the receiver expects), as
 * name/value rows. Adding a row focuses its name; removing one focuses the row that takes
 * its place (or Add header), so keyboard users never lose their place.
 */
export function WebhookHeaders({ rows, onChange }: WebhookHeadersProps) {
  const t = useStaffT();
  const group = useFieldState(FIELD, true);
  // The element to focus once the rows have re-rendered.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  const nameId = (k: number) => domId(`${FIELD}.${k}.name`);
  const add = () => {
    onChange([...rows, { name: '', value: '' }]);
    setFocusId(nameId(rows.length));
  };
  const remove = (k: number) => {
    onChange(removeAt(rows, k));
    setFocusId(rows.length > 1 ? nameId(Math.min(k, rows.length - 2)) : ADD_ID);
  };
  return (
    <div class="headers" id={group.id} data-testid="options-crm-webhook-headers">
      <h4 class="field-title">{t('options.headers.title')}</h4>
      <FieldNotes id={group.id} errors={group.errors} hint={rich(t, 'options.headers.hint', {
        example: <code>X-Api-Key</code>, contentType: <code>Content-Type</code>, signature: <code>X-Beckon-Signature</code>,
      })} />
      {rows.length > 0 ? (
        <div class="kv-head" aria-hidden="true">
          <span>{t('options.headers.name')}</span>
          <span>{t('options.headers.value')}</span>
        </div>
      ) : null}
      {rows.map((row, k) => (
        <div class="kv-row" key={k} data-testid={`options-crm-webhook-header-${k}`}>
          <Field field={`${FIELD}.${k}.name`} label={t('options.headers.rowName', { n: k + 1 })} hideLabel value={row.name} placeholder={t('options.headers.namePlaceholder')}
            testId={`options-crm-webhook-header-${k}-name`} onInput={(name) => onChange(replaceAt(rows, k, { ...row, name }))} />
          <Field field={`${FIELD}.${k}.value`} label={t('options.headers.rowValue', { n: k + 1 })} hideLabel value={row.value}
            testId={`options-crm-webhook-header-${k}-value`} onInput={(value) => onChange(replaceAt(rows, k, { ...row, value }))} />
          <button type="button" class="ghost danger small" onClick={() => remove(k)} data-testid={`options-crm-webhook-header-${k}-remove`}
            aria-label={row.name.trim() ? t('options.headers.removeNamedRow', { n: k + 1, name: row.name.trim() }) : t('options.headers.removeRow', { n: k + 1 })}>
            {t('options.headers.remove')}
          </button>
        </div>
      ))}
      <button type="button" class="secondary" id={ADD_ID} onClick={add} data-testid="options-crm-webhook-header-add">
        {t('options.headers.add')}
      </button>
    </div>
  );
}
