import { describe, expect, it } from 'vitest';
import { buildCalendar, sampleCalendarYears } from '../../../shared/calendar/workingDays';
import { dayMark, marksBetween } from '../../../renderer/src/screens/common/dayMarks';

const calendar = buildCalendar(sampleCalendarYears);

describe('holidays and 调休 days marked from the office calendar', () => {
  it('marks a holiday, a worked weekend, and leaves a plain day alone', () => {
    expect(dayMark('2026-10-01', calendar)).toBe('holiday');
    expect(dayMark('2026-10-10', calendar)).toBe('extraWorkday'); // Sat, 国庆 调休
    expect(dayMark('2026-10-12', calendar)).toBeNull();
    expect(dayMark('2026-10-11', calendar)).toBeNull(); // a plain Sunday is no mark
    expect(dayMark('2026-10-01', null)).toBeNull(); // before the calendar is read
  });

  it('counts what lies between today and a deadline, both ends included', () => {
    expect(marksBetween('2026-09-28', '2026-10-12', calendar)).toEqual({
      holidays: 7,
      extraWorkdays: 1,
    });
    expect(marksBetween('2026-10-01', '2026-10-01', calendar)).toEqual({
      holidays: 1,
      extraWorkdays: 0,
    });
    expect(marksBetween('2026-11-02', '2026-11-30', calendar)).toEqual({
      holidays: 0,
      extraWorkdays: 0,
    });
    expect(marksBetween('2026-10-12', '2026-10-01', calendar)).toEqual({
      holidays: 0,
      extraWorkdays: 0,
    });
  });
});
