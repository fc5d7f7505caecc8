import type { SchemaVersion } from '../schema';

/**
 * Schema version 20: every index the households list pages by ends with the id —
 * `[updatedAt+id]`, `[headName+id]`, `[villageName+id]` — in place of v15's `updatedAt`,
 * `headName` and `villageName`, as v19 did for persons (personOrderTables.ts). The order
 * is the same (IndexedDB orders equal keys by the id), but every key is now unique, so
 * the page after any row is one range read past that row's key, with no walk through
 * the households sharing its value: a village's thousands, or one `updatedAt` for every
 * household pulled or imported at once (the households table's sorted next page took
 * p95 149 ms at 66,592 households, docs/performance.md).
 *
 * No upgrade function: IndexedDB fills a new index from the rows already stored (each
 * keeps these fields in the clear: they are index fields) and drops the old ones. Never
 * edited once shipped.
 */
export const householdOrderSchemaVersion: SchemaVersion = {
  version: 20,
  stores: {
    households: 'id, headPersonId, *searchTokens, [updatedAt+id], [headName+id], [villageName+id]',
  },
};
