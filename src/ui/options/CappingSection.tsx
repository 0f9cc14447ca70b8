import type { StaffKey } from '../../core/i18n/staff';
import { useStaffT } from '../i18n/staff';
import { Checkbox } from './Controls';
import type { Draft } from './draft';
import { Field } from './Field';
import { CAPPING_LABELS } from './labels';

type Capping = Draft['capping'];
type NumberKey = Exclude<keyof Capping, 'oncePerRulePerVisit'>;

/** Each number field with the range the schema allows, shown as its hint. */
const NUMBER_FIELDS: { key: NumberKey; max: number; hint: StaffKey }[] = [
  { key: 'declineCooldownMinutes', max: 43_200, hint: 'options.capping.declineCooldownMinutesHint' },
  { key: 'afterChatMinutes', max: 43_200, hint: 'options.capping.afterChatMinutesHint' },
  { key: 'minGapSeconds', max: 86_400, hint: 'options.capping.minGapSecondsHint' },
  { key: 'dailyCap', max: 1000, hint: 'options.capping.dailyCapHint' },
  { key: 'visitTimeoutMinutes', max: 1440, hint: 'options.capping.visitTimeoutMinutesHint' },
];

/** Props of {@link CappingSection}. */
export interface CappingSectionProps {
  value: Capping;
  onChange: (value: Capping) => void;
}

/** Frequency capping: global limits across every tab and site, so a visitor is not pestered. */
export function CappingSection({ value, onChange }: CappingSectionProps) {
  const t = useStaffT();
  return (
    <section class="card" id="capping" aria-labelledby="capping-title">
      <h2 id="capping-title">{t('options.section.capping')}</h2>
      <p class="section-intro">{t('options.capping.intro')}</p>
      <Checkbox field="capping.oncePerRulePerVisit" label={t(CAPPING_LABELS.oncePerRulePerVisit)} checked={value.oncePerRulePerVisit}
        onChange={(oncePerRulePerVisit) => onChange({ ...value, oncePerRulePerVisit })} testId="options-capping-oncePerRulePerVisit" />
      <div class="grid">
        {NUMBER_FIELDS.map(({ key, max, hint }) => (
          <Field key={key} field={`capping.${key}`} label={t(CAPPING_LABELS[key])} type="number" min={key === 'visitTimeoutMinutes' ? 1 : 0} max={max}
            value={value[key]} onInput={(v) => onChange({ ...value, [key]: v })} hint={t(hint)} testId={`options-capping-${key}`} />
        ))}
      </div>
    </section>
  );
}
