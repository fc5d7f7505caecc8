import { AppError } from '@shared/errors/appError';
import type { CertificateData } from '@shared/domain/community/certificate';
import type { ServiceRecordData } from '@shared/domain/community/serviceRecord';
import type { VolunteerData } from '@shared/domain/community/volunteer';
import type { VolunteerServiceData } from '@shared/domain/community/volunteerService';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../database';
import { activitiesTable, certificatesTable, volunteersTable } from '../tables/communityTables';

/**
 * Cross-record rules of 社区服务 and 志愿服务, run by checkInvariants inside the write
 * transaction. A volunteer is always a registered person, once; whoever a record names
 * (served persons, volunteers, the activity) must exist when it is written.
 */
export type CommunityKind =
  | 'communityService'
  | 'volunteer'
  | 'volunteerActivity'
  | 'volunteerService'
  | 'volunteerCertificate';

export async function checkCommunityInvariants(
  db: DeskDatabase,
  kind: CommunityKind,
  record: StoredRecord<unknown>,
): Promise<void> {
  switch (kind) {
    case 'volunteer':
      return volunteerIsOnePerson(db, record as StoredRecord<VolunteerData>);
    case 'communityService':
      return serviceNamesExist(db, record as StoredRecord<ServiceRecordData>);
    case 'volunteerService':
      return volunteerServiceRefsExist(db, record as StoredRecord<VolunteerServiceData>);
    case 'volunteerCertificate':
      return certificateNumberUnused(db, record as StoredRecord<CertificateData>);
    case 'volunteerActivity':
      return;
  }
}

async function volunteerIsOnePerson(db: DeskDatabase, v: StoredRecord<VolunteerData>) {
  const person = await db.persons.get(v.personId);
  if (!person || person.deleted) {
    throw refused('validation', 'personId', 'community.person_missing');
  }
  const samePerson = await volunteersTable(db).where('personId').equals(v.personId).toArray();
  const other = samePerson.find((o) => o.id !== v.id && !o.deleted);
  if (other) {
    throw refused('duplicate', 'personId', 'community.already_volunteer', other.id, {
      name: other.name,
    });
  }
  const sameNumber = await volunteersTable(db)
    .where('volunteerNumber')
    .equals(v.volunteerNumber)
    .toArray();
  const holder = sameNumber.find((o) => o.id !== v.id && !o.deleted);
  if (holder) {
    throw refused('duplicate', 'volunteerNumber', 'community.volunteer_number_taken', holder.id, {
      name: holder.name,
    });
  }
}

async function serviceNamesExist(db: DeskDatabase, s: StoredRecord<ServiceRecordData>) {
  const persons = await db.persons.bulkGet(s.servedPersonIds);
  if (persons.some((p) => !p || p.deleted)) {
    throw refused('validation', 'served', 'community.person_missing');
  }
  const volunteers = await volunteersTable(db).bulkGet(s.volunteerIds);
  if (volunteers.some((v) => !v || v.deleted)) {
    throw refused('validation', 'volunteers', 'community.volunteer_missing');
  }
}

async function volunteerServiceRefsExist(db: DeskDatabase, s: StoredRecord<VolunteerServiceData>) {
  const volunteer = await volunteersTable(db).get(s.volunteerId);
  if (!volunteer || volunteer.deleted) {
    throw refused('validation', 'volunteerId', 'community.volunteer_missing');
  }
  if (s.activityId) {
    const activity = await activitiesTable(db).get(s.activityId);
    if (!activity || activity.deleted) {
      throw refused('validation', 'activityId', 'community.activity_missing');
    }
  }
}

async function certificateNumberUnused(db: DeskDatabase, c: StoredRecord<CertificateData>) {
  const same = await certificatesTable(db)
    .where('certificateNumber')
    .equals(c.certificateNumber)
    .toArray();
  if (same.some((o) => o.id !== c.id)) {
    throw refused('duplicate', 'certificateNumber', 'community.certificate_number_taken');
  }
}

function refused(
  code: 'validation' | 'duplicate',
  path: string,
  fieldCode: string,
  existingId?: string,
  params?: Record<string, string>,
): AppError {
  return new AppError({
    code,
    message: `Community record refused: ${fieldCode}.`,
    fieldErrors: [{ path, code: fieldCode, ...(params ? { params } : {}) }],
    ...(existingId ? { details: { existingId } } : {}),
  });
}
