import type { SchemaVersion } from '../schema';

/**
 * Schema version 18: one compound index serves every ID-number prefix,
 * `[idPrefix4+idPrefix6+idBorn]` (the tokens of the first 4 and 6 characters and a
 * resident number's birth digits; shared/atRest/idTokens.ts), in place of v16's five
 * prefix tokens per person in `*idPrefixes`. Each index entry is written with every
 * person, and they were most of what sealing cost a pull (docs/performance.md,
 * "Encryption at rest: what it costs"); a prefix that stops inside the birth date is now
 * one exact range instead of a county's persons opened one by one.
 *
 * No upgrade function: the parts are made as a row is sealed, which needs the data key,
 * and an upgrade runs before it is loaded. The persons already stored are sealed again
 * at the next open with the key (storeKeys.ts, `idPrefixIndexVersion`); until then an ID
 * search finds them by their last 4 or 6 characters only. Never edited once shipped.
 */
export const idPrefixSchemaVersion: SchemaVersion = {
  version: 18,
  stores: {
    persons:
      'id, idNumber, householdId, *searchTokens, updatedAt, *idTails, name, birthDate, [idPrefix4+idPrefix6+idBorn], [nameHead+birthDate], [nameHead+updatedAt]',
  },
};
