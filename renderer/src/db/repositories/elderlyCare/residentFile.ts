import {
  effectiveMovements,
  openStayOf,
  projectStays,
} from '@shared/domain/elderlyCare/projection';
import type { DeskDatabase } from '../../database';
import { getPerson, type Person } from '../persons';
import { bedPlace } from './bedChoices';
import { movementsOfResident } from './movements';
import { assessmentsOfResident, contractsOfResident, getResident } from './residents';
import {
  elderlyTables,
  type Assessment,
  type Bed,
  type Contract,
  type Movement,
  type Resident,
} from './tables';

/**
 * Everything the resident's page shows: the person, the stay holding a bed now, every
 * movement (reversed ones marked, the one that may be reversed named), assessments
 * and contracts. Bed names are resolved here so the page needs no further reads.
 */
export interface Place {
  building: string;
  room: string;
  bed: string;
}

export interface ResidentFile {
  resident: Resident;
  person: Person | undefined;
  current:
    { state: 'reserved' | 'active' | 'held'; bed: Bed; place: Place; since: string } | undefined;
  movements: { movement: Movement; place: Place | undefined; reversed: boolean }[];
  reversibleId: string | undefined;
  assessments: Assessment[];
  contracts: Contract[];
}

export async function residentFile(
  db: DeskDatabase,
  id: string,
): Promise<ResidentFile | undefined> {
  const resident = await getResident(db, id);
  if (!resident) return undefined;
  const [person, movements, assessments, contracts] = await Promise.all([
    getPerson(db, resident.personId),
    movementsOfResident(db, id),
    assessmentsOfResident(db, id),
    contractsOfResident(db, id),
  ]);
  const beds = new Map<string, { bed: Bed | undefined; place: Place | undefined }>();
  for (const bedId of new Set(movements.map((m) => m.bedId))) {
    const bed = await elderlyTables(db).beds.get(bedId);
    const p = bed ? await bedPlace(db, bed) : undefined;
    beds.set(bedId, { bed, place: p });
  }
  const reversed = new Set(movements.flatMap((m) => (m.reversesId ? [m.reversesId] : [])));
  const projected = projectStays(movements);
  const open = projected.ok ? openStayOf(projected.stays)?.[1] : undefined;
  const openBed = open && beds.get(open.bedId);
  const leave = open?.leaves.find((l) => l.to === null);
  return {
    resident,
    person,
    current:
      open && openBed?.bed && openBed.place && open.state !== 'closed' && open.state !== 'void'
        ? {
            state: open.state,
            bed: openBed.bed,
            place: openBed.place,
            since: leave?.from ?? open.admittedOn ?? open.reservedOn ?? '',
          }
        : undefined,
    movements: movements.map((movement) => ({
      movement,
      place: beds.get(movement.bedId)?.place,
      reversed: reversed.has(movement.id),
    })),
    reversibleId: effectiveMovements(movements).at(-1)?.id,
    assessments,
    contracts,
  };
}
