import { AppError } from '@shared/errors/appError';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import type { HouseholdData } from '@shared/domain/household';
import type { LocalUserData } from '@shared/domain/localUser';
import type { PersonData } from '@shared/domain/person';
import type { StoredRecord } from '@shared/records/envelope';
import type { RecordKind } from '@shared/records/kinds';
import type { DeskDatabase } from './database';
import { checkCommunityInvariants } from './invariants/communityInvariants';
import { checkCaseInvariants } from './invariants/caseInvariants';
import { checkElderlyCareInvariants } from './invariants/elderlyCareInvariants';
import {
  householdMembersAreItsOwn,
  personLeavesOnlyWhenReleased,
} from './invariants/registryInvariants';

/**
 * Rules that span records, checked inside the write transaction so no concurrent
 * write can slip between the check and the write.
 */
export async function checkInvariants(
  db: DeskDatabase,
  kind: RecordKind,
  record: StoredRecord<unknown>,
): Promise<void> {
  if (record.deleted) return;
  switch (kind) {
    case 'person':
      await personLeavesOnlyWhenReleased(db, record as StoredRecord<PersonData>);
      return uniqueIdNumber(db, record as StoredRecord<PersonData>);
    case 'household':
      return householdMembersAreItsOwn(db, record as StoredRecord<HouseholdData>);
    case 'assistanceCase':
      return checkCaseInvariants(db, record as StoredRecord<AssistanceCaseData>);
    case 'localUser':
      return uniqueUsername(db, record as StoredRecord<LocalUserData>);
    case 'communityService':
    case 'volunteer':
    case 'volunteerActivity':
    case 'volunteerService':
    case 'volunteerCertificate':
      return checkCommunityInvariants(db, kind, record);
    case 'elderlyInstitution':
    case 'elderlyBuilding':
    case 'elderlyRoom':
    case 'elderlyBed':
    case 'elderlyResident':
    case 'elderlyAssessment':
    case 'elderlyContract':
    case 'elderlyStay':
    case 'elderlyMovement':
    case 'elderlyHomeCareVisit':
    case 'elderlyCareSettings':
      return checkElderlyCareInvariants(db, kind, record);
    default:
      return;
  }
}

async function uniqueIdNumber(db: DeskDatabase, person: StoredRecord<PersonData>): Promise<void> {
  const same = await db.persons.where('idNumber').equals(person.idNumber).toArray();
  const other = same.find((p) => p.id !== person.id && !p.deleted);
  if (other) {
    throw new AppError({
      code: 'duplicate',
      message: 'A person with this ID number is already registered.',
      fieldErrors: [
        { path: 'idNumber', code: 'person.duplicate_id', params: { name: other.name } },
      ],
      details: { existingId: other.id, existingName: other.name },
    });
  }
}

async function uniqueUsername(db: DeskDatabase, user: StoredRecord<LocalUserData>) {
  const existing = await db.users.where('username').equals(user.username).first();
  if (existing && existing.id !== user.id) {
    throw new AppError({
      code: 'duplicate',
      message: 'This username is taken.',
      fieldErrors: [{ path: 'username', code: 'user.username_taken' }],
    });
  }
}
