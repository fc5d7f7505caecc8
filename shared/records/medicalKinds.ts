import { medicalCoverageDataSchema, medicalCoverageIssues } from '../medical/coverageRecord';
import { defineKind, derivesNothing } from './defineKind';

/**
 * 医疗救助's one stored kind: a hand-entered coverage record (shared/medical). Derived
 * coverage (特困, 低保, 低保边缘) is computed from the cases and never stored. A hand
 * record is corrected, never overwritten: every change names its reason and keeps the
 * superseded version. Its checks against the person's other coverage run at the write
 * path and again at HQ (hq/src/sync/authority/medicalAuthority.ts).
 */
export const medicalKinds = {
  medicalCoverage: defineKind({
    schema: medicalCoverageDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: true,
    derive: derivesNothing,
    domainIssues: medicalCoverageIssues,
  }),
};
