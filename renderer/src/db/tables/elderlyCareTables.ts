import type { SchemaVersion } from '../schema';

/** Tables of the elderlyCare record kinds, by kind (merged into tableOfKind). */
export const elderlyCareTables = {
  elderlyInstitution: 'elderlyInstitutions',
  elderlyBuilding: 'elderlyBuildings',
  elderlyRoom: 'elderlyRooms',
  elderlyBed: 'elderlyBeds',
  elderlyResident: 'elderlyResidents',
  elderlyAssessment: 'elderlyAssessments',
  elderlyContract: 'elderlyContracts',
  elderlyStay: 'elderlyStays',
  elderlyMovement: 'elderlyMovements',
  elderlyHomeCareVisit: 'elderlyHomeCareVisits',
  elderlyCareSettings: 'elderlyCareSettings',
} as const;

/**
 * Schema version 4: the elderlyCare tables. Never edited once shipped. Every lookup
 * the screens and invariants make is an index: beds, rooms and stays by institution,
 * stays by bed and by resident (one active stay each), movements by resident and by
 * every bed they touch, residents by person and by name tokens, visits by person.
 */
export const elderlyCareSchemaVersion: SchemaVersion = {
  version: 4,
  stores: {
    elderlyInstitutions: 'id, code',
    elderlyBuildings: 'id, institutionId',
    elderlyRooms: 'id, institutionId, buildingId',
    elderlyBeds: 'id, institutionId, roomId',
    elderlyResidents: 'id, personId, *searchTokens, updatedAt',
    elderlyAssessments: 'id, residentId',
    elderlyContracts: 'id, residentId',
    elderlyStays: 'id, institutionId, bedId, residentId',
    elderlyMovements: 'id, residentId, institutionId, *bedIds, date',
    elderlyHomeCareVisits: 'id, personId, startAt',
    elderlyCareSettings: 'id',
  },
};
