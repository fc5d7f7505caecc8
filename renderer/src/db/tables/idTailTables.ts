import type { Transaction } from 'dexie';
import { idTailTokens } from '@shared/search/idTails';
import type { SchemaVersion } from '../schema';

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

async function fillIdTails(tx: Transaction): Promise<void> {
  await tx
    .table('persons')
    .toCollection()
    .modify((p: { idNumber?: unknown; idTails?: string[] }) => {
      p.idTails = typeof p.idNumber === 'string' ? idTailTokens(p.idNumber) : [];
    });
}
