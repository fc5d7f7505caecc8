import type { SchemaVersion } from '../schema';

/**
 * Schema version 11: the programme engine (issue #13). Cases of every programme share
 * the `cases` store, found per programme and status and by their next review; the
 * programmes' numbers with effective dates (`programmeRule`, published by HQ) get a
 * store of their own. A case stored before has no programme facts or step dates: its
 * schema defaults them (null, {}), so nothing is rewritten. Never edited once shipped.
 */
export const programmeSchemaVersion: SchemaVersion = {
  version: 11,
  stores: {
    programmeRules: 'id, key',
    cases:
      'id, householdId, status, *coveredPersonIds, *searchTokens, updatedAt, decisionDue, [status+decisionDue], programme, [programme+status], reviewDue',
  },
};
