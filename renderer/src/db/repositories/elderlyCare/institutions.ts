import type { BedType, SexRule } from '@shared/domain/elderlyCare/enums';
import { isoDateSchema } from '@shared/domain/common';
import {
  roomDataSchema,
  type BedData,
  type BuildingData,
  type InstitutionData,
  type RoomData,
} from '@shared/domain/elderlyCare/institution';
import { bedCountIssues, nextBedNumbers } from '@shared/domain/elderlyCare/roomBeds';
import { requireElderlyRole } from '@shared/domain/elderlyCare/roles';
import { fieldErrorsFromZod } from '@shared/validation/fieldErrors';
import type { DeskDatabase } from '../../database';
import { write } from '../../writePath';
import type { WriteContext } from '../../writeContext';
import { createBeds, refuseIssues } from './beds';
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
 * are saved together, and beds can be added to a room later. Every change of a saved
 * institution, building, room or bed (maintenance, retirement included) is a correction
 * with a reason (each keeps its superseded versions), never a silent edit.
 */
export type InstitutionInput = Omit<InstitutionData, 'address' | 'phone'> &
  Partial<Pick<InstitutionData, 'address' | 'phone'>>;

export interface NewBedInput {
  number: string;
  bedType: BedData['bedType'];
  sexRule: BedData['sexRule'];
}

/** Beds of one type and sex rule, as the room form and the add-beds form give them. */
export interface BedBatch {
  /** As typed: refused unless a whole number within the room's capacity. */
  bedCount: number | null;
  bedType: BedType;
  sexRule: SexRule;
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

/** A correction of the institution's facts: the superseded version is kept with `reason`. */
export async function updateInstitution(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  patch: Partial<InstitutionData>,
  reason: string,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    return w.update('elderlyInstitution', id, baseVersion, patch, { reason });
  });
}

export async function addBuilding(db: DeskDatabase, ctx: WriteContext, input: BuildingData) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    return w.create('elderlyBuilding', input);
  });
}

/** A correction of a building's name or floors (its institution is fixed). */
export async function updateBuilding(
  db: DeskDatabase,
  ctx: WriteContext,
  building: Pick<Building, 'id' | 'version'>,
  patch: Partial<Pick<BuildingData, 'name' | 'floors'>>,
  reason: string,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    return w.update('elderlyBuilding', building.id, building.version, patch, { reason });
  });
}

/** A correction of a room's floor or number (its building is fixed: its beds point there). */
export async function updateRoom(
  db: DeskDatabase,
  ctx: WriteContext,
  room: Pick<Room, 'id' | 'version'>,
  patch: Partial<Pick<RoomData, 'floor' | 'number'>>,
  reason: string,
) {
  return write(db, ctx, (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    return w.update('elderlyRoom', room.id, room.version, patch, { reason });
  });
}

/** A room with its beds in ONE transaction: a room is never saved half-furnished. */
export async function addRoomWithBeds(db: DeskDatabase, ctx: WriteContext, input: NewRoomInput) {
  return write(db, ctx, async (w) => {
    requireElderlyRole(ctx.actor.role, 'setup');
    const { beds, inServiceFrom, ...roomFields } = input;
    refuseIssues(bedCountIssues(beds.length));
    const room = await w.create('elderlyRoom', roomFields);
    const created = await createBeds(w, { ...roomFields, id: room.id }, beds, inServiceFrom);
    return { room, beds: created };
  });
}

/**
 * A room as the form adds it: `bedCount` beds of one type and sex rule, numbered 1..n.
 * A count out of range (-2, 20, 2.5) is refused next to the field and nothing is saved.
 */
export async function addRoom(
  db: DeskDatabase,
  ctx: WriteContext,
  input: Omit<NewRoomInput, 'beds'> & BedBatch,
) {
  const { bedCount, bedType, sexRule, ...room } = input;
  const countIssues = bedCountIssues(bedCount);
  if (countIssues.length > 0) {
    // Every error of the form at once: the room's own fields too, not only the count.
    const { inServiceFrom, ...fields } = room;
    const parsed = roomDataSchema.safeParse(fields);
    const dated = isoDateSchema.safeParse(inServiceFrom);
    refuseIssues([
      ...(parsed.success ? [] : fieldErrorsFromZod(parsed.error)),
      ...countIssues,
      ...(dated.success ? [] : [{ path: 'inServiceFrom', code: 'field.date' }]),
    ]);
  }
  const numbers = nextBedNumbers([], bedCount ?? 0);
  return addRoomWithBeds(db, ctx, {
    ...room,
    beds: numbers.map((number) => ({ number, bedType, sexRule })),
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
