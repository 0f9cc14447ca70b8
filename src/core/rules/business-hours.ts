import { z } from 'zod';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type Day = (typeof DAYS)[number];
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Time must be HH:MM (24 h)');

/** Opening hours that gate offers: per weekday, in a time zone, minus holidays. */
export const BusinessHoursSchema = z
  .object({
    enabled: z.boolean(),
    timeZone: z.string().refine(isTimeZone, 'Unknown time zone (use an IANA name like Europe/Paris)'),
    /** Per weekday, open–close; null: closed all day. */
    days: z.record(z.enum(DAYS), z.object({ open: time, close: time }).nullable()),
    /** Closed all day on these dates (`YYYY-MM-DD`, in the time zone above). */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Holiday must be YYYY-MM-DD')).max(366),
  })
  .refine((h) => Object.values(h.days).every((d) => d === null || d.open < d.close), 'Opening time must be before closing time');
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

const weekday = { open: '09:00', close: '17:00' };
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  enabled: false,
  timeZone: 'UTC',
  days: { sun: null, mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: null },
  holidays: [],
};

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date, weekday and time at `now` in `timeZone`. */
export function localTime(now: number, timeZone: string): { date: string; day: Day; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, day: parts.weekday!.toLowerCase().slice(0, 3) as Day, time: `${parts.hour}:${parts.minute}` };
}

/** Whether the contact center is open at `now`, and if not, why. */
export function openNow(h: BusinessHours, now: number): { open: true } | { open: false; reason: string } {
  if (!h.enabled) return { open: true };
  const t = localTime(now, h.timeZone);
  if (h.holidays.includes(t.date)) return { open: false, reason: `closed for the holiday on ${t.date}` };
  const today = h.days[t.day];
  if (!today) return { open: false, reason: `closed on ${t.day}` };
  if (t.time < today.open || t.time >= today.close) {
    return { open: false, reason: `outside business hours (${today.open}–${today.close} ${h.timeZone}, now ${t.time})` };
  }
  return { open: true };
}
