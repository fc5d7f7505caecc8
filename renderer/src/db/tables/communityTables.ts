import type { ActivityData } from '@shared/domain/community/activity';
import type { CertificateData } from '@shared/domain/community/certificate';
import type { ServiceRecordData } from '@shared/domain/community/serviceRecord';
import type { VolunteerData } from '@shared/domain/community/volunteer';
import type { VolunteerServiceData } from '@shared/domain/community/volunteerService';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../database';
import type { SchemaVersion } from '../schema';

/** Tables of the community record kinds, by kind (merged into tableOfKind). */
export const communityTables = {
  communityService: 'communityServices',
  volunteer: 'volunteers',
  volunteerActivity: 'volunteerActivities',
  volunteerService: 'volunteerServices',
  volunteerCertificate: 'volunteerCertificates',
} as const;

/**
 * Schema version 5: the community tables. Never edited once shipped. No unique (&)
 * indexes: tombstoned records keep their keys, so uniqueness (one volunteer per person,
 * one volunteer number) is an invariant of the write path with a readable message.
 */
export const communitySchemaVersion: SchemaVersion = {
  version: 5,
  stores: {
    communityServices: 'id, startAt, type, *servedPersonIds, *volunteerIds, updatedAt',
    volunteers: 'id, personId, volunteerNumber, *searchTokens, updatedAt',
    volunteerActivities: 'id, date, updatedAt',
    volunteerServices: 'id, volunteerId, activityId, startAt, updatedAt',
    volunteerCertificates: 'id, volunteerId, certificateNumber, issuedOn',
  },
};

/*
 * Typed access to the tables above. DeskDatabase declares only the core tables, so the
 * community code reads its own through these instead of casting at every call.
 */
export const serviceRecordsTable = (db: DeskDatabase) =>
  db.table<StoredRecord<ServiceRecordData>, string>(communityTables.communityService);
export const volunteersTable = (db: DeskDatabase) =>
  db.table<StoredRecord<VolunteerData>, string>(communityTables.volunteer);
export const activitiesTable = (db: DeskDatabase) =>
  db.table<StoredRecord<ActivityData>, string>(communityTables.volunteerActivity);
export const volunteerServicesTable = (db: DeskDatabase) =>
  db.table<StoredRecord<VolunteerServiceData>, string>(communityTables.volunteerService);
export const certificatesTable = (db: DeskDatabase) =>
  db.table<StoredRecord<CertificateData>, string>(communityTables.volunteerCertificate);
