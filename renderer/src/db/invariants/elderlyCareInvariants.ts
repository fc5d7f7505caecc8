import { AppError, type AppErrorCode, type FieldError } from '@shared/errors/appError';
import type { BedData, BuildingData, RoomData } from '@shared/domain/elderlyCare/institution';
import { placeCorrectionIssues } from '@shared/domain/elderlyCare/placeFixed';
import type { ResidentData } from '@shared/domain/elderlyCare/resident';
import {
  openStayStates,
  stayStart,
  staysOverlap,
  type StayData,
} from '@shared/domain/elderlyCare/stay';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../database';
import { elderlyTables } from '../repositories/elderlyCare/tables';

/**
 * Cross-record rules of 养老, run by checkInvariants inside the write transaction so a
 * check and the write it guards see the same data. The central one: a bed holds one
 * stay at a time and a resident has one stay at a time (stays never overlap), checked
 * on every day of the stay, so a back-dated admission cannot slip under a discharge.
 */
export type ElderlyCareKind =
  | 'elderlyInstitution'
  | 'elderlyBuilding'
  | 'elderlyRoom'
  | 'elderlyBed'
  | 'elderlyResident'
  | 'elderlyAssessment'
  | 'elderlyContract'
  | 'elderlyStay'
  | 'elderlyMovement'
  | 'elderlyHomeCareVisit'
  | 'elderlyCareSettings';

type Rec<T> = StoredRecord<T>;

export async function checkElderlyCareInvariants(
  db: DeskDatabase,
  kind: ElderlyCareKind,
  record: StoredRecord<unknown>,
): Promise<void> {
  const r = record as Rec<Record<string, unknown>>;
  switch (kind) {
    case 'elderlyInstitution':
      return uniqueInstitutionCode(db, r as Rec<{ code: string }>);
    case 'elderlyBuilding':
      return buildingFits(db, r as Rec<BuildingData>);
    case 'elderlyRoom':
      return roomFits(db, r as Rec<RoomData>);
    case 'elderlyBed':
      return bedFits(db, r as Rec<BedData>);
    case 'elderlyResident':
      return residentIsOnePerson(db, r as Rec<ResidentData>);
    case 'elderlyStay':
      return stayFits(db, r as Rec<StayData>);
    case 'elderlyHomeCareVisit':
      return mustExist(await db.persons.get(String(r.personId)), 'personId');
    case 'elderlyAssessment':
    case 'elderlyContract':
    case 'elderlyMovement':
      return mustExist(await elderlyTables(db).residents.get(String(r.residentId)), 'residentId');
    case 'elderlyCareSettings':
      return;
  }
}

function refuse(code: AppErrorCode, error: FieldError): never {
  throw new AppError({ code, message: `Elderly care rule: ${error.code}.`, fieldErrors: [error] });
}

/** Refuses a correction of what the record is fixed to since it was saved. */
function fixedSince(before: object | undefined, after: object, kind: string): void {
  if (!before) return;
  const [issue] = placeCorrectionIssues(
    kind,
    before as Record<string, unknown>,
    after as Record<string, unknown>,
  );
  if (issue) refuse('validation', issue);
}

function mustExist(found: { deleted: boolean } | undefined, path: string): void {
  if (!found || found.deleted) refuse('validation', { path, code: 'elderly.missing_reference' });
}

async function uniqueInstitutionCode(db: DeskDatabase, inst: Rec<{ code: string }>) {
  const same = await elderlyTables(db).institutions.where('code').equals(inst.code).toArray();
  if (same.some((o) => o.id !== inst.id && !o.deleted)) {
    refuse('duplicate', { path: 'code', code: 'elderly.duplicate_code' });
  }
}

async function buildingFits(db: DeskDatabase, b: Rec<BuildingData>) {
  const t = elderlyTables(db);
  mustExist(await t.institutions.get(b.institutionId), 'institutionId');
  fixedSince(await t.buildings.get(b.id), b, 'elderlyBuilding');
  const siblings = await t.buildings.where('institutionId').equals(b.institutionId).toArray();
  if (siblings.some((o) => o.id !== b.id && !o.deleted && o.name === b.name)) {
    refuse('duplicate', { path: 'name', code: 'elderly.duplicate_building' });
  }
  const rooms = await t.rooms.where('buildingId').equals(b.id).toArray();
  if (rooms.some((room) => !room.deleted && room.floor > b.floors)) {
    refuse('validation', { path: 'floors', code: 'elderly.rooms_above_floors' });
  }
}

async function roomFits(db: DeskDatabase, room: Rec<RoomData>) {
  const t = elderlyTables(db);
  const building = await t.buildings.get(room.buildingId);
  mustExist(building, 'buildingId');
  fixedSince(await t.rooms.get(room.id), room, 'elderlyRoom');
  if (building && building.institutionId !== room.institutionId) {
    refuse('validation', { path: 'buildingId', code: 'elderly.missing_reference' });
  }
  if (building && room.floor > building.floors) {
    refuse('validation', {
      path: 'floor',
      code: 'field.too_big',
      params: { maximum: building.floors },
    });
  }
  const siblings = await t.rooms.where('buildingId').equals(room.buildingId).toArray();
  if (siblings.some((o) => o.id !== room.id && !o.deleted && o.number === room.number)) {
    refuse('duplicate', {
      path: 'number',
      code: 'elderly.duplicate_room',
      params: { room: room.number },
    });
  }
}

