import { describe, expect, it } from 'vitest';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import {
  correctHousehold,
  type HouseholdCorrection,
} from '../../../renderer/src/db/repositories/householdCorrection';
import {
  registerHousehold,
  type HouseholdWithMembers,
} from '../../../renderer/src/db/repositories/households';
import { write } from '../../../renderer/src/db/writePath';
import {
  openTestDesk,
  personInput,
  residentId,
  threeMemberHousehold,
} from '../../fakes/deskFixtures';

/** The household as its correction form starts: facts and members as they are. */
function asIs(h: HouseholdWithMembers): HouseholdCorrection {
  return {
    hukouType: h.household.hukouType,
    villageName: h.household.villageName,
    address: h.household.address,
    members: h.members.map((m) => ({ personId: m.person.id, relation: m.relation })),
  };
}

const loner = (name: string, sequence: string) =>
  personInput({
    name,
    idNumber: residentId('330102', '1970-01-01', sequence),
    birthDate: '1970-01-01',
  });

describe('household correction (更正)', () => {
  it('corrects the address with a reason, kept in the history', async () => {
    const { db, ctx } = await openTestDesk();
    const h = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    await correctHousehold(
      db,
      ctx,
      h.household.id,
      h.household.version,
      { ...asIs(h), address: '东村5组', villageName: '西村', hukouType: 'urban' },
      '门牌号登记错误',
    );
    const history = await recordHistory(db, 'household', h.household.id);
    expect(history.map((v) => v.reason)).toEqual([null, '门牌号登记错误']);
    expect(history[1]?.changes.map((c) => c.field).sort()).toEqual([
      'address',
      'hukouType',
      'villageName',
    ]);
  });

  it('writes nothing without a reason', async () => {
    const { db, ctx } = await openTestDesk();
    const h = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    const queued = await db.queue.count();
    await expect(
      correctHousehold(db, ctx, h.household.id, 1, { ...asIs(h), address: 'x' }, ' '),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'reason' }] });
    expect(await db.queue.count()).toBe(queued);
  });

  it('lets a member leave (kept in the registry) and others join, new or registered', async () => {
    const { db, ctx } = await openTestDesk();
    const h = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    const child = h.members[2]?.person;
    // A registered person with no household (e.g. from elderly care) joins.
    const single = await write(db, ctx, (w) =>
      w.create('person', { ...loner('赵四', '017'), householdId: null }),
    );
    const corrected = await correctHousehold(
      db,
      ctx,
      h.household.id,
      h.household.version,
      {
        ...asIs(h),
        members: [
          ...asIs(h).members.slice(0, 2),
          { personId: single.id, relation: 'parent' },
          { person: loner('张小红', '028'), relation: 'child' },
        ],
      },
      '子女分户，父亲随住',
    );
    expect(corrected.members.map((m) => [m.person.name, m.relation])).toEqual([
      ['张三丰', 'self'],
      ['李秀英', 'spouse'],
      ['赵四', 'parent'],
      ['张小红', 'child'],
    ]);
    const left = await db.persons.get(child?.id ?? '');
    expect(left).toMatchObject({ name: '张小明', householdId: null, deleted: false });
    expect((await db.persons.get(single.id))?.householdId).toBe(h.household.id);
    const leftHistory = await recordHistory(db, 'person', child?.id ?? '');
    expect(leftHistory.at(-1)?.reason).toBe('子女分户，父亲随住');
  });

  it('refuses a person of another household, naming the row, and writes nothing', async () => {
    const { db, ctx } = await openTestDesk();
    const h = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    const other = await registerHousehold(db, ctx, {
      ...threeMemberHousehold('rural'),
      members: [{ relation: 'self', person: loner('钱五', '019') }],
    });
    const queued = await db.queue.count();
    await expect(
      correctHousehold(
        db,
        ctx,
        h.household.id,
        h.household.version,
        {
          ...asIs(h),
          members: [
            ...asIs(h).members,
            { personId: other.household.headPersonId, relation: 'other' },
          ],
        },
        '加入',
      ),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'members.3.person', code: 'household.person_in_other_household' }],
    });
    expect(await db.queue.count()).toBe(queued);

    // Nor can a forged write list them or take a person out of a household that lists them.
    await expect(
      write(db, ctx, async (w) => {
        const current = await w.get('household', h.household.id);
        const members = [
          ...(current?.members ?? []),
          { personId: other.household.headPersonId, relation: 'other' as const },
        ];
        return w.update(
          'household',
          h.household.id,
          h.household.version,
          { members },
          { reason: 'x' },
        );
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'household.person_in_other_household' }] });
    const spouse = h.members[1]?.person;
    await expect(
      write(db, ctx, (w) =>
        w.update(
          'person',
          spouse?.id ?? '',
          1,
          { householdId: other.household.id },
          { reason: 'x' },
        ),
      ),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'household.person_in_other_household' }] });
    expect(await db.queue.count()).toBe(queued);
  });

  it('changes the head: the new head is 本人, the old one takes the chosen relation', async () => {
    const { db, ctx } = await openTestDesk();
    const h = await registerHousehold(db, ctx, threeMemberHousehold('rural'));
    const [head, spouse, child] = h.members.map((m) => ({
      personId: m.person.id,
      relation: m.relation,
    }));
    if (!head || !spouse || !child) throw new Error('members missing');
    const corrected = await correctHousehold(
      db,
      ctx,
      h.household.id,
      h.household.version,
      {
        ...asIs(h),
        members: [
          { personId: head.personId, relation: 'spouse' },
          { personId: spouse.personId, relation: 'self' },
          child,
        ],
      },
      '户主变更为配偶',
    );
    expect(corrected.household).toMatchObject({
      headPersonId: spouse.personId,
      headName: '李秀英',
    });
    expect(corrected.household.searchTokens).toContain('lxy');
    // Two heads, or none, is refused.
    await expect(
      correctHousehold(
        db,
        ctx,
        h.household.id,
        corrected.household.version,
        {
          ...asIs(corrected),
          members: asIs(corrected).members.map((m) => ({ ...m, relation: 'self' as const })),
        },
        '错',
      ),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'household.one_head' })],
    });
  });
});
