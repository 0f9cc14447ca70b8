import { ConditionsEditor } from './ConditionsEditor';
import { Checkbox, RadioGroup } from './Controls';
import type { RuleDraft } from './draft';
import { Field } from './Field';
import { RULE_LABELS } from './labels';
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

const PATTERN_HINT = 'One per line. Glob on the full URL (* within a path segment, ** across them) or a /regular expression/flags.';

/** One rule: where (URL patterns), when (conditions), and what the offer does. */
export function RuleEditor({ rule, index: i, count, expanded, onToggle, onChange, onMove, onRemove }: RuleEditorProps) {
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
          <span class="rule-name">{rule.name.trim() || 'Untitled rule'}</span>
          {rule.enabled ? null : <span class="badge">Disabled</span>}
        </h3>
        <div class="rule-actions">
          <button type="button" class="ghost" aria-expanded={expanded} aria-controls={bodyId} aria-describedby={titleId} onClick={onToggle}
            data-testid={tid('toggle')}>
            {expanded ? 'Collapse' : 'Expand'}
          </button>
          <button type="button" class="ghost" disabled={i === 0} aria-describedby={titleId} onClick={() => onMove(-1)} data-testid={tid('move-up')}>
            Move up
          </button>
          <button type="button" class="ghost" disabled={i === count - 1} aria-describedby={titleId} onClick={() => onMove(1)}
            data-testid={tid('move-down')}>
            Move down
          </button>
          <button type="button" class="ghost danger" aria-describedby={titleId} onClick={onRemove} data-testid={tid('remove')}>
            Remove
          </button>
        </div>
      </header>
      {expanded ? (
        <div class="rule-body" id={bodyId}>
          <div class="grid">
            <Field field={f('name')} label={RULE_LABELS.name!} value={rule.name} onInput={set('name')} testId={tid('name')} hint={`Id: ${rule.id}`} />
            <Checkbox field={f('enabled')} label="Rule enabled" checked={rule.enabled} onChange={set('enabled')} testId={tid('enabled')}
              hint="A disabled rule is kept but never offers." />
          </div>
          <h4>Where</h4>
          <div class="grid">
            <Field field={f('include')} label={RULE_LABELS.include!} rows={3} value={rule.include} onInput={set('include')} testId={tid('include')}
              hint={`The URL must match one of these. ${PATTERN_HINT}`} />
            <Field field={f('exclude')} label={RULE_LABELS.exclude!} rows={3} value={rule.exclude} onInput={set('exclude')} testId={tid('exclude')}
              hint="…and none of these. Same syntax; leave empty to exclude nothing." />
          </div>
          <h4>When</h4>
          <ConditionsEditor index={i} match={rule.match} conditions={rule.conditions} onMatch={set('match')} onChange={set('conditions')} />
          <h4>Offer</h4>
          <div class="grid">
            <Field field={f('queue')} label={RULE_LABELS.queue!} value={rule.queue} onInput={set('queue')} testId={tid('queue')}
              hint="The queue (GWS endpoint) the chat is routed to." />
            <Field field={f('offerText')} label={RULE_LABELS.offerText!} value={rule.offerText} onInput={set('offerText')} testId={tid('offerText')}
              hint="Shown to the visitor with Start chat and No thanks." />
          </div>
          <RadioGroup field={f('ui')} legend={RULE_LABELS.ui!} value={rule.ui} onChange={set('ui')} choices={[
            { value: 'default', label: 'Default UI: the offer card in the page', testId: tid('ui-default') },
            { value: 'custom', label: 'Custom UI: toolbar badge, popup and a system notification (no card in the page)', testId: tid('ui-custom') },
          ]} />
          <div class="grid">
            <Field field={f('autoDismissSeconds')} label={RULE_LABELS.autoDismissSeconds!} type="number" min={0} max={3600} class="narrow"
              value={rule.autoDismissSeconds} onInput={set('autoDismissSeconds')} testId={tid('autoDismiss')}
              hint="An unanswered offer is withdrawn and logged as timed out. 0: never." />
            <RadioGroup field={f('unknownAvailability')} legend={RULE_LABELS.unknownAvailability!} value={rule.unknownAvailability} inline
              onChange={set('unknownAvailability')} choices={[
                { value: 'allow', label: 'Offer anyway', testId: tid('availability-allow') },
                { value: 'deny', label: 'Do not offer', testId: tid('availability-deny') },
              ]} />
          </div>
          <h4>Metadata sent to the agent</h4>
          <MetadataEditor index={i} rows={rule.metadata} onChange={set('metadata')} />
        </div>
      ) : null}
    </section>
  );
}