async function bedFits(db: DeskDatabase, bed: Rec<BedData>) {
  const t = elderlyTables(db);
  const room = await t.rooms.get(bed.roomId);
  mustExist(room, 'roomId');
  if (room && (room.buildingId !== bed.buildingId || room.institutionId !== bed.institutionId)) {
    refuse('validation', { path: 'roomId', code: 'elderly.missing_reference' });
  }
  const before = await t.beds.get(bed.id);
  // Type, start of service and place are what past figures were counted from; retiring
  // is final. The same rule at HQ (shared/domain/elderlyCare/placeFixed.ts).
  fixedSince(before, bed, 'elderlyBed');
  if (before && before.sexRule !== bed.sexRule) await sexRuleFitsOccupant(db, bed);
  if (bed.retiredOn === null) {
    const inRoom = await t.beds.where('roomId').equals(bed.roomId).toArray();
    const twin = inRoom.find((o) => o.id !== bed.id && !o.deleted && o.retiredOn === null);
    if (twin && twin.number === bed.number) {
      refuse('duplicate', {
        path: 'number',
        code: 'elderly.duplicate_bed',
        params: { bed: bed.number },
      });
    }
  }
  if (!bed.maintenance && bed.retiredOn === null) return;
  const stays = (await t.stays.where('bedId').equals(bed.id).toArray()).filter((s) => !s.deleted);
  const blocking = stays.find((s) =>
    bed.retiredOn !== null
      ? s.state !== 'void' && (s.endedOn === null || s.endedOn > bed.retiredOn)
      : openStayStates.includes(s.state),
  );
  if (blocking) refuse('validation', { path: 'maintenance', code: 'elderly.bed_in_use' });
}

/** A bed's new sex rule must fit whoever holds it now (or has it reserved). */
async function sexRuleFitsOccupant(db: DeskDatabase, bed: Rec<BedData>) {
  if (bed.sexRule === 'any') return;
  const t = elderlyTables(db);
  const stays = (await t.stays.where('bedId').equals(bed.id).toArray()).filter(
    (s) => !s.deleted && openStayStates.includes(s.state),
  );
  for (const stay of stays) {
    const resident = await t.residents.get(stay.residentId);
    if (resident && resident.sex !== bed.sexRule) {
      refuse('validation', {
        path: 'sexRule',
        code: 'elderly.sex_rule_occupant',
        params: { name: resident.personName },
      });
    }
  }
}

async function residentIsOnePerson(db: DeskDatabase, resident: Rec<ResidentData>) {
  mustExist(await db.persons.get(resident.personId), 'personId');
  const same = await elderlyTables(db)
    .residents.where('personId')
    .equals(resident.personId)
    .toArray();
  if (same.some((o) => o.id !== resident.id && !o.deleted)) {
    refuse('duplicate', {
      path: 'personId',
      code: 'elderly.duplicate_resident',
      params: { name: resident.personName },
    });
  }
}

/** A stay needs a bed in service that fits the resident, and no other stay in its way. */
async function stayFits(db: DeskDatabase, stay: Rec<StayData>) {
  if (stay.state === 'void') return;
  const t = elderlyTables(db);
  // Every read at once, one wait instead of four: a pull replays hundreds of stays. The
  // bed's label is read only to word a refusal.
  const [bed, resident, onBed, own] = await Promise.all([
    t.beds.get(stay.bedId),
    t.residents.get(stay.residentId),
    t.stays.where('bedId').equals(stay.bedId).toArray(),
    t.stays.where('residentId').equals(stay.residentId).toArray(),
  ]);
  if (!bed || bed.deleted)
    return refuse('validation', { path: 'bedId', code: 'elderly.missing_reference' });
  if (!resident || resident.deleted) {
    return refuse('validation', { path: 'residentId', code: 'elderly.missing_reference' });
  }
  const label = () => bedLabel(db, bed);
  const start = stayStart(stay) ?? '';
  const retiredWithin =
    bed.retiredOn !== null && (stay.endedOn === null || bed.retiredOn < stay.endedOn);
  if (start < bed.inServiceFrom || retiredWithin) {
    refuse('validation', {
      path: 'bedId',
      code: 'elderly.bed_not_in_service',
      params: await label(),
    });
  }
  if (bed.maintenance && openStayStates.includes(stay.state)) {
    refuse('validation', {
      path: 'bedId',
      code: 'elderly.bed_in_maintenance',
      params: await label(),
    });
  }
  if (bed.sexRule !== 'any' && bed.sexRule !== resident.sex) {
    refuse('validation', {
      path: 'bedId',
      code: `elderly.bed_for_${bed.sexRule}`,
      params: await label(),
    });
  }
  const clash = onBed.find((o) => o.id !== stay.id && !o.deleted && staysOverlap(o, stay));
  if (clash) {
    const other = await t.residents.get(clash.residentId);
    refuse('duplicate', {
      path: 'bedId',
      code: 'elderly.bed_taken',
      params: { ...(await label()), name: other?.personName ?? '' },
    });
  }
  const elsewhere = own.find((o) => o.id !== stay.id && !o.deleted && staysOverlap(o, stay));
  if (elsewhere) {
    const otherBed = await t.beds.get(elsewhere.bedId);
    refuse('duplicate', {
      path: 'residentId',
      code: 'elderly.resident_elsewhere',
      params: { name: resident.personName, ...(otherBed ? await bedLabel(db, otherBed) : {}) },
    });
  }
}

async function bedLabel(db: DeskDatabase, bed: BedData) {
  const t = elderlyTables(db);
  const [building, room] = await Promise.all([
    t.buildings.get(bed.buildingId),
    t.rooms.get(bed.roomId),
  ]);
  return { building: building?.name ?? '', room: room?.number ?? '', bed: bed.number };
}
