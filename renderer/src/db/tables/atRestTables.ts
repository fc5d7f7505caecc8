import type { SchemaVersion } from '../schema';

/**
 * Schema version 16: persons are found by an ID-number prefix through keyed tokens of
 * its first 4, 6, 10, 12, 14 and 16 characters (`*idPrefixes`; shared/atRest/idTokens.ts),
 * since the ID number itself is sealed (renderer/src/db/atRest/). The tokens are written
 * as each row is sealed, so no upgrade function: a plain row from before has none until
 * sealInPlace seals it, which happens as the store first opens with its key.
 * Never edited once shipped.
 */
export const atRestSchemaVersion: SchemaVersion = {
  version: 16,
  stores: {
    persons:
      'id, idNumber, householdId, *searchTokens, updatedAt, *idTails, name, birthDate, *idPrefixes',
  },
};
