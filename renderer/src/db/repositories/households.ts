import { AppError } from '@shared/errors/appError';
import type { HouseholdData, Relation } from '@shared/domain/household';
import type { PersonData, PersonInput } from '@shared/domain/person';
import type { StoredRecord } from '@shared/records/envelope';
import { newRecordId } from '@shared/records/ids';
import { classifyQuery } from '@shared/search/searchTokens';
import type { DeskDatabase } from '../database';
import { write } from '../writePath';
import type { WriteContext } from '../writeContext';
import { withMemberPath } from './memberPath';
import { personsOfHousehold, searchPersons, type Person } from './persons';

export type Household = StoredRecord<HouseholdData>;

/** The reason in a registered person's history when a new household takes them in. */
const joinedOnRegistration = '登记家庭时加入';

export type NewMemberInput =
  | { relation: Relation; person: Omit<PersonInput, 'householdId'> }
  | { relation: Relation; existingPersonId: string };

export interface NewHouseholdInput {
  areaCode: string;
  hukouType: HouseholdData['hukouType'];
  villageName: string;
  address: string;
  /** Exactly one member has relation 'self': the head of household. */
  members: NewMemberInput[];
}

export interface HouseholdWithMembers {
  household: Household;
  members: { person: Person; relation: Relation }[];
}

/**
 * Registers a household with its members in ONE transaction: either the household and
 * every member are saved (each with its queue entry) or nothing is. A failing member
 * (bad ID, duplicate) is reported with its index, e.g. path "members.2.idNumber".
 */
export async function registerHousehold(
  db: DeskDatabase,
  ctx: WriteContext,
  input: NewHouseholdInput,
): Promise<HouseholdWithMembers> {
  const householdId = newRecordId();
  return write(db, ctx, async (w) => {
    const members: HouseholdWithMembers['members'] = [];
    for (const [index, member] of input.members.entries()) {
      const person = await withMemberPath(index, async () => {
        if ('existingPersonId' in member) {
          const existing = await w.get('person', member.existingPersonId);
          if (!existing || existing.deleted) {
            throw new AppError({ code: 'not_found', message: 'No such person.' });
          }
          if (existing.householdId && existing.householdId !== householdId) {
            throw new AppError({
              code: 'validation',
              message: 'The person belongs to another household.',
              fieldErrors: [{ path: 'person', code: 'household.person_in_other_household' }],
            });
          }
          // A person keeps revisions: joining is a change of theirs with its reason.
          return w.update(
            'person',
            existing.id,
            existing.version,
            { householdId },
            { reason: joinedOnRegistration },
          );
        }
        return w.create('person', { ...member.person, householdId } as PersonData);
      });
      members.push({ person, relation: member.relation });
    }
    const head = members.find((m) => m.relation === 'self')?.person;
    const household = await w.create(
      'household',
      {
        headPersonId: head?.id ?? '',
        headName: head?.name ?? '',
        members: members.map((m) => ({ personId: m.person.id, relation: m.relation })),
        areaCode: input.areaCode,
        hukouType: input.hukouType,
        villageName: input.villageName,
        address: input.address,
      },
      householdId,
    );
    return { household, members };
  });
}

export async function getHouseholdWithMembers(
  db: DeskDatabase,
  id: string,
): Promise<HouseholdWithMembers | undefined> {
  const household = await db.households.get(id);
  if (!household || household.deleted) return undefined;
  const people = new Map((await personsOfHousehold(db, id)).map((p) => [p.id, p]));
  const members = household.members.flatMap((m) => {
    const person = people.get(m.personId);
    return person ? [{ person, relation: m.relation }] : [];
  });
  return { household, members };
}

/**
 * By the head's name or pinyin (indexed), or by a member's ID number (prefix, or its
 * last 4 or 6 characters: the households of the persons searchPersons finds, in order).
 */
export async function searchHouseholds(db: DeskDatabase, query: string, limit = 50) {
  const q = classifyQuery(query);
  if (!q.value) return [];
  if (q.kind === 'id') {
    const people = await searchPersons(db, q.value, limit);
    const ids = [...new Set(people.flatMap((p) => (p.householdId ? [p.householdId] : [])))];
    const found = await db.households.bulkGet(ids);
    return found.filter((h): h is Household => h !== undefined && !h.deleted);
  }
  return db.households
    .where('searchTokens')
    .startsWith(q.value.toLowerCase())
    .distinct()
    .filter((h) => !h.deleted)
    .limit(limit)
    .toArray();
}
