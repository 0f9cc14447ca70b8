import { useStaffT } from '../i18n/staff';
import { ConditionsEditor } from './ConditionsEditor';
import { Checkbox, RadioGroup } from './Controls';
import type { RuleDraft } from './draft';
import { Field } from './Field';
import { MetadataEditor } from './MetadataEditor';

/** Props of {@link RuleEditor}. */
export interface RuleEditorProps {
  rule: RuleDraft;
  index: number;
  count: number;
  expanded: boolean;
  onToggle: () => void;
  onChange: (rule: RuleDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One rule: where (URL patterns), when (conditions), and what the offer does. */
export function RuleEditor({ rule, index: i, count, expanded, onToggle, onChange, onMove, onRemove }: RuleEditorProps) {
  const t = useStaffT();
  const set = <K extends keyof RuleDraft>(key: K) => (value: RuleDraft[K]) => onChange({ ...rule, [key]: value });
  const f = (name: string) => `rules.${i}.${name}`;
  const tid = (name: string) => `options-rule-${i}-${name}`;
  const titleId = `rule-title-${i}`;
  const bodyId = `rule-body-${i}`;
  return (
    <section class={`rule${rule.enabled ? '' : ' disabled'}`} aria-labelledby={titleId} data-testid={`options-rule-${i}`}>
      <header class="rule-header">
        <h3 id={titleId} tabIndex={-1}>
          <span class="rule-number">{i + 1}</span>
          <span class="rule-name">{rule.name.trim() || t('options.rule.untitled')}</span>
          {rule.enabled ? null : <span class="badge">{t('options.rule.disabled')}</span>}
        </h3>
        <div class="rule-actions">
          <button type="button" class="ghost" aria-expanded={expanded} aria-controls={bodyId} aria-describedby={titleId} onClick={onToggle}
            data-testid={tid('toggle')}>
            {t(expanded ? 'options.rule.collapse' : 'options.rule.expand')}
          </button>
          <button type="button" class="ghost" disabled={i === 0} aria-describedby={titleId} onClick={() => onMove(-1)} data-testid={tid('move-up')}>
            {t('options.rule.moveUp')}
          </button>
          <button type="button" class="ghost" disabled={i === count - 1} aria-describedby={titleId} onClick={() => onMove(1)}
            data-testid={tid('move-down')}>
            {t('options.rule.moveDown')}
          </button>
          <button type="button" class="ghost danger" aria-describedby={titleId} onClick={onRemove} data-testid={tid('remove')}>
            {t('options.rule.remove')}
          </button>
        </div>
      </header>
      {expanded ? (
        <div class="rule-body" id={bodyId}>
          <div class="grid">
            <Field field={f('name')} label={t('options.rule.name')} value={rule.name} onInput={set('name')} testId={tid('name')}
              hint={t('options.rule.idHint', { id: rule.id })} />
            <Checkbox field={f('enabled')} label={t('options.rule.enabledLabel')} checked={rule.enabled} onChange={set('enabled')} testId={tid('enabled')}
              hint={t('options.rule.enabledHint')} />
          </div>
          <h4>{t('options.rule.where')}</h4>
          <div class="grid">
            <Field field={f('include')} label={t('options.rule.include')} rows={3} value={rule.include} onInput={set('include')} testId={tid('include')}
              hint={t('options.rule.includeHint')} />
            <Field field={f('exclude')} label={t('options.rule.exclude')} rows={3} value={rule.exclude} onInput={set('exclude')} testId={tid('exclude')}
              hint={t('options.rule.excludeHint')} />
          </div>
          <h4>{t('options.rule.when')}</h4>
          <ConditionsEditor index={i} match={rule.match} conditions={rule.conditions} onMatch={set('match')} onChange={set('conditions')} />
          <h4>{t('options.rule.offer')}</h4>
          <div class="grid">
            <Field field={f('queue')} label={t('options.rule.queue')} value={rule.queue} onInput={set('queue')} testId={tid('queue')}
              hint={t('options.rule.queueHint')} />
            <Field field={f('offerText')} label={t('options.rule.offerText')} value={rule.offerText} onInput={set('offerText')} testId={tid('offerText')}
              hint={t('options.rule.offerTextHint')} />
          </div>
          <RadioGroup field={f('ui')} legend={t('options.rule.ui')} value={rule.ui} onChange={set('ui')} choices={[
            { value: 'default', label: t('options.rule.ui.default'), testId: tid('ui-default') },
            { value: 'custom', label: t('options.rule.ui.custom'), testId: tid('ui-custom') },
          ]} />
          <div class="grid">
            <Field field={f('autoDismissSeconds')} label={t('options.rule.autoDismissSeconds')} type="number" min={0} max={3600} class="narrow"
              value={rule.autoDismissSeconds} onInput={set('autoDismissSeconds')} testId={tid('autoDismiss')}
              hint={t('options.rule.autoDismissHint')} />
            <RadioGroup field={f('unknownAvailability')} legend={t('options.rule.unknownAvailability')} value={rule.unknownAvailability} inline
              onChange={set('unknownAvailability')} choices={[
                { value: 'allow', label: t('options.rule.availability.allow'), testId: tid('availability-allow') },
                { value: 'deny', label: t('options.rule.availability.deny'), testId: tid('availability-deny') },
              ]} />
          </div>
          <h4>{t('options.rule.metadata')}</h4>
          <MetadataEditor index={i} rows={rule.metadata} onChange={set('metadata')} />
        </div>
      ) : null}
    </section>
  );
}
