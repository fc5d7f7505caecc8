import { bedInServiceOn, type BedData } from '@shared/domain/elderlyCare/institution';
import { placeKey, type BedPlaceName } from '@shared/import/residentCells';
import type { RowProblem } from '@shared/import/types';
import type { DeskDatabase } from '../../database';
import { elderlyTables, live, type Bed } from '../elderlyCare/tables';

/** A bed with the names the area gives its place (for matching and for messages). */
export interface NamedBed {
  bed: Bed;
  label: { building: string; room: string; bed: string };
}

/**
 * The office's places by name: institutions (by name or code), their buildings, rooms
 * and beds. Read once per dry run: an office's care homes hold hundreds of beds, not
 * the registry's thousands of persons.
 */
export async function loadPlaces(db: DeskDatabase) {
  const t = elderlyTables(db);
  const [institutions, buildings, rooms, beds] = await Promise.all([
    t.institutions.toArray().then(live),
    t.buildings.toArray().then(live),
    t.rooms.toArray().then(live),
    t.beds.toArray().then(live),
  ]);
  const institutionIds = new Map<string, string>();
  for (const i of institutions) {
    institutionIds.set(i.name.trim(), i.id);
    if (i.code) institutionIds.set(i.code.trim(), i.id);
  }
  const buildingOf = new Map(buildings.map((b) => [b.id, b]));
  const roomOf = new Map(rooms.map((r) => [r.id, r]));
  const buildingKeys = new Set(buildings.map((b) => `${b.institutionId}|${b.name.trim()}`));
  const roomKeys = new Set(
    rooms.map((r) => `${r.institutionId}|${buildingOf.get(r.buildingId)?.name.trim()}|${r.number}`),
  );
  const bedByKey = new Map<string, NamedBed>();
  for (const bed of beds) {
    const label = {
      building: buildingOf.get(bed.buildingId)?.name.trim() ?? '',
      room: roomOf.get(bed.roomId)?.number.trim() ?? '',
      bed: bed.number.trim(),
    };
    bedByKey.set(`${bed.institutionId}|${label.building}|${label.room}|${label.bed}`, {
      bed,
      label,
    });
  }
  return {
    /** The bed the names give, or the problem naming the first part the office lacks. */
    find(place: BedPlaceName): { bed: NamedBed } | { problem: Omit<RowProblem, 'row'> } {
      const unknown = (field: keyof BedPlaceName) => ({
        problem: {
          group: 'unknown_place' as const,
          field,
          code: `import.unknown_${field}`,
          params: { ...place },
          severity: 'error' as const,
        },
      });
      const institutionId = institutionIds.get(place.institution);
      if (!institutionId) return unknown('institution');
      if (!buildingKeys.has(`${institutionId}|${place.building}`)) return unknown('building');
      if (!roomKeys.has(`${institutionId}|${place.building}|${place.room}`)) return unknown('room');
      const bed = bedByKey.get(`${institutionId}|${place.building}|${place.room}|${place.bed}`);
      return bed ? { bed } : unknown('bed');
    },
    key: placeKey,
  };
}

/**
 * What keeps a resident of `sex` out of a bed from `date` on, as the write path's stay
 * check words it (not in service, under repair, the wrong sex), or null.
 */
export function bedRefusal(
  named: NamedBed,
  sex: 'male' | 'female',
  date: string,
): Omit<RowProblem, 'row'> | null {
  const bed: BedData = named.bed;
  const refuse = (code: string) => ({
    group: 'bed' as const,
    field: 'bed',
    code,
    params: named.label,
    severity: 'error' as const,
  });
  if (!bedInServiceOn(bed, date)) return refuse('elderly.bed_not_in_service');
  if (bed.maintenance) return refuse('elderly.bed_in_maintenance');
  if (bed.sexRule !== 'any' && bed.sexRule !== sex) return refuse(`elderly.bed_for_${bed.sexRule}`);
  return null;
}
