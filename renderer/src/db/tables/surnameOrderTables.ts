import type { SchemaVersion } from '../schema';

/**
 * Schema version 19: the surname indexes end with the id, `[nameHead+birthDate+id]` and
 * `[nameHead+updatedAt+id]` (in place of v17's two without it). Each entry's key is then
 * unique, so the page after any row of a surname is one range read past that row's key:
 * no walk through the persons sharing its birth date or last change. A desk whose
 * persons were all pulled or imported at one time shares one `updatedAt`, and a
 * surname's ids are spread among everyone else's, so that walk stepped one entry per
 * request (docs/performance.md, "Persons table": a surname's page N at 200,000 persons,
 * p95 40 ms).
 *
 * No upgrade function: IndexedDB fills a new index from the rows already stored (each
 * has `nameHead` since v17, and the id), and drops the old ones. Never edited once shipped.
 */
export const surnameOrderSchemaVersion: SchemaVersion = {
  version: 19,
  stores: {
    persons:
      'id, idNumber, householdId, *searchTokens, updatedAt, *idTails, name, birthDate, [idPrefix4+idPrefix6+idBorn], [nameHead+birthDate+id], [nameHead+updatedAt+id]',
  },
};
