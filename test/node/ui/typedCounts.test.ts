import { describe, expect, it, vi } from 'vitest';
import { floorRange } from '@shared/domain/elderlyCare/institution';
import { targetPercentRange } from '@shared/domain/elderlyCare/config';
import { countIssue, emptyCase, localIssues } from '../../../renderer/src/screens/cases/caseForm';
import { typedCount } from '../../../renderer/src/screens/common/typedCount';

// The case form's money helpers come from a component module that loads the session
// store, which reads the chosen language from localStorage on load.
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null }));

/**
 * Counts typed in forms (floors, the nursing-bed target, travel minutes, vehicles and
 * housing units): empty is 必填, never 0; out of range is refused, never clamped.
 */
describe('typed counts', () => {
  it('refuses an empty floor count as required, and out-of-range floors, instead of 0', () => {
    expect(() => typedCount('', floorRange, 'floors')).toThrow(
      expect.objectContaining({ fieldErrors: [{ path: 'floors', code: 'field.required' }] }),
    );
    expect(() => typedCount('0', floorRange, 'floors')).toThrow(
      expect.objectContaining({
        fieldErrors: [{ path: 'floors', code: 'field.too_small', params: { minimum: 1 } }],
      }),
    );
    expect(() => typedCount('41', floorRange, 'floors')).toThrow(
      expect.objectContaining({
        fieldErrors: [{ path: 'floors', code: 'field.too_big', params: { maximum: 40 } }],
      }),
    );
    expect(typedCount(' 6 ', floorRange, 'floors')).toBe(6);
  });

  it('refuses an empty or 101 % target instead of saving 0 or 100', () => {
    const path = 'nursingBedTargetPercent';
    expect(() => typedCount('', targetPercentRange, path)).toThrow(
      expect.objectContaining({ fieldErrors: [{ path, code: 'field.required' }] }),
    );
    expect(() => typedCount('101', targetPercentRange, path)).toThrow(
      expect.objectContaining({
        fieldErrors: [expect.objectContaining({ code: 'field.too_big' })],
      }),
    );
    expect(typedCount('0', targetPercentRange, path)).toBe(0);
  });

  it('says an emptied vehicle count is required on the 低保 form, not 0 vehicles', () => {
    expect(countIssue('', 'assets.vehicles')).toEqual({
      path: 'assets.vehicles',
      code: 'field.required',
    });
    expect(countIssue('100', 'assets.vehicles')).toMatchObject({ code: 'field.too_big' });
    expect(countIssue('1.5', 'assets.vehicles')).toMatchObject({ code: 'field.whole_number' });
    expect(countIssue('2', 'assets.vehicles')).toBeNull();
    const draft = { ...emptyCase('h1', '2026-12-04'), vehicles: '', extraHousing: '-1' };
    expect(localIssues(draft)).toEqual(
      expect.arrayContaining([
        { path: 'assets.vehicles', code: 'field.required' },
        { path: 'assets.extraHousingUnits', code: 'field.too_small', params: { minimum: 0 } },
      ]),
    );
  });
});
