import {
  bedDataSchema,
  bedDomainIssues,
  buildingDataSchema,
  institutionDataSchema,
  roomDataSchema,
} from '../domain/elderlyCare/institution';
import { elderlyCareSettingsSchema } from '../domain/elderlyCare/config';
import {
  deriveVisit,
  homeCareVisitDataSchema,
  visitDomainIssues,
} from '../domain/elderlyCare/homeCare';
import {
  deriveMovement,
  movementDataSchema,
  movementDomainIssues,
} from '../domain/elderlyCare/movement';
import {
  assessmentDataSchema,
  assessmentDomainIssues,
  contractDataSchema,
  contractDomainIssues,
  residentDataSchema,
} from '../domain/elderlyCare/resident';
import { stayDataSchema } from '../domain/elderlyCare/stay';
import { nameSearchTokens } from '../search/searchTokens';
import { defineKind, derivesNothing, noDomainIssues } from './defineKind';

/**
 * Record kinds of 养老: institutions, buildings, rooms, beds, residents, assessments,
 * contracts, stays on beds, movements, home-care visits. Spread into kindDefinitions
 * (kinds.ts) so they go through the one write path and sync like every other kind.
 * - Movements and assessments are append-only: a mistake is reversed or re-assessed.
 * - Institutions, buildings, rooms, beds, residents, contracts and visits are corrected,
 *   never overwritten: every update names its reason and the superseded version is kept.
 * - Stays are the projection of movements, rewritten in each movement's transaction.
 * - Settings (the nursing-bed target) are one record, so the county sees who changed them.
 */
const plain = { scope: 'office', appendOnly: false, keepsRevisions: false } as const;
const corrected = { scope: 'office', appendOnly: false, keepsRevisions: true } as const;
const appendOnly = { scope: 'office', appendOnly: true, keepsRevisions: false } as const;
// Kinds using these name their schema (defineKind<typeof schema>): the generic
// derivesNothing would otherwise leave their data type unknown.
const simple = { derive: derivesNothing, domainIssues: noDomainIssues };

export const elderlyCareKinds = {
  elderlyInstitution: defineKind<typeof institutionDataSchema>({
    schema: institutionDataSchema,
    ...corrected,
    ...simple,
  }),
  elderlyBuilding: defineKind<typeof buildingDataSchema>({
    schema: buildingDataSchema,
    ...corrected,
    ...simple,
  }),
  elderlyRoom: defineKind<typeof roomDataSchema>({
    schema: roomDataSchema,
    ...corrected,
    ...simple,
  }),
  elderlyBed: defineKind({
    schema: bedDataSchema,
    ...corrected,
    derive: derivesNothing,
    domainIssues: bedDomainIssues,
  }),
  elderlyResident: defineKind({
    schema: residentDataSchema,
    ...corrected,
    derive: (r) => ({ ...r, searchTokens: nameSearchTokens(r.personName) }),
    domainIssues: noDomainIssues,
  }),
  elderlyAssessment: defineKind({
    schema: assessmentDataSchema,
    ...appendOnly,
    derive: derivesNothing,
    domainIssues: assessmentDomainIssues,
  }),
  elderlyContract: defineKind({
    schema: contractDataSchema,
    ...corrected,
    derive: derivesNothing,
    domainIssues: contractDomainIssues,
  }),
  // Stays are derived from movements on every desk (replayed after each pull), never
  // synced themselves: two desks' movements then meet in one replay, where a double
  // booking shows up instead of two stays merging field by field.
  elderlyStay: defineKind({ schema: stayDataSchema, ...plain, ...simple, scope: 'local' }),
  elderlyMovement: defineKind({
    schema: movementDataSchema,
    ...appendOnly,
    derive: deriveMovement,
    domainIssues: movementDomainIssues,
  }),
  elderlyHomeCareVisit: defineKind({
    schema: homeCareVisitDataSchema,
    ...corrected,
    derive: deriveVisit,
    domainIssues: visitDomainIssues,
  }),
  elderlyCareSettings: defineKind({
    schema: elderlyCareSettingsSchema,
    ...plain,
    ...simple,
    fixedId: true,
  }),
};
