import { rich } from '../i18n/rich';
import { useStaffT } from '../i18n/staff';
import type { MetadataRow } from './draft';
import { Field, useFieldState, FieldNotes } from './Field';
import { METADATA_LABELS, METADATA_PLACEHOLDERS } from './labels';
import { removeAt, replaceAt } from './rule-drafts';

/** Props of {@link MetadataEditor}. */
export interface MetadataEditorProps {
  /** The rule's index. */
  index: number;
  rows: MetadataRow[];
  onChange: (rows: MetadataRow[]) => void;
}

/**
 * The metadata template as name/value rows: what the agent sees with the chat, as in
 * `offer(queue, {"Page Name": "{pageName}"})`. Values may use placeholders.
 */
export function MetadataEditor({ index, rows, onChange }: MetadataEditorProps) {
  const t = useStaffT();
  const base = `rules.${index}.metadata`;
  const group = useFieldState(base, true);
  const tid = `options-rule-${index}-metadata`;
  return (
    <div class="metadata" id={group.id} data-testid={tid}>
      <FieldNotes id={group.id} errors={group.errors} hint={rich(t, 'options.metadata.hint', {
        placeholders: METADATA_PLACEHOLDERS.map((p, k) => (
          <span key={p}>
            {k > 0 ? ' ' : null}
            <code>{p}</code>
          </span>
        )),
      })} />
      {rows.length > 0 ? (
        <div class="kv-head" aria-hidden="true">
          <span>{t(METADATA_LABELS.key)}</span>
          <span>{t(METADATA_LABELS.value)}</span>
        </div>
      ) : null}
      {rows.map((row, k) => (
        <div class="kv-row" key={k} data-testid={`${tid}-${k}`}>
          <Field field={`${base}.${k}.key`} label={t('options.metadata.rowKey', { n: k + 1 })} hideLabel value={row.key} testId={`${tid}-${k}-key`}
            onInput={(key) => onChange(replaceAt(rows, k, { ...row, key }))} />
          <Field field={`${base}.${k}.value`} label={t('options.metadata.rowValue', { n: k + 1 })} hideLabel value={row.value} testId={`${tid}-${k}-value`}
            onInput={(value) => onChange(replaceAt(rows, k, { ...row, value }))} />
          <button type="button" class="ghost danger small" onClick={() => onChange(removeAt(rows, k))} data-testid={`${tid}-${k}-remove`}
            aria-label={row.key ? t('options.metadata.removeNamedRow', { n: k + 1, name: row.key }) : t('options.metadata.removeRow', { n: k + 1 })}>
            {t('options.metadata.remove')}
          </button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => onChange([...rows, { key: '', value: '' }])} data-testid={`${tid}-add`}>
        {t('options.metadata.add')}
      </button>
    </div>
  );
}
