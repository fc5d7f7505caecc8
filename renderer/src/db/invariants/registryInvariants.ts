import { AppError } from '@shared/errors/appError';
import type { HouseholdData } from '@shared/domain/household';
import type { PersonData } from '@shared/domain/person';
import type { StoredRecord } from '@shared/records/envelope';
import type { DeskDatabase } from '../database';

/**
 * A person is in one household at a time. Every member a household lists is a
 * registered person whose householdId is this household (a person of another household
 * is refused); a person leaving a household may do so only once that household no
 * longer lists them. Checked in the write transaction, before the record is written.
 */
export async function householdMembersAreItsOwn(
  db: DeskDatabase,
  household: StoredRecord<HouseholdData>,
): Promise<void> {
  const ids = household.members.map((m) => m.personId);
  const found = await db.persons.bulkGet(ids);
  const missing = ids.filter((_, i) => !found[i] || found[i]?.deleted);
  if (missing.length > 0) {
    throw new AppError({
      code: 'validation',
      message: 'A household member is not a registered person.',
      fieldErrors: [{ path: 'members', code: 'household.member_missing' }],
      details: { missing: missing.join(',') },
    });
  }
  const elsewhere = found.find((p) => p && p.householdId !== household.id);
  if (elsewhere) {
    throw new AppError({
      code: 'validation',
      message: 'A household member belongs to another household.',
      fieldErrors: [
        {
          path: 'members',
          code: 'household.person_in_other_household',
          params: { name: elsewhere.name },
        },
      ],
      details: { personId: elsewhere.id },
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
  if (household && !household.deleted && household.members.some((m) => m.personId === person.id)) {
    throw new AppError({
      code: 'validation',
      message: 'The person is still a member of their household.',
      fieldErrors: [
        {
          path: 'householdId',
          code: 'household.person_in_other_household',
          params: { name: household.headName },
        },
      ],
    });
  }
}
