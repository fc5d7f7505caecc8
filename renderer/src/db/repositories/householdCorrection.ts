import { AppError } from '@shared/errors/appError';
import type { HouseholdData, Relation } from '@shared/domain/household';
import type { PersonData, PersonInput } from '@shared/domain/person';
import type { StoredRecord } from '@shared/records/envelope';
import { invalid } from '@shared/validation/fieldErrors';
import type { DeskDatabase } from '../database';
import { write, type Writer } from '../writePath';
import type { WriteContext } from '../writeContext';
import { getHouseholdWithMembers, type HouseholdWithMembers } from './households';
import { withMemberPath } from './memberPath';

/** One member of the corrected household: someone registered, or a new person. */
export type CorrectedMember =
  | { relation: Relation; personId: string }
  | { relation: Relation; person: Omit<PersonInput, 'householdId'> };

/** The household as it should be: its facts and the whole member list, head = 'self'. */
export interface HouseholdCorrection {
  hukouType: HouseholdData['hukouType'];
  villageName: string;
  address: string;
  members: CorrectedMember[];
}

/**
 * 更正 of a household, as one update with a reason in one transaction: facts, members
 * joining (a registered person in no other household, or a new person), members leaving
 * (they stay in the registry with no household), the head changed (headName follows)
 * and relations corrected. Persons joining are written first, then the household, then
 * persons leaving, so the rule "a person is in one household" (invariants.ts) holds at
 * every write. A failing member is named by its row ("members.2.idNumber").
 */
export async function correctHousehold(
  db: DeskDatabase,
  ctx: WriteContext,
  id: string,
  baseVersion: number,
  input: HouseholdCorrection,
  reason: string,
): Promise<HouseholdWithMembers> {
  if (!reason.trim()) {
    throw invalid('household', [{ path: 'reason', code: 'record.correction_reason_required' }]);
  }
  await write(db, ctx, async (w) => {
    const household = await w.get('household', id);
    if (!household || household.deleted) {
      throw new AppError({ code: 'not_found', message: `No household ${id}.` });
    }
    const why = { reason };
    const members: { person: StoredRecord<PersonData>; relation: Relation }[] = [];
    for (const [index, member] of input.members.entries()) {
      const person = await withMemberPath(index, () => joiningPerson(w, id, member, reason));
      members.push({ person, relation: member.relation });
    }
    const head = members.find((m) => m.relation === 'self')?.person;
    await w.update(
      'household',
      id,
      baseVersion,
      {
        hukouType: input.hukouType,
        villageName: input.villageName,
        address: input.address,
        members: members.map((m) => ({ personId: m.person.id, relation: m.relation })),
        headPersonId: head?.id ?? '',
        headName: head?.name ?? '',
      },
      why,
    );
    const staying = new Set(members.map((m) => m.person.id));
    for (const old of household.members) {
      if (staying.has(old.personId)) continue;
      const person = await w.get('person', old.personId);
      if (person && !person.deleted && person.householdId === id) {
        await w.update('person', person.id, person.version, { householdId: null }, why);
      }
    }
  });
  const saved = await getHouseholdWithMembers(db, id);
  if (!saved) throw new AppError({ code: 'not_found', message: `No household ${id}.` });
  return saved;
}

/** The member's person, made a member of this household if not one already. */
async function joiningPerson(
  w: Writer,
  householdId: string,
  member: CorrectedMember,
  reason: string,
): Promise<StoredRecord<PersonData>> {
  if ('person' in member) return w.create('person', { ...member.person, householdId });
  const person = await w.get('person', member.personId);
  if (!person || person.deleted) {
    throw invalid('household', [{ path: 'person', code: 'household.member_missing' }]);
  }
  if (person.householdId === householdId) return person;
  if (person.householdId) {
    throw invalid('household', [
      {
        path: 'person',
        code: 'household.person_in_other_household',
        params: { name: person.name },
      },
    ]);
  }
  return w.update('person', person.id, person.version, { householdId }, { reason });
}
