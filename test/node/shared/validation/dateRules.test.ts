import { describe, expect, it } from 'vitest';
import { notBefore, notInFuture, officeToday } from '@shared/validation/dates';

describe('notInFuture', () => {
  it('allows today itself and refuses tomorrow, naming the field and today', () => {
    expect(notInFuture('2026-12-04', '2026-12-04', 'applicationDate')).toEqual([]);
    expect(notInFuture('2026-12-03', '2026-12-04', 'applicationDate')).toEqual([]);
    expect(notInFuture('2026-12-05', '2026-12-04', 'applicationDate')).toEqual([
      {
        path: 'applicationDate',
        code: 'date.in_future',
        params: { date: '2026-12-05', today: '2026-12-04' },
      },
    ]);
  });

  it('compares the day of a local date-time: late tonight is today, just after midnight is not', () => {
    expect(notInFuture('2026-12-04T23:59', '2026-12-04', 'startAt')).toEqual([]);
    expect(notInFuture('2026-12-05T00:00', '2026-12-04', 'startAt')).toHaveLength(1);
  });

  it('crosses month, year and leap-day boundaries as the calendar does', () => {
    expect(notInFuture('2028-02-29', '2028-02-28', 'date')).toHaveLength(1);
    expect(notInFuture('2028-02-29', '2028-02-29', 'date')).toEqual([]);
    expect(notInFuture('2028-03-01', '2028-02-29', 'date')).toHaveLength(1);
    expect(notInFuture('2027-01-01', '2026-12-31', 'date')).toHaveLength(1);
    expect(notInFuture('2026-12-31', '2027-01-01', 'date')).toEqual([]);
  });
});

describe('notBefore', () => {
  it('allows the same day and later, refuses an earlier day with the code given', () => {
    expect(notBefore('2026-12-04', '2026-12-04', 'acceptedOn', 'case.before_application')).toEqual(
      [],
    );
    expect(notBefore('2026-12-05', '2026-12-04', 'acceptedOn', 'case.before_application')).toEqual(
      [],
    );
    expect(notBefore('2026-12-03', '2026-12-04', 'acceptedOn', 'case.before_application')).toEqual([
      {
        path: 'acceptedOn',
        code: 'case.before_application',
        params: { date: '2026-12-03', earlier: '2026-12-04' },
      },
    ]);
  });

  it('compares days of date-times, over a leap day, and is silent without an earlier date', () => {
    expect(notBefore('2028-02-29T08:00', '2028-02-29T17:00', 'date', 'x.before')).toEqual([]);
    expect(notBefore('2028-02-28', '2028-02-29', 'date', 'x.before')).toHaveLength(1);
    expect(notBefore('2028-03-01', '2028-02-29', 'date', 'x.before')).toEqual([]);
    expect(notBefore('2020-01-01', null, 'date', 'x.before')).toEqual([]);
    expect(notBefore('2020-01-01', '', 'date', 'x.before')).toEqual([]);
  });
});

describe('officeToday', () => {
  it("is China's date whatever zone the server runs in", () => {
    // 07:30 in Beijing on 5 December is still 4 December in UTC.
    expect(officeToday(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
    expect(officeToday(new Date('2026-12-04T15:59:59Z'))).toBe('2026-12-04');
    expect(officeToday(new Date('2026-12-04T16:00:00Z'))).toBe('2026-12-05');
    expect(officeToday(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02-29');
  });
});
