import { describe, expect, it } from 'vitest';
import { scrubText, scrubUrl } from '../../src/core/privacy';
import { BusinessHoursSchema, DEFAULT_BUSINESS_HOURS, localTime, openNow } from '../../src/core/rules/business-hours';
import { DEFAULT_CAPPING, emptyCappingState, touchVisit } from '../../src/core/rules/capping';

describe('privacy guard', () => {
  it.each([
    ['Welcome back, jane.doe+bank@example.co.uk', 'Welcome back, [email]'],
    ['Card 4111 1111 1111 1111 statement', 'Card [number] statement'],
    ['Account 12-34-56-78', 'Account [number]'],
    ['Order 12345 of 2026', 'Order 12345 of 2026'],
  ])('%s → %s', (input, output) => expect(scrubText(input)).toBe(output));

  it('scrubs URLs but keeps them readable', () => {
    expect(scrubUrl('https://bank.test/accounts/9876543210/statement?email=jane%40example.com#top')).toBe(
      'https://bank.test/accounts/[number]/statement?email=[email]#top',
    );
    expect(scrubUrl('not a url 1234567')).toBe('not a url [number]');
  });
});

describe('business hours', () => {
  it('reads the local wall clock of a time zone', () => {
    expect(localTime(Date.UTC(2026, 10, 23, 23, 30), 'Asia/Tokyo')).toEqual({ date: '2026-11-24', day: 'tue', time: '08:30' });
  });
  it('is open only on open days, within hours, outside holidays', () => {
    const h = { ...DEFAULT_BUSINESS_HOURS, enabled: true };
    expect(openNow(h, Date.UTC(2026, 10, 23, 9, 0)).open).toBe(true); // Monday 09:00
    expect(openNow(h, Date.UTC(2026, 10, 23, 17, 0)).open).toBe(false); // closing time
    expect(openNow(h, Date.UTC(2026, 10, 22, 12, 0))).toEqual({ open: false, reason: 'closed on sun' });
    expect(openNow({ ...h, enabled: false }, Date.UTC(2026, 10, 22, 12, 0)).open).toBe(true);
  });
  it('rejects unknown zones and reversed hours', () => {
    expect(BusinessHoursSchema.safeParse({ ...DEFAULT_BUSINESS_HOURS, timeZone: 'Mars/Olympus' }).success).toBe(false);
    const reversed = { ...DEFAULT_BUSINESS_HOURS, days: { ...DEFAULT_BUSINESS_HOURS.days, mon: { open: '18:00', close: '09:00' } } };
    expect(BusinessHoursSchema.safeParse(reversed).success).toBe(false);
  });
});

describe('visits', () => {
  it('a visit ends after the timeout without page views', () => {
    const start = emptyCappingState(0, '2026-11-23');
    const offered = { ...start, rulesOfferedThisVisit: ['r1'] };
    expect(touchVisit(offered, DEFAULT_CAPPING, 29 * 60_000).rulesOfferedThisVisit).toEqual(['r1']);
    const next = touchVisit(offered, DEFAULT_CAPPING, 31 * 60_000);
    expect(next).toMatchObject({ rulesOfferedThisVisit: [], visitStartedAt: 31 * 60_000 });
  });
});
