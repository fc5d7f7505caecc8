import type { SchemaVersion } from '../schema';

/**
 * Schema version 22: the indexes the filtered lists page through end with the id, as
 * v19–v21 did for the sorted ones (personOrderTables.ts, householdOrderTables.ts,
 * caseOrderTables.ts):
 * - cases by programme and/or status: `[programme+status+id]` in place of v8's
 *   `[programme+status]`, and `[programme+id]`, `[status+id]` beside `programme` and
 *   `status` (which other reads look up by equality);
 * - the service ledger by period: `[startAt+id]` beside `startAt`, and
 *   `[type+startAt+id]` in place of v15's `[type+startAt]`;
 * - the volunteer ledger's orders: `[volunteerNumber+id]` beside `volunteerNumber` (the
 *   write path looks a number up by it), `[updatedAt+id]` in place of `updatedAt`.
 * With these, no list pages next to a row through a key other rows share, and the walk
 * through such ties (v19's `tiedIds.ts`) is gone.
 * The order is the same as before (IndexedDB orders equal keys by the id), but the page
 * after any row is one range read past that row's key, where it was reached by offset:
 * thousands of cases of one programme and status, a year of services, stepped over by
 * a cursor for a deep page.
 *
 * No upgrade function: IndexedDB fills a new index from the rows already stored (each
 * keeps these fields in the clear: they are index fields) and drops the old ones. Never
 * edited once shipped.
 */
export const filterOrderSchemaVersion: SchemaVersion = {
  version: 22,
  stores: {
    cases:
      'id, householdId, status, *coveredPersonIds, *searchTokens, decisionDue, [status+decisionDue], programme, [programme+status+id], [programme+id], [status+id], reviewDue, [applicantName+id], [applicationDate+id], [updatedAt+id]',
    communityServices:
      'id, startAt, type, *servedPersonIds, *volunteerIds, updatedAt, [startAt+id], [type+startAt+id]',
    volunteers:
      'id, personId, volunteerNumber, *searchTokens, [volunteerNumber+id], [updatedAt+id]',
  },
};
