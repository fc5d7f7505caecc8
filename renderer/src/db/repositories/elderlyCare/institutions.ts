import { AppError } from '@shared/errors/appError';
import type {
  BedData,
  BuildingData,
  InstitutionData,
} from '@shared/domain/elderlyCare/institution';
import { requireElderlyRole } from '@shared/domain/elderlyCare/roles';
import type { DeskDatabase } from '../../database';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import {
  elderlyTables,
  live,
  type Bed,
  type Building,
  type Institution,
  type Room,
} from './tables';

/**
 * Institutions and their layout: buildings, rooms on floors, beds. A room and its beds
 * are saved together; a bed's maintenance and retirement are corrections with a reason
 * (the bed keeps every superseded version), never silent edits.
 */
export type InstitutionInput = Omit<InstitutionData, 'address' | 'phone'> &
  Partial<Pick<InstitutionData, 'address' | 'phone'>>;

export interface NewBedInput {
  number: string;
  bedType: BedData['bedType'];
  sexRule: BedData['sexRule'];
}

export interface NewRoomInput {
  institutionId: string;
  buildingId: string;
  floor: number;
  number: string;
  /** The day the beds enter service: counted in figures from this day. */
  inServiceFrom: string;
  beds: NewBedInput[];
}

export interface Layout {
  institution: Institution;
  buildings: Building[];
  rooms: Room[];
  beds: Bed[];
}

export async function createInstitution(
  db: DeskDatabase,
  ctx: WriteContext,
  input: InstitutionInput,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    return w.create('elderlyInstitution', input);
  });
}

export async function updateInstitution(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  patch: Partial<InstitutionData>,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    return w.update('elderlyInstitution', id, baseVersion, patch);
  });
}

export async function addBuilding(db: DeskDatabase, ctx: WriteContext, input: BuildingData) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    return w.create('elderlyBuilding', input);
  });
}

/** A room with its beds in ONE transaction: a room is never saved half-furnished. */
export async function addRoomWithBeds(db: DeskDatabase, ctx: WriteContext, input: NewRoomInput) {
  return write(db, ctx, async (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    const { beds, inServiceFrom, ...roomFields } = input;
    const room = await w.create('elderlyRoom', roomFields);
    const created: Bed[] = [];
    for (const [index, bed] of beds.entries()) {
      created.push(
        await withBedPath(index, () =>
          w.create('elderlyBed', {
            ...bed,
            institutionId: input.institutionId,
            buildingId: input.buildingId,
            roomId: room.id,
            inServiceFrom,
            retiredOn: null,
            maintenance: false,
            note: '',
          }),
        ),
      );
    }
    return { room, beds: created };
  });
}

/** Marks each bed's errors with its row, as the household form does for members. */
async function withBedPath<T>(index: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors.length > 0) {
      throw new AppError({
        ...error.toData(),
        fieldErrors: error.fieldErrors.map((e) => ({ ...e, path: `beds.${index}.${e.path}` })),
      });
    }
    throw error;
  }
}

/** Takes a bed out of use for repairs, or puts it back; refused while anyone holds it. */
export async function setBedMaintenance(
  db: DeskDatabase,
  ctx: WriteContext,
  bed: Pick<Bed, 'id' | 'version'>,
  maintenance: boolean,
  reason: string,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    return w.update('elderlyBed', bed.id, bed.version, { maintenance }, { reason });
  });
}

/** Retires a bed from `date` on (final); past figures still count it before that day. */
export async function retireBed(
  db: DeskDatabase,
  ctx: WriteContext,
  bed: Pick<Bed, 'id' | 'version'>,
  date: string,
  reason: string,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    return w.update(
      'elderlyBed',
      bed.id,
      bed.version,
      { retiredOn: date, maintenance: false },
      { reason },
    );
  });
}

export async function listInstitutions(db: DeskDatabase): Promise<Institution[]> {
  const all = await elderlyTables(db).institutions.toArray();
  return live(all).sort((a, b) => a.code.localeCompare(b.code));
}

export async function getBed(db: DeskDatabase, id: string) {
  const found = await elderlyTables(db).beds.get(id);
  return found && !found.deleted ? found : undefined;
}

export async function getInstitution(db: DeskDatabase, id: string) {
  const found = await elderlyTables(db).institutions.get(id);
  return found && !found.deleted ? found : undefined;
}

/** Everything of one institution's layout, ordered as the board draws it. */
export async function loadLayout(
  db: DeskDatabase,
  institutionId: string,
): Promise<Layout | undefined> {
  const t = elderlyTables(db);
  const institution = await getInstitution(db, institutionId);
  if (!institution) return undefined;
  const [buildings, rooms, beds] = await Promise.all([
    t.buildings.where('institutionId').equals(institutionId).toArray(),
    t.rooms.where('institutionId').equals(institutionId).toArray(),
    t.beds.where('institutionId').equals(institutionId).toArray(),
  ]);
  const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });
  return {
    institution,
    buildings: live(buildings).sort((a, b) => natural(a.name, b.name)),
    rooms: live(rooms).sort((a, b) => a.floor - b.floor || natural(a.number, b.number)),
    beds: live(beds).sort((a, b) => natural(a.number, b.number)),
  };
}
