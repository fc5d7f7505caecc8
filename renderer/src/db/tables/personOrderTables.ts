import type { SchemaVersion } from '../schema';

/**
 * Schema version 19: every index the persons list pages by ends with the id —
 * `[name+id]`, `[birthDate+id]`, `[updatedAt+id]` and the surname's
 * `[nameHead+birthDate+id]`, `[nameHead+updatedAt+id]` — in place of the same indexes
 * without it (v15's `name`, `birthDate`, the first `updatedAt`, v17's surname indexes).
 * The order is the same (IndexedDB orders equal keys by the id), but every key is now
 * unique, so the page after any row is one range read past that row's key, with no walk
 * through the persons sharing its value: a full name shared by dozens (张伟), a birth
 * date, or one `updatedAt` for everyone pulled or imported at once — whose ids, within
 * a surname, are spread among everyone else's, so that walk stepped one entry per
 * request (docs/performance.md, "Persons table").
 *
 * No upgrade function: IndexedDB fills a new index from the rows already stored (each
 * has its id, and `nameHead` since v17) and drops the old ones. Never edited once shipped.
 */
export const personOrderSchemaVersion: SchemaVersion = {
  version: 19,
  stores: {
    persons:
      'id, idNumber, householdId, *searchTokens, *idTails, [idPrefix4+idPrefix6+idBorn], [name+id], [birthDate+id], [updatedAt+id], [nameHead+birthDate+id], [nameHead+updatedAt+id]',
  },
};
