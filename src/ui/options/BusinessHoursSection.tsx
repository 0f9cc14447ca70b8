import { useMemo } from 'preact/hooks';
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
  const zones = useMemo(timeZones, []);
  const setDay = (day: (typeof DAYS)[number], patch: Partial<DayDraft>) =>
    onChange({ ...value, days: { ...value.days, [day]: { ...value.days[day], ...patch } } });
  return (
    <section class="card" id="business-hours" aria-labelledby="hours-title">
      <h2 id="hours-title">Business hours</h2>
      <Checkbox field="businessHours.enabled" label={HOURS_LABELS.enabled} checked={value.enabled} testId="options-hours-enabled"
        onChange={(enabled) => onChange({ ...value, enabled })} hint="Outside these hours no offer is made (the outcome log says why)." />
      {/* Editable while off too: hours can be prepared before they are switched on. */}
      <div class={`hours${value.enabled ? '' : ' off'}`}>
        <Field field="businessHours.timeZone" label={HOURS_LABELS.timeZone!} value={value.timeZone} list="time-zones" class="medium"
          onInput={(timeZone) => onChange({ ...value, timeZone })} hint="An IANA name, e.g. Europe/Paris or America/New_York." testId="options-hours-timeZone" />
        <datalist id="time-zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
        <table class="days">
          <thead>
            <tr><th scope="col">Day</th><th scope="col">{HOURS_LABELS.isOpen}</th><th scope="col">{HOURS_LABELS.open}</th><th scope="col">{HOURS_LABELS.close}</th></tr>
          </thead>
          <tbody>
            {DAYS.map((d) => {
              const day = value.days[d];
              return (
                <tr key={d}>
                  <th scope="row">{DAY_LABELS[d]}</th>
                  <td>
                    <Checkbox field={`businessHours.days.${d}.isOpen`} label={<span class="sr-only">{DAY_LABELS[d]} open</span>} checked={day.isOpen}
                      onChange={(isOpen) => setDay(d, { isOpen })} testId={`options-hours-${d}-open`} />
                  </td>
                  <td>
                    <Field field={`businessHours.days.${d}.open`} label={`${DAY_LABELS[d]} opens`} hideLabel type="time" value={day.open}
                      onInput={(open) => setDay(d, { open })} testId={`options-hours-${d}-from`} class={day.isOpen ? '' : 'closed'} />
                  </td>
                  <td>
                    <Field field={`businessHours.days.${d}.close`} label={`${DAY_LABELS[d]} closes`} hideLabel type="time" value={day.close}
                      onInput={(close) => setDay(d, { close })} testId={`options-hours-${d}-to`} class={day.isOpen ? '' : 'closed'} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Field field="businessHours.holidays" label={HOURS_LABELS.holidays!} rows={3} value={value.holidays} class="medium"
          onInput={(holidays) => onChange({ ...value, holidays })} hint="One date per line, YYYY-MM-DD, in the time zone above." testId="options-hours-holidays" />
      </div>
    </section>
  );
}
