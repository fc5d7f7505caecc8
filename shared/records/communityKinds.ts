import { activityDataSchema } from '../domain/community/activity';
import { certificateDataSchema, certificateIssues } from '../domain/community/certificate';
import {
  deriveServiceRecord,
  serviceRecordDataSchema,
  serviceRecordIssues,
} from '../domain/community/serviceRecord';
import { volunteerDataSchema, volunteerIssues } from '../domain/community/volunteer';
import {
  deriveVolunteerService,
  volunteerServiceDataSchema,
  volunteerServiceIssues,
} from '../domain/community/volunteerService';
import { nameSearchTokens } from '../search/searchTokens';
import { defineKind, derivesNothing, noDomainIssues } from './defineKind';

/**
 * Record kinds of 社区服务 and 志愿服务: service records, volunteers, activities, hours. Spread into kindDefinitions (kinds.ts) so they go through
 * the one write path and sync like every other kind.
 *
 * Volunteer records must be true, complete and never overwritten (national measures on
 * volunteer service records), so every kind here keeps revisions: a change is a
 * correction with a reason and the superseded version stays readable. Certificates
 * are what was handed out: append-only, never edited.
 */
export const communityKinds = {
  communityService: defineKind({
    schema: serviceRecordDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: true,
    derive: deriveServiceRecord,
    domainIssues: serviceRecordIssues,
  }),
  volunteer: defineKind({
    schema: volunteerDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: true,
    // One spelling of the number, so the uniqueness check and search see the same key.
    derive: (v) => ({
      ...v,
      volunteerNumber: v.volunteerNumber.toUpperCase(),
      searchTokens: nameSearchTokens(v.name),
    }),
    domainIssues: volunteerIssues,
  }),
  volunteerActivity: defineKind({
    schema: activityDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: true,
    derive: derivesNothing,
    domainIssues: noDomainIssues,
  }),
  volunteerService: defineKind({
    schema: volunteerServiceDataSchema,
    scope: 'office',
    appendOnly: false,
    keepsRevisions: true,
    derive: deriveVolunteerService,
    domainIssues: volunteerServiceIssues,
  }),
  volunteerCertificate: defineKind({
    schema: certificateDataSchema,
    scope: 'office',
    appendOnly: true,
    keepsRevisions: false,
    derive: derivesNothing,
    domainIssues: certificateIssues,
  }),
};
