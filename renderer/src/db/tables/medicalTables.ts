import type { MedicalCoverageData } from '@shared/medical/coverageRecord';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../database';
import type { SchemaVersion } from '../schema';

/** Tables of the 医疗救助 record kinds, by kind (merged into tableOfKind). */
export const medicalTables = {
  medicalCoverage: 'medicalCoverages',
} as const;

/**
 * Schema version 13: hand-entered 医疗救助 coverage records, found by person. Derived
 * coverage is computed from the cases and has no store. Never edited once shipped.
 */
export const medicalSchemaVersion: SchemaVersion = {
  version: 13,
  stores: {
    medicalCoverages: 'id, personId, category, updatedAt',
  },
};

export const medicalCoveragesTable = (db: DeskDatabase) =>
  db.table<StoredRecord<MedicalCoverageData>, string>(medicalTables.medicalCoverage);
