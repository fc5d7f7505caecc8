import { bedStatusOn, stayHoldingOn } from '@shared/domain/elderlyCare/bedStatus';
import type { BedStatus } from '@shared/domain/elderlyCare/enums';
import type { DeskDatabase } from '../../database';
import { bedPlace } from './bedChoices';
import { movementsOfBed } from './movements';
import {
  elderlyTables,
  live,
  type Bed,
  type Institution,
  type Movement,
  type Resident,
  type Stay,
} from './tables';

/** One bed as its dialog on the board shows it: where, what, who, and what happened. */
export interface BedDetail {
  bed: Bed;
  institution: Institution | undefined;
  place: { building: string; room: string; bed: string };
  status: BedStatus | null;
  stay: Stay | undefined;
  resident: Resident | undefined;
  history: { movement: Movement; residentName: string; reversed: boolean }[];
}

export async function bedDetail(
  db: DeskDatabase,
  bedId: string,
  date: string,
): Promise<BedDetail | undefined> {
  const t = elderlyTables(db);
  const bed = await t.beds.get(bedId);
  if (!bed || bed.deleted) return undefined;
  const [institution, place, stays, movements] = await Promise.all([
    t.institutions.get(bed.institutionId),
    bedPlace(db, bed),
    t.stays.where('bedId').equals(bedId).toArray(),
    movementsOfBed(db, bedId),
  ]);
  const inForce = live(stays).filter((s) => s.state !== 'void');
  const stay = stayHoldingOn(inForce, date);
  const residentIds = [...new Set(movements.map((m) => m.residentId))];
  const residents = new Map(
    (await t.residents.bulkGet(residentIds)).flatMap((r) => (r ? [[r.id, r] as const] : [])),
  );
  const reversed = new Set(movements.flatMap((m) => (m.reversesId ? [m.reversesId] : [])));
  return {
    bed,
    institution,
    place,
    status: bedStatusOn(bed, inForce, date),
    stay,
    resident: stay && residents.get(stay.residentId),
    history: movements.map((movement) => ({
      movement,
      residentName: residents.get(movement.residentId)?.personName ?? '',
      reversed: reversed.has(movement.id),
    })),
  };
}
