import type { SchemaVersion } from '../schema';

/**
 * Schema version 15: the indexes the lists' tables sort by (docs/architecture.md,
 * "Tables"). A list sorts a column only when an index holds it, so a page is read by
 * walking the index (renderer/src/db/repositories/grid/), never by sorting a table in
 * memory. Persons by name and birth date (ID number and updatedAt were indexed already);
 * households by head's name and village; cases by applicant name and application date; community services by type within
 * their start time (the ledger's type filter, paged by the index); care-home residents
 * by name.
 * IndexedDB fills a new index from the stored records itself: no upgrade function.
 * Never edited once shipped.
 */
export const gridSchemaVersion: SchemaVersion = {
  version: 15,
  stores: {
    persons: 'id, idNumber, householdId, *searchTokens, updatedAt, *idTails, name, birthDate',
    households: 'id, headPersonId, *searchTokens, updatedAt, headName, villageName',
    cases:
      'id, householdId, status, *coveredPersonIds, *searchTokens, updatedAt, decisionDue, [status+decisionDue], programme, [programme+status], reviewDue, applicantName, applicationDate',
    communityServices:
      'id, startAt, type, *servedPersonIds, *volunteerIds, updatedAt, [type+startAt]',
    elderlyResidents: 'id, personId, *searchTokens, updatedAt, personName',
  },
};
