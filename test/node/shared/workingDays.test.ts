import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import {
  addWorkingDays,
  buildCalendar,
  calendarCovers,
  isWorkingDay,
  sampleCalendarYears,
  workingDaysBetween,
} from '@shared/calendar/workingDays';
import { dayOfWeek } from '@shared/calendar/dates';

const cal = buildCalendar(sampleCalendarYears);
const plain = buildCalendar([]);

describe('isWorkingDay', () => {
  it('works Monday to Friday on a plain calendar', () => {
    expect(isWorkingDay('2026-03-06', plain)).toBe(true); // Fri
    expect(isWorkingDay('2026-03-07', plain)).toBe(false); // Sat
    expect(isWorkingDay('2026-03-08', plain)).toBe(false); // Sun
  });

  it('rests on holidays and works on 调休 weekend days', () => {
    expect(isWorkingDay('2026-01-01', cal)).toBe(false); // 元旦, Thu
    expect(isWorkingDay('2026-01-04', cal)).toBe(true); // Sun, 调休
    expect(isWorkingDay('2026-02-14', cal)).toBe(true); // Sat before 春节
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // Mon in 春节
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // Sat after 国庆
  });
});

describe('addWorkingDays / workingDaysBetween', () => {
  it('skips a weekend; the start day is not counted', () => {
    expect(addWorkingDays('2026-03-06', 1, cal)).toBe('2026-03-09'); // Fri → Mon
    expect(addWorkingDays('2026-03-07', 1, cal)).toBe('2026-03-09'); // Sat → Mon
    expect(addWorkingDays('2026-03-09', 5, cal)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-09', 0, cal)).toBe('2026-03-09');
    expect(workingDaysBetween('2026-03-06', '2026-03-09', cal)).toBe(1);
  });

  it('skips a holiday: 清明 Mon 2026-04-06', () => {
    expect(addWorkingDays('2026-04-03', 1, cal)).toBe('2026-04-07');
    expect(workingDaysBetween('2026-04-03', '2026-04-07', cal)).toBe(1);
  });

  it('counts the 调休 Saturday across 春节 2026', () => {
    // Fri 02-13 → Sat 02-14 works, then 02-15…02-23 off, Tue 02-24 works.
    expect(addWorkingDays('2026-02-13', 1, cal)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, cal)).toBe('2026-02-24');
    expect(workingDaysBetween('2026-02-13', '2026-02-24', cal)).toBe(2);
    // The same span on a plain calendar: Mon 02-16 … Tue 02-24 = 7 days.
    expect(workingDaysBetween('2026-02-13', '2026-02-24', plain)).toBe(7);
  });

  it('counts backwards and is the inverse of addWorkingDays', () => {
    expect(addWorkingDays('2026-03-09', -1, cal)).toBe('2026-03-06');
    expect(workingDaysBetween('2026-03-09', '2026-03-06', cal)).toBe(-1);
    expect(workingDaysBetween('2026-03-09', '2026-03-09', cal)).toBe(0);
    for (const start of ['2026-01-30', '2026-02-13', '2026-09-18', '2027-02-01']) {
      for (const n of [1, 7, 30, 45]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
      }
    }
  });

  it('30 working days from 受理 over 国庆 2026', () => {
    // From Tue 2026-09-15: 9/20 (Sun) works, 9/25 (中秋) and 10/1–10/7 off, 10/10 (Sat)
    // works: a net 4 weekdays lost, so the limit ends 4 working days later.
    expect(addWorkingDays('2026-09-15', 30, cal)).toBe('2026-11-02');
    expect(addWorkingDays('2026-09-15', 30, plain)).toBe('2026-10-27');
  });

  it('rejects a fractional count', () => {
    expect(() => addWorkingDays('2026-03-09', 1.5, cal)).toThrow(AppError);
  });
});

describe('buildCalendar', () => {
  it('tells which years it covers', () => {
    expect(calendarCovers(cal, '2026-06-01')).toBe(true);
    expect(calendarCovers(cal, '2028-06-01')).toBe(false);
  });

  it('rejects bad dates, dates of another year, conflicts and duplicate years', () => {
    let caught: unknown;
    try {
      buildCalendar([
        {
          year: 2026,
          holidays: ['2026-02-30', '2027-01-01', '2026-05-09'],
          extraWorkdays: ['2026-05-09'],
        },
        { year: 2026, holidays: [], extraWorkdays: [] },
      ]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const codes = (caught as AppError).fieldErrors.map((e) => e.code);
    expect(codes).toEqual([
      'calendar.date',
      'calendar.wrong_year',
      'calendar.duplicate_year',
      'calendar.conflict',
    ]);
  });

  it('sample data: every extra workday is a weekend day, every year is covered', () => {
    for (const year of sampleCalendarYears) {
      for (const date of year.extraWorkdays) expect([0, 6]).toContain(dayOfWeek(date));
    }
    expect(sampleCalendarYears.map((y) => y.year)).toEqual([2026, 2027]);
  });
});
