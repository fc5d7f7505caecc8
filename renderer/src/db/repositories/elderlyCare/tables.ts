import type { Table } from 'dexie';
import type { ElderlyCareSettings } from '@shared/domain/elderlyCare/config';
import type { HomeCareVisitData } from '@shared/domain/elderlyCare/homeCare';
import type {
  BedData,
  BuildingData,
  InstitutionData,
  RoomData,
} from '@shared/domain/elderlyCare/institution';
import type { MovementData } from '@shared/domain/elderlyCare/movement';
import type {
  AssessmentData,
  ContractData,
  ResidentData,
} from '@shared/domain/elderlyCare/resident';
import type { StayData } from '@shared/domain/elderlyCare/stay';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../../database';
import { elderlyCareTables } from '../../tables/elderlyCareTables';

export type Institution = StoredRecord<InstitutionData>;
export type Building = StoredRecord<BuildingData>;
export type Room = StoredRecord<RoomData>;
export type Bed = StoredRecord<BedData>;
export type Resident = StoredRecord<ResidentData>;
export type Assessment = StoredRecord<AssessmentData>;
export type Contract = StoredRecord<ContractData>;
export type Stay = StoredRecord<StayData>;
export type Movement = StoredRecord<MovementData>;
export type HomeCareVisit = StoredRecord<HomeCareVisitData>;

/**
 * Typed handles on the 养老 tables (the database class declares only the core ones).
 * Reads only: every change goes through write(). Inside a write() callback these reads
 * join its transaction, so a check and the write it guards see the same data.
 */
export function elderlyTables(db: DeskDatabase) {
  const t = <T>(name: string) => db.table<StoredRecord<T>, string>(name);
  return {
    institutions: t<InstitutionData>(elderlyCareTables.elderlyInstitution),
    buildings: t<BuildingData>(elderlyCareTables.elderlyBuilding),
    rooms: t<RoomData>(elderlyCareTables.elderlyRoom),
    beds: t<BedData>(elderlyCareTables.elderlyBed),
    residents: t<ResidentData>(elderlyCareTables.elderlyResident),
    assessments: t<AssessmentData>(elderlyCareTables.elderlyAssessment),
    contracts: t<ContractData>(elderlyCareTables.elderlyContract),
    stays: t<StayData>(elderlyCareTables.elderlyStay),
    movements: t<MovementData>(elderlyCareTables.elderlyMovement),
    visits: t<HomeCareVisitData>(elderlyCareTables.elderlyHomeCareVisit),
    settings: t<ElderlyCareSettings>(elderlyCareTables.elderlyCareSettings),
  } satisfies Record<string, Table<StoredRecord<unknown>, string>>;
}

/** Records that are not tombstones. */
export const live = <T extends { deleted: boolean }>(rows: T[]): T[] =>
  rows.filter((r) => !r.deleted);
