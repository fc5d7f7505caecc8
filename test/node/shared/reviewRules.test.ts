import { describe, expect, it } from 'vitest';
import { coveredPersonsIssues } from '@shared/authority/caseOps';
import { lastAdminIssue } from '@shared/authority/lastAdmin';
import { personCopyIssues } from '@shared/authority/personCopies';
import { placeCorrectionIssues } from '@shared/domain/elderlyCare/placeFixed';
import { headNameIssues } from '@shared/domain/household';
import { correctionReasonIssue, isDeletable } from '@shared/records/corrections';

/** The shared rules the hostile review added, as the desk and HQ both ask them. */
describe('rules shared by the desk and HQ', () => {
  it('bounds a correction reason and asks for one only on corrections', () => {
    expect(correctionReasonIssue('person', 'update', '  ')?.code).toBe(
      'record.correction_reason_required',
    );
    expect(correctionReasonIssue('person', 'update', ` ${'理'.repeat(500)} `)).toBeNull();
    expect(correctionReasonIssue('person', 'update', '理'.repeat(501))).toEqual({
      path: 'reason',
      code: 'record.correction_reason_too_long',
      params: { max: 500 },
    });
    expect(correctionReasonIssue('person', 'transition', null)).toBeNull();
    expect(isDeletable('person')).toBe(false);
    expect(isDeletable('elderlyBed')).toBe(false);
    expect(isDeletable('syncConflict')).toBe(true);
  });

  it('keeps one active administrator on a desk', () => {
    const admin = { id: 'a', data: { roles: ['admin'], disabled: false }, deleted: false };
    const clerk = { id: 'r', data: { roles: ['registrar'], disabled: false }, deleted: false };
    expect(lastAdminIssue([admin, clerk], { ...admin, data: { roles: ['registrar'] } })?.code).toBe(
      'user.last_admin',
    );
    expect(
      lastAdminIssue([admin], { ...admin, data: { ...admin.data, disabled: true } })?.code,
    ).toBe('user.last_admin');
    expect(lastAdminIssue([admin], { ...admin, deleted: true })?.code).toBe('user.last_admin');
    const second = { ...admin, id: 'b' };
    expect(lastAdminIssue([admin, second], { ...admin, deleted: true })).toBeNull();
    expect(lastAdminIssue([clerk], { ...clerk, data: { roles: ['supervisor'] } })).toBeNull();
  });

  it('holds copies of a name and who a case covers to the registry', () => {
    const names = { current: '李四', known: ['李四', '李四四'] };
    const codes = { person: 'personId', unknown: 'u', path: 'name', name: 'n' };
    expect(personCopyIssues('李四四', names, codes)).toEqual([]);
    expect(personCopyIssues('张三', names, codes)).toEqual([
      { path: 'name', code: 'n', params: { name: '李四' } },
    ]);
    expect(personCopyIssues('李四', undefined, codes)[0]?.code).toBe('u');
    expect(headNameIssues('张三', names)[0]?.code).toBe('household.head_name_not_registry');
    const covered = new Map<string, string | null | undefined>([
      ['p1', 'h1'],
      ['p2', undefined],
    ]);
    expect(coveredPersonsIssues('h1', covered)[0]).toMatchObject({
      code: 'case.covered_not_member',
      params: { personId: 'p2' },
    });
    expect(coveredPersonsIssues('h1', new Map([['p1', 'h1']]))).toEqual([]);
  });

  it('keeps a bed, room and building where and what they were saved as', () => {
    const bed = { roomId: 'r1', buildingId: 'b1', institutionId: 'i1', bedType: 'nursing' };
    const at = { ...bed, inServiceFrom: '2026-01-01', retiredOn: null };
    expect(placeCorrectionIssues('elderlyBed', at, { ...at, bedType: 'general' })[0]?.code).toBe(
      'elderly.bed_type_fixed',
    );
    expect(placeCorrectionIssues('elderlyBed', at, { ...at, roomId: 'r2' })[0]?.code).toBe(
      'elderly.place_fixed',
    );
    const retired = { ...at, retiredOn: '2026-02-01' };
    expect(placeCorrectionIssues('elderlyBed', retired, { ...at })[0]?.code).toBe(
      'elderly.bed_retired_final',
    );
    expect(placeCorrectionIssues('elderlyBed', at, retired)).toEqual([]);
    expect(
      placeCorrectionIssues('elderlyRoom', { buildingId: 'b1' }, { buildingId: 'b2' })[0]?.code,
    ).toBe('elderly.place_fixed');
  });
});
