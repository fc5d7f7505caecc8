import { describe, expect, it } from 'vitest';
import {
  actualServiceMinutes,
  hoursText,
  spanIssues,
  totalMinutesInPeriod,
} from '@shared/domain/community/hours';
import { localMinutes, minutesBetween } from '@shared/domain/community/localTime';

const service = (startAt: string, serviceMinutes: number, voided = false) => ({
  startAt,
  serviceMinutes,
  voided,
});

describe('hours of actual service', () => {
  it('counts start to end minus travel', () => {
    const span = { startAt: '2026-03-01T09:00', endAt: '2026-03-01T11:30', travelMinutes: 30 };
    expect(actualServiceMinutes(span)).toBe(120);
    expect(actualServiceMinutes({ ...span, travelMinutes: 0 })).toBe(150);
  });

  it('runs across midnight on wall-clock time', () => {
    expect(minutesBetween('2026-03-01T22:00', '2026-03-02T01:15')).toBe(195);
  });

  it('never goes negative, so a bad record cannot subtract from a total', () => {
    const span = { startAt: '2026-03-01T09:00', endAt: '2026-03-01T09:20', travelMinutes: 45 };
    expect(actualServiceMinutes(span)).toBe(0);
  });

  it('refuses impossible times', () => {
    expect(localMinutes('2026-02-29T09:00')).toBeNull();
    expect(localMinutes('2026-03-01T24:00')).toBeNull();
    expect(localMinutes('2026-03-01 09:00')).toBeNull();
  });
});

describe('totals per period', () => {
  const records = [
    service('2026-02-28T09:00', 60), // the day before the period
    service('2026-03-01T09:00', 120), // first day: counted
    service('2026-03-15T14:00', 45),
    service('2026-03-20T08:00', 500, true), // voided: never counted
    service('2026-03-31T23:30', 30), // last day, even if it runs past midnight
    service('2026-04-01T00:00', 90), // the day after
  ];

  it('includes both bound days and nothing outside them', () => {
    expect(totalMinutesInPeriod(records, { from: '2026-03-01', to: '2026-03-31' })).toBe(195);
  });

  it('counts a one-day period', () => {
    expect(totalMinutesInPeriod(records, { from: '2026-03-15', to: '2026-03-15' })).toBe(45);
  });

  it('is zero for an empty period', () => {
    expect(totalMinutesInPeriod(records, { from: '2025-01-01', to: '2025-12-31' })).toBe(0);
  });
});

describe('hoursText', () => {
  it('shows hours to two decimals without trailing zeros', () => {
    expect(hoursText(150)).toBe('2.5');
    expect(hoursText(120)).toBe('2');
    expect(hoursText(135)).toBe('2.25');
    expect(hoursText(20)).toBe('0.33');
    expect(hoursText(0)).toBe('0');
  });
});

describe('spanIssues', () => {
  const today = '2026-03-02';
  const codes = (startAt: string, endAt: string) =>
    spanIssues({ startAt, endAt }, today).map((i) => `${i.path}:${i.code}`);

  it('accepts a normal span', () => {
    expect(codes('2026-03-01T09:00', '2026-03-01T11:00')).toEqual([]);
  });

  it('refuses an end not after the start, a span over a day and a future start', () => {
    expect(codes('2026-03-01T11:00', '2026-03-01T11:00')).toEqual([
      'endAt:community.end_not_after_start',
    ]);
    expect(codes('2026-02-01T09:00', '2026-02-02T10:00')).toEqual([
      'endAt:community.span_too_long',
    ]);
    expect(codes('2026-03-03T09:00', '2026-03-03T10:00')).toEqual(['startAt:date.in_future']);
  });
});
