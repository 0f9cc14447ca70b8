import { useMemo } from 'preact/hooks';
import { useStaffT } from '../i18n/staff';
import { Checkbox } from './Controls';
import { DAYS, type DayDraft, type Draft } from './draft';
import { Field } from './Field';
import { DAY_LABELS, HOURS_LABELS } from './labels';

type Hours = Draft['businessHours'];

/** The IANA zones the browser knows, as suggestions; any name the browser accepts is valid. */
function timeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

/** Props of {@link BusinessHoursSection}. */
export interface BusinessHoursSectionProps {
  value: Hours;
  onChange: (value: Hours) => void;
}

/** Opening hours that gate every offer: per weekday, in a time zone, minus holidays. */
export function BusinessHoursSection({ value, onChange }: BusinessHoursSectionProps) {
  const t = useStaffT();
  const zones = useMemo(timeZones, []);
  const setDay = (day: (typeof DAYS)[number], patch: Partial<DayDraft>) =>
    onChange({ ...value, days: { ...value.days, [day]: { ...value.days[day], ...patch } } });
  return (
    <section class="card" id="business-hours" aria-labelledby="hours-title">
      <h2 id="hours-title">{t('options.section.businessHours')}</h2>
      <Checkbox field="businessHours.enabled" label={t(HOURS_LABELS.enabled)} checked={value.enabled} testId="options-hours-enabled"
        onChange={(enabled) => onChange({ ...value, enabled })} hint={t('options.hours.enabledHint')} />
      {/* Editable while off too: hours can be prepared before they are switched on. */}
      <div class={`hours${value.enabled ? '' : ' off'}`}>
        <Field field="businessHours.timeZone" label={t(HOURS_LABELS.timeZone)} value={value.timeZone} list="time-zones" class="medium"
          onInput={(timeZone) => onChange({ ...value, timeZone })} hint={t('options.hours.timeZoneHint')} testId="options-hours-timeZone" />
        <datalist id="time-zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
        <table class="days">
          <thead>
            <tr>
              <th scope="col">{t('options.hours.day')}</th><th scope="col">{t(HOURS_LABELS.isOpen)}</th>
              <th scope="col">{t(HOURS_LABELS.open)}</th><th scope="col">{t(HOURS_LABELS.close)}</th>
            </tr>
          </thead>
          <tbody>
            {DAYS.map((d) => {
              const day = value.days[d];
              const name = t(DAY_LABELS[d]);
              return (
                <tr key={d}>
                  <th scope="row">{name}</th>
                  <td>
                    <Checkbox field={`businessHours.days.${d}.isOpen`} label={<span class="sr-only">{t('options.hours.dayOpen', { day: name })}</span>} checked={day.isOpen}
                      onChange={(isOpen) => setDay(d, { isOpen })} testId={`options-hours-${d}-open`} />
                  </td>
                  <td>
                    <Field field={`businessHours.days.${d}.open`} label={t('options.hours.dayOpens', { day: name })} hideLabel type="time" value={day.open}
                      onInput={(open) => setDay(d, { open })} testId={`options-hours-${d}-from`} class={day.isOpen ? '' : 'closed'} />
                  </td>
                  <td>
                    <Field field={`businessHours.days.${d}.close`} label={t('options.hours.dayCloses', { day: name })} hideLabel type="time" value={day.close}
                      onInput={(close) => setDay(d, { close })} testId={`options-hours-${d}-to`} class={day.isOpen ? '' : 'closed'} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Field field="businessHours.holidays" label={t(HOURS_LABELS.holidays)} rows={3} value={value.holidays} class="medium"
          onInput={(holidays) => onChange({ ...value, holidays })} hint={t('options.hours.holidaysHint')} testId="options-hours-holidays" />
      </div>
    </section>
  );
}
