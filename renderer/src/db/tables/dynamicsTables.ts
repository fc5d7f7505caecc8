import type { BenefitRecomputationData } from '@shared/dynamics/recomputation';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../database';
import type { SchemaVersion } from '../schema';

/** Tables of the 动态管理 record kinds, by kind (merged into tableOfKind). */
export const dynamicsTables = {
  benefitRecomputation: 'benefitRecomputations',
} as const;

/**
 * Schema version 14: 动态管理's recomputations under a new standard, found by programme
 * and month. Never edited once shipped. (12 and 13 are payment rolls and 医疗救助.)
 */
export const dynamicsSchemaVersion: SchemaVersion = {
  version: 14,
  stores: {
    benefitRecomputations: 'id, [programme+month], status, updatedAt',
  },
};

export const recomputationsTable = (db: DeskDatabase) =>
  db.table<StoredRecord<BenefitRecomputationData>, string>(dynamicsTables.benefitRecomputation);
