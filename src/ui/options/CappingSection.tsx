import { Checkbox } from './Controls';
import type { Draft } from './draft';
import { Field } from './Field';
import { CAPPING_LABELS } from './labels';

type Capping = Draft['capping'];
type NumberKey = Exclude<keyof Capping, 'oncePerRulePerVisit'>;

/** Each number field with the range the schema allows, shown as its hint. */
const NUMBER_FIELDS: { key: NumberKey; max: number; hint: string }[] = [
  { key: 'declineCooldownMinutes', max: 43_200, hint: 'No offer anywhere for this long after the visitor says No thanks.' },
  { key: 'afterChatMinutes', max: 43_200, hint: 'No offer for this long after a chat started or ended.' },
  { key: 'minGapSeconds', max: 86_400, hint: 'Between any two offers, on any tab or site.' },
  { key: 'dailyCap', max: 1000, hint: 'Counted per local day.' },
  { key: 'visitTimeoutMinutes', max: 1440, hint: 'A new visit starts after this long without a page view.' },
];

/** Props of {@link CappingSection}. */
export interface CappingSectionProps {
  value: Capping;
  onChange: (value: Capping) => void;
}

/** Frequency capping: global limits across every tab and site, so a visitor is not pestered. */
export function CappingSection({ value, onChange }: CappingSectionProps) {
  return (
    <section class="card" id="capping" aria-labelledby="capping-title">
      <h2 id="capping-title">Frequency capping</h2>
      <p class="section-intro">Limits that apply to every rule, across all tabs and sites.</p>
      <Checkbox field="capping.oncePerRulePerVisit" label={CAPPING_LABELS.oncePerRulePerVisit} checked={value.oncePerRulePerVisit}
        onChange={(oncePerRulePerVisit) => onChange({ ...value, oncePerRulePerVisit })} testId="options-capping-oncePerRulePerVisit" />
      <div class="grid">
        {NUMBER_FIELDS.map(({ key, max, hint }) => (
          <Field key={key} field={`capping.${key}`} label={CAPPING_LABELS[key]} type="number" min={key === 'visitTimeoutMinutes' ? 1 : 0} max={max}
            value={value[key]} onInput={(v) => onChange({ ...value, [key]: v })} hint={hint} testId={`options-capping-${key}`} />
        ))}
      </div>
    </section>
  );
}
