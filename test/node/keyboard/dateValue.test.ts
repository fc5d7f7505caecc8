import { describe, expect, it } from 'vitest';
import {
  fromPickerValue,
  toPickerValue,
  unfinishedDate,
} from '../../../renderer/src/screens/common/dateValue';

describe('date field values: the store strings in and out of the pickers', () => {
  it('round-trips a day and a month exactly, in any process time zone', () => {
    for (const value of ['2026-03-02', '2024-02-29', '1930-01-01', '2026-12-31']) {
      expect(fromPickerValue(toPickerValue(value, 'date'), 'date')).toBe(value);
    }
    for (const value of ['2026-03', '1999-12']) {
      expect(fromPickerValue(toPickerValue(value, 'month'), 'month')).toBe(value);
    }
    // The picker's day is that calendar day at local midnight: no zone shift.
    const day = toPickerValue('2026-10-01', 'date');
    expect([day?.year(), day?.month(), day?.date(), day?.hour()]).toEqual([2026, 9, 1, 0]);
  });

  it('empty is null and back', () => {
    expect(toPickerValue('', 'date')).toBeNull();
    expect(fromPickerValue(null, 'date')).toBe('');
    expect(fromPickerValue(null, 'month')).toBe('');
  });

  it('a day that does not exist or a malformed string is an invalid value, never another day', () => {
    for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-3-2', '26-03-02', 'x']) {
      const value = toPickerValue(bad, 'date');
      expect(value?.isValid()).toBe(false);
      expect(fromPickerValue(value, 'date')).toBe(unfinishedDate);
    }
    expect(toPickerValue('2026-13', 'month')?.isValid()).toBe(false);
    expect(toPickerValue('2026-03-02', 'month')?.isValid()).toBe(false);
  });

  it('an unfinished field comes out as a value the date schema refuses', async () => {
    const { isIsoDate } = await import('../../../shared/calendar/dates');
    expect(isIsoDate(unfinishedDate)).toBe(false);
  });
});
