import { bedStatusOn, stayHoldingOn } from '@shared/domain/elderlyCare/bedStatus';
import { bedStatuses, type BedStatus } from '@shared/domain/elderlyCare/enums';
import { groupBy } from '@shared/domain/elderlyCare/figures';
import { bedInServiceOn } from '@shared/domain/elderlyCare/institution';
import type { DeskDatabase } from '../../database';
import { loadLayout, type Layout } from './institutions';
import {
  elderlyTables,
  live,
  type Bed,
  type Building,
  type Resident,
  type Room,
  type Stay,
} from './tables';

/**
 * The occupancy board of one institution on a day: building → floor (top floor first,
 * as the building stands) → room → bed, each bed with its derived status and, when a
 * stay holds it, the stay and the resident's name.
 */
export interface BoardBed {
  bed: Bed;
  status: BedStatus;
  stay: Stay | undefined;
  resident: Resident | undefined;
}
export interface BoardRoom {
  room: Room;
  beds: BoardBed[];
}
export interface BoardFloor {
  floor: number;
  rooms: BoardRoom[];
}
export interface BoardBuilding {
  building: Building;
  floors: BoardFloor[];
}
export interface Board {
  layout: Layout;
  buildings: BoardBuilding[];
  counts: Record<BedStatus, number>;
}

export async function loadBoard(
  db: DeskDatabase,
  institutionId: string,
  date: string,
): Promise<Board | undefined> {
  const layout = await loadLayout(db, institutionId);
  if (!layout) return undefined;
  const t = elderlyTables(db);
  const stays = live(await t.stays.where('institutionId').equals(institutionId).toArray()).filter(
    (s) => s.state !== 'void',
  );
  const staysByBed = groupBy(stays, (s) => s.bedId);
  const holding = new Map(
    layout.beds.map((bed) => [bed.id, stayHoldingOn(staysByBed.get(bed.id) ?? [], date)]),
  );
  const residentIds = [...new Set([...holding.values()].flatMap((s) => (s ? [s.residentId] : [])))];
  const residents = new Map(
    (await t.residents.bulkGet(residentIds)).flatMap((r) => (r ? [[r.id, r] as const] : [])),
  );

  const counts = Object.fromEntries(bedStatuses.map((s) => [s, 0])) as Record<BedStatus, number>;
  const boardBeds = new Map<string, BoardBed[]>();
  for (const bed of layout.beds) {
    const status = bedStatusOn(bed, staysByBed.get(bed.id) ?? [], date);
    if (status === null) continue; // not in service yet on that day
    counts[status] += 1;
    const stay = holding.get(bed.id);
    const entry = { bed, status, stay, resident: stay && residents.get(stay.residentId) };
    boardBeds.set(bed.roomId, [...(boardBeds.get(bed.roomId) ?? []), entry]);
  }

  const roomsByBuilding = groupBy(layout.rooms, (r) => r.buildingId);
  const buildings = layout.buildings.map((building) => {
    const byFloor = groupBy(roomsByBuilding.get(building.id) ?? [], (r) => r.floor);
    const floors = [...byFloor.keys()]
      .sort((a, b) => b - a)
      .map((floor) => ({
        floor,
        rooms: (byFloor.get(floor) ?? []).map((room) => ({
          room,
          beds: boardBeds.get(room.id) ?? [],
        })),
      }));
    return { building, floors };
  });
  return { layout, buildings, counts };
}

/** Beds in service on `date` and how many are nursing-type, per institution id. */
export async function bedCounts(db: DeskDatabase, date: string) {
  const counts = new Map<string, { total: number; nursing: number }>();
  for (const bed of live(await elderlyTables(db).beds.toArray())) {
    if (!bedInServiceOn(bed, date)) continue;
    const c = counts.get(bed.institutionId) ?? { total: 0, nursing: 0 };
    c.total += 1;
    if (bed.bedType === 'nursing') c.nursing += 1;
    counts.set(bed.institutionId, c);
  }
  return counts;
}
