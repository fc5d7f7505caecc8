import type { Transaction } from 'dexie';
import { idTailTokens } from '@shared/search/idTails';
import type { SchemaVersion } from '../schema';
import { modifyBare } from './bareUpgrade';

/**
 * Schema version 9: persons are found by the last 4 or 6 characters of their ID number
 * (`*idTails`, a multi-entry index of exact tail tokens: shared/search/idTails.ts). The
 * upgrade works the tails out for every person already stored. Never edited once shipped.
 */
export const idTailSchemaVersion: SchemaVersion = {
  version: 9,
  stores: { persons: 'id, idNumber, householdId, *searchTokens, updatedAt, *idTails' },
  upgrade: fillIdTails,
};

/** Below the at-rest middleware (bareUpgrade.ts): it runs before the data key is loaded. */
function fillIdTails(tx: Transaction): Promise<void> {
  return modifyBare(tx, 'persons', (p) => ({
    ...p,
    idTails: typeof p.idNumber === 'string' ? idTailTokens(p.idNumber) : [],
  }));
}
