import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  firstDayOfMonth,
  firstDayOfNextMonth,
  isIsoDate,
  isoDateFromParts,
  monthOf,
  todayIso,
} from '@shared/calendar/dates';

describe('ISO dates', () => {
  it('recognises real calendar days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-01-01T00:00')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });

  it('agrees with building the day as a Date, for every day, month and year around', () => {
    // The reading of digits must say what isoDateFromParts (a Date) says, leap years and
    // year 1 to 9999 included, and refuse what is not exactly 'YYYY-MM-DD'.
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const years = [
      0, 1, 2, 3, 4, 99, 100, 200, 400, 1600, 1700, 1900, 2000, 2100, 2400, 9996, 9999,
    ];
    for (let y = 1890; y <= 2110; y += 1) years.push(y);
    let compared = 0;
    const disagreements: string[] = [];
    for (const year of years) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (isIsoDate(text) !== (isoDateFromParts(year, month, day) === text)) {
            disagreements.push(text);
          }
          compared += 1;
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(100_000);
    for (const text of [
      '2026-03-5',
      ' 2026-03-05',
      '2026-03-05 ',
      '2026/03/05',
      '2026-0a-05',
      '+026-03-05',
      '2026-03-0５',
      '２０２６-03-05',
      '',
    ]) {
      expect(isIsoDate(text), text).toBe(false);
    }
    for (const value of [null, undefined, 20260305, new Date('2026-03-05'), ['2026-03-05']]) {
      expect(isIsoDate(value)).toBe(false);
    }
  });

  it('builds dates from parts, null when impossible', () => {
    expect(isoDateFromParts(2026, 3, 5)).toBe('2026-03-05');
    expect(isoDateFromParts(1900, 2, 29)).toBeNull();
    expect(isoDateFromParts(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDateFromParts(2026, 4, 31)).toBeNull();
    expect(isoDateFromParts(2026, 0, 1)).toBeNull();
    expect(isoDateFromParts(50, 1, 1)).toBe('0050-01-01');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-01-10', '2026-01-01')).toBe(-9);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('compares, finds weekdays and months', () => {
    expect(compareIsoDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareIsoDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareIsoDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(dayOfWeek('2026-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('2026-02-14')).toBe(6);
    expect(monthOf('2026-07-15')).toBe('2026-07');
    expect(firstDayOfMonth('2026-07-15')).toBe('2026-07-01');
    expect(firstDayOfMonth('2026-07')).toBe('2026-07-01');
    expect(firstDayOfNextMonth('2026-07-15')).toBe('2026-08-01');
    expect(firstDayOfNextMonth('2026-12-31')).toBe('2027-01-01');
  });

  it('gives the local calendar day for an instant and a zone offset', () => {
    const instant = new Date('2026-03-01T17:30:00Z');
    expect(todayIso(instant, 480)).toBe('2026-03-02'); // already 01:30 in China
    expect(todayIso(instant, 0)).toBe('2026-03-01');
    expect(todayIso(new Date('2026-03-01T02:00:00Z'), -300)).toBe('2026-02-28');
  });
});
