import type { AbilityLevel } from '@shared/domain/elderlyCare/enums';
import { levelOn } from '@shared/domain/elderlyCare/resident';
import { openStayStates } from '@shared/domain/elderlyCare/stay';
import type { DeskDatabase } from '../../database';
import { listResidents } from './residents';
import { elderlyTables, live, type Bed, type Resident, type Stay } from './tables';

/**
 * The residents list: each resident with the stay holding a bed for them now (if any),
 * where that bed is, and their latest ability level. Reads by index only.
 */
export interface ResidentRow {
  resident: Resident;
  stay: Stay | undefined;
  place: { building: string; room: string; bed: string } | undefined;
  bed: Bed | undefined;
  level: AbilityLevel | undefined;
}

export async function residentRows(
  db: DeskDatabase,
  query: string,
  today: string,
): Promise<ResidentRow[]> {
  return rowsOfResidents(db, await listResidents(db, query), today);
}

/** The list's rows of these residents (a page of the residents table, or a search's). */
export async function rowsOfResidents(
  db: DeskDatabase,
  residents: readonly Resident[],
  today: string,
): Promise<ResidentRow[]> {
  const t = elderlyTables(db);
  const ids = residents.map((r) => r.id);
  const [stays, assessments] = await Promise.all([
    t.stays.where('residentId').anyOf(ids).toArray(),
    t.assessments.where('residentId').anyOf(ids).toArray(),
  ]);
  const open = new Map(
    live(stays)
      .filter((s) => openStayStates.includes(s.state))
      .map((s) => [s.residentId, s]),
  );
  const beds = await t.beds.bulkGet([...open.values()].map((s) => s.bedId));
  const bedById = new Map(beds.flatMap((b) => (b ? [[b.id, b] as const] : [])));
  const [rooms, buildings] = await Promise.all([
    t.rooms.bulkGet([...bedById.values()].map((b) => b.roomId)),
    t.buildings.bulkGet([...bedById.values()].map((b) => b.buildingId)),
  ]);
  const roomName = new Map(rooms.flatMap((r) => (r ? [[r.id, r.number] as const] : [])));
  const buildingName = new Map(buildings.flatMap((b) => (b ? [[b.id, b.name] as const] : [])));
  const assessed = live(assessments);
  return residents.map((resident) => {
    const stay = open.get(resident.id);
    const bed = stay ? bedById.get(stay.bedId) : undefined;
    const place = bed && {
      building: buildingName.get(bed.buildingId) ?? '',
      room: roomName.get(bed.roomId) ?? '',
      bed: bed.number,
    };
    const mine = assessed.filter((a) => a.residentId === resident.id);
    return { resident, stay, bed, place, level: levelOn(mine, today)?.level };
  });
}
