import { AppError } from '@shared/errors/appError';
import {
  householdMembershipIssues,
  leavingHouseholdIssues,
  type HouseholdData,
} from '@shared/domain/household';
import type { PersonData } from '@shared/domain/person';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../database';

/**
 * A person is in one household at a time (shared/domain/household.ts; HQ checks the
 * same rules with its records): checked in the write transaction, before the record is
 * written, so the person's and the household's writes must come in the rule's order.
 */
export async function householdMembersAreItsOwn(
  db: DeskDatabase,
  household: StoredRecord<HouseholdData>,
): Promise<void> {
  const ids = household.members.map((m) => m.personId);
  const found = await db.persons.bulkGet(ids);
  const members = ids.map((personId, i) => {
    const p = found[i];
    const live = p && !p.deleted ? p : undefined;
    return { personId, householdId: live ? live.householdId : undefined, name: live?.name ?? '' };
  });
  const issues = householdMembershipIssues(household.id, members);
  if (issues.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'A household lists someone who is not its own member.',
      fieldErrors: issues,
    });
  }
}

export async function personLeavesOnlyWhenReleased(
  db: DeskDatabase,
  person: StoredRecord<PersonData>,
): Promise<void> {
  const before = await db.persons.get(person.id);
  const left = before?.householdId;
  if (!left || left === person.householdId) return;
  const household = await db.households.get(left);
  const issues = leavingHouseholdIssues(
    person.id,
    household && !household.deleted ? household : null,
  );
  if (issues.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'The person is still a member of their household.',
      fieldErrors: issues,
    });
  }
}
