/**
 * What a place of 养老 is fixed to once saved, checked on every correction at the desk
 * (elderlyCareInvariants) and at HQ alike: past figures were counted from it. A bed's
 * type and start of service (`elderly.bed_type_fixed`; converting a bed is retiring it
 * and adding a new one), the room, building and institution a bed, room or building is
 * in (`elderly.place_fixed`), and a bed's retirement, dated and final
 * (`elderly.bed_retired_final`).
 */
import type { FieldError } from '../../errors/appError';

const fixedPlaces: Record<string, readonly string[]> = {
  elderlyBuilding: ['institutionId'],
  elderlyRoom: ['institutionId', 'buildingId'],
  elderlyBed: ['institutionId', 'buildingId', 'roomId'],
};

/** The first rule a correction of `kind` from `before` to `after` breaks, if any. */
export function placeCorrectionIssues(
  kind: string,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): FieldError[] {
  const changed = (field: string) => before[field] !== after[field];
  if (kind === 'elderlyBed' && (changed('bedType') || changed('inServiceFrom'))) {
    return [{ path: 'bedType', code: 'elderly.bed_type_fixed' }];
  }
  const moved = (fixedPlaces[kind] ?? []).find(changed);
  if (moved) return [{ path: moved, code: 'elderly.place_fixed' }];
  if (
    kind === 'elderlyBed' &&
    before.retiredOn !== null &&
    before.retiredOn !== undefined &&
    changed('retiredOn')
  ) {
    return [{ path: 'retiredOn', code: 'elderly.bed_retired_final' }];
  }
  return [];
}

export function hasFixedPlace(kind: string): boolean {
  return Object.hasOwn(fixedPlaces, kind);
}
