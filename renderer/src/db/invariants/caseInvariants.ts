import { AppError } from '@shared/errors/appError';
import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import type { StoredRecord } from '@shared/records/envelope';
import { isOpenCase } from '@shared/programmes/caseEngine';
import {
  entersForce,
  excludedProgrammeClash,
  excludedProgrammeError,
  openCaseClash,
} from '@shared/programmes/caseChecks';
import type { DeskDatabase } from '../database';
import { householdCaseRules } from './householdCaseInvariants';

/** Rules of an assistance case that span records (checked inside the write transaction). */
export async function checkCaseInvariants(
  db: DeskDatabase,
  c: StoredRecord<AssistanceCaseData>,
): Promise<void> {
  await membersOfItsHousehold(db, c);
  await oneOpenCasePerPerson(db, c);
  await notInExcludedProgramme(db, c);
  await householdCaseRules(db, c);
}

/** The household exists and the applicant and every covered person are its members. */
async function membersOfItsHousehold(db: DeskDatabase, c: StoredRecord<AssistanceCaseData>) {
  const household = await db.households.get(c.householdId);
  if (!household || household.deleted) {
    throw new AppError({
      code: 'validation',
      message: 'The case names a household that is not registered.',
      fieldErrors: [{ path: 'householdId', code: 'case.household_missing' }],
    });
  }
  const members = new Set(household.members.map((m) => m.personId));
  const outsiders = [c.applicantPersonId, ...c.coveredPersonIds].filter((id) => !members.has(id));
  if (outsiders.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'The applicant and covered persons must be members of the household.',
      fieldErrors: [{ path: 'coveredPersonIds', code: 'case.not_household_member' }],
      details: { outsiders: outsiders.join(',') },
    });
  }
}

async function oneOpenCasePerPerson(db: DeskDatabase, c: StoredRecord<AssistanceCaseData>) {
  if (!isOpenCase(c)) return;
  const others = await db.cases
    .where('coveredPersonIds')
    .anyOf(c.coveredPersonIds)
    .distinct()
    .toArray();
  const clash = openCaseClash(
    c,
    others.filter((o) => !o.deleted),
  );
  if (!clash) return;
  const person = await db.persons.get(clash.personId);
  throw new AppError({
    code: 'duplicate',
    message: 'A covered person is already in an open case of this programme.',
    fieldErrors: [
      {
        path: 'coveredPersonIds',
        code: 'case.person_in_open_case',
        params: { name: person?.name ?? clash.personId },
      },
    ],
    details: { existingId: clash.caseId, personId: clash.personId },
  });
}

/**
 * 特困 ↔ 低保 (the modules' `excludes`): a case entering force (its approving step, or a
 * coverage change while in force) may not cover a person in force in an excluded
 * programme. Read before the record is put, so `before` is the case as it was.
 */
async function notInExcludedProgramme(db: DeskDatabase, c: StoredRecord<AssistanceCaseData>) {
  const before = await db.cases.get(c.id);
  if (!entersForce(before && !before.deleted ? before : null, c)) return;
  const others = await db.cases.where('coveredPersonIds').anyOf(c.coveredPersonIds).toArray();
  const clash = excludedProgrammeClash(
    c,
    others.filter((o) => !o.deleted),
  );
  if (!clash) return;
  const person = await db.persons.get(clash.personId);
  throw new AppError({
    code: 'validation',
    message: 'A covered person is in force in a programme this one excludes.',
    fieldErrors: [excludedProgrammeError(clash, person?.name ?? clash.personId)],
    details: { existingId: clash.caseId, personId: clash.personId },
  });
}
