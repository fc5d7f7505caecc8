import type { SchemaVersion } from '../schema';

/**
 * Schema version 21: every index the cases list pages by ends with the id —
 * `[applicantName+id]`, `[applicationDate+id]`, `[updatedAt+id]` — in place of v15's
 * `applicantName`, `applicationDate` and the first `updatedAt`, as v19 and v20 did for
 * persons and households (personOrderTables.ts, householdOrderTables.ts). The order is
 * the same (IndexedDB orders equal keys by the id), but every key is now unique, so the
 * page after any row is one range read past that row's key, with no walk through the
 * cases sharing its value: the applications of one day, or one `updatedAt` for every case
 * a roster import or a pull wrote at once.
 *
 * No upgrade function: IndexedDB fills a new index from the rows already stored (each
 * keeps these fields in the clear: they are index fields) and drops the old ones. Never
 * edited once shipped.
 */
export const caseOrderSchemaVersion: SchemaVersion = {
  version: 21,
  stores: {
    cases:
      'id, householdId, status, *coveredPersonIds, *searchTokens, decisionDue, [status+decisionDue], programme, [programme+status], reviewDue, [applicantName+id], [applicationDate+id], [updatedAt+id]',
  },
};
