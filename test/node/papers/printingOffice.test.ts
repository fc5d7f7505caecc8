import { describe, expect, it } from 'vitest';
import { createDibaoCase } from '../../../renderer/src/db/repositories/cases';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import {
  householdFormRecords,
  officeFigures,
  rosterRecords,
} from '../../../renderer/src/db/repositories/papers/officePaperRecords';
import { logPaperOutput } from '../../../renderer/src/db/repositories/papers/paperLog';
import {
  advanceRoll,
  drawMonthRoll,
} from '../../../renderer/src/db/repositories/rolls/paymentRolls';
import { savePayeeAccount } from '../../../renderer/src/db/repositories/rolls/payeeAccounts';
import { paymentRollsTable } from '../../../renderer/src/db/tables/rollTables';
import { uniquePerson } from '../../support/officeWork';
import { openOfficeDesk, type SyncDesk } from '../../support/syncDesks';

/**
 * The office's printed papers from a real desk store (Dexie on fake-indexeddb, the real
 * write path): the 花名册 of a month (the cases' current amounts 未审定 until the roll is
 * approved, then the roll's own lines), village and overall totals, the 月度统计 of this
 * office only, the 户籍登记表 of a household, and the print logged.
 */
async function activeCase(
  desk: SyncDesk,
  village: string,
  headName: string,
  paymentFrom: string,
  extraMembers = 0,
) {
  const family = await registerHousehold(desk.db, desk.ctx, {
    areaCode: '330102',
    hukouType: 'rural',
    villageName: village,
    address: `${village}3组`,
    members: [
      {
        relation: 'self',
        person: { ...uniquePerson(headName), sex: 'male', phone: '13812345678' },
      },
      ...Array.from({ length: extraMembers }, () => ({
        relation: 'child' as const,
        person: { ...uniquePerson('张小明'), workCapacity: 'none' as const, student: true },
      })),
    ],
  });
  const ids = family.members.map((m) => m.person.id);
  const head = family.members[0]?.person;
  if (!head) throw new Error('no head');
  const made = await createDibaoCase(desk.db, desk.ctx, {
    householdId: family.household.id,
    applicantPersonId: head.id,
    applicantName: head.name,
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: ids,
    income: { wagesFen: 10_000, businessFen: 2_500, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-03-02',
  });
  // As the county's confirmation leaves it (the steps themselves are the engine's tests).
  await desk.db.cases.put({ ...made, status: 'active', decidedOn: '2026-03-20', paymentFrom });
  await savePayeeAccount(desk.db, desk.ctx, {
    personId: head.id,
    bankName: '农商银行',
    accountNumber: `622848000000${String(ids.length).padStart(2, '0')}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`,
    oneCard: true,
  });
  return { family, head, caseId: made.id, benefitFen: made.benefit.benefitFen };
}

describe('the office papers at the desk', () => {
  it('lists a month by village with totals: 未审定 before the roll is approved, the roll after', async () => {
    const desk = await openOfficeDesk('office-a', 'p1');
    const month = '2026-04';
    const a = await activeCase(desk, '西村', '王五', month);
    const b = await activeCase(desk, '东村', '张三丰', month, 2);
    const c = await activeCase(desk, '东村', '李四', month);
    await activeCase(desk, '东村', '赵六', '2026-05');
    // Another office's case in this store (as a pull might hold it) is never on this roster.
    const stranger = await desk.db.cases.get(a.caseId);
    if (!stranger) throw new Error('no case');
    await desk.db.cases.put({
      ...stranger,
      id: 'other-office-case',
      officeId: 'office-b',
      applicantPersonId: 'other-person',
      coveredPersonIds: ['other-person'],
    });

    const draft = await rosterRecords(desk.db, 'dibao', month);
    expect(draft).toMatchObject({
      source: 'unapproved',
      rollVersion: null,
      officeName: 'office-a 民政办',
    });
    expect(draft.villages.map((v) => [v.village, v.rows.map((r) => r.headName)])).toEqual([
      ['东村', ['李四', '张三丰']],
      ['西村', ['王五']],
    ]);
    expect(draft.villages.map((v) => [v.households, v.covered, v.amountFen])).toEqual([
      [2, 4, b.benefitFen + c.benefitFen],
      [1, 1, a.benefitFen],
    ]);
    expect(draft.total).toEqual({
      households: 3,
      covered: 5,
      amountFen: a.benefitFen + b.benefitFen + c.benefitFen,
    });
    expect(draft.villages[0]?.rows[1]).toMatchObject({
      kind: 'current',
      headIdNumber: b.head.idNumber,
      coveredCount: 3,
      category: 'rural',
    });

    // The roll approved: the roster is its lines, whatever the cases say since.
    // (A desk draws from its own office's records: the stranger leaves before the roll.)
    await desk.db.cases.delete('other-office-case');
    const drawn = await drawMonthRoll(desk.db, desk.ctx, 'dibao', month);
    expect(drawn.problems.map((p) => p.code)).toEqual([]);
    const checked = await advanceRoll(desk.db, desk.ctx, drawn.id, 'checked');
    await advanceRoll(desk.db, desk.as('supervisor'), checked.id, 'approved', checked.hash);
    const changed = await desk.db.cases.get(b.caseId);
    if (!changed) throw new Error('no case');
    await desk.db.cases.put({ ...changed, benefit: { ...changed.benefit, benefitFen: 1 } });
    const paid = await rosterRecords(desk.db, 'dibao', month);
    expect(paid).toMatchObject({ source: 'roll', rollVersion: 1 });
    expect(paid.total).toEqual({ households: 3, covered: 5, amountFen: checked.totalFen });
    expect(paid.villages[0]?.rows.map((r) => [r.headName, r.kind, r.amountFen])).toEqual([
      ['李四', 'new', c.benefitFen],
      ['张三丰', 'new', b.benefitFen],
    ]);
    // Another month, another programme: nothing paid.
    expect((await rosterRecords(desk.db, 'tekun', month)).total.households).toBe(0);
    expect((await rosterRecords(desk.db, 'dibao', '2026-03')).villages).toEqual([]);
  });

  it("gives this office's monthly figures by the county's definitions", async () => {
    const desk = await openOfficeDesk('office-a', 'p2');
    const month = '2026-04';
    const a = await activeCase(desk, '西村', '王五', month);
    const b = await activeCase(desk, '东村', '张三丰', month, 2);
    await activeCase(desk, '东村', '赵六', '2026-05');
    const stranger = await desk.db.cases.get(a.caseId);
    if (!stranger) throw new Error('no case');
    await desk.db.cases.put({
      ...stranger,
      id: 'other-office-case',
      officeId: 'office-b',
      applicantPersonId: 'other-person',
      coveredPersonIds: ['other-person'],
    });

    const before = await officeFigures(desk.db, month);
    expect(before.officeId).toBe('office-a');
    expect(before.rows.map((r) => r.programme)).toEqual(['dibao', 'tekun', 'temporary']);
    expect(before.rows[0]).toMatchObject({
      officeId: 'office-a',
      casesInPayment: 2,
      peopleCovered: 4,
      newCases: 2,
      stoppedCases: 0,
      rollStatus: 'none',
      paidFen: 0,
    });
    // (A desk draws from its own office's records: the stranger leaves before the roll.)
    await desk.db.cases.delete('other-office-case');
    const drawn = await drawMonthRoll(desk.db, desk.ctx, 'dibao', month);
    const checked = await advanceRoll(desk.db, desk.ctx, drawn.id, 'checked');
    expect((await officeFigures(desk.db, month)).rows[0]?.rollStatus).toBe('checked');
    await advanceRoll(desk.db, desk.as('supervisor'), checked.id, 'approved', checked.hash);
    // Another office's approved roll in this store adds nothing.
    const roll = await paymentRollsTable(desk.db).get(checked.id);
    if (!roll) throw new Error('no roll');
    await paymentRollsTable(desk.db).put({
      ...roll,
      id: 'other-roll',
      officeId: 'office-b',
      rollVersion: 5,
    });
    const after = await officeFigures(desk.db, month);
    expect(after.rows[0]).toMatchObject({
      rollStatus: 'approved',
      rollVersion: 1,
      paidFen: a.benefitFen + b.benefitFen,
    });
    expect(after.rows[1]).toMatchObject({
      programme: 'tekun',
      casesInPayment: 0,
      rollStatus: 'none',
    });
  });

  it('fills the 户籍登记表 and logs its print naming the household, masked', async () => {
    const desk = await openOfficeDesk('office-a', 'p3');
    const b = await activeCase(desk, '东村', '张三丰', '2026-04', 2);
    const paper = await householdFormRecords(desk.db, b.family.household.id);
    expect(paper).toMatchObject({
      officeName: 'office-a 民政办',
      headName: '张三丰',
      headIdNumber: b.head.idNumber,
      headPhone: '13812345678',
      hukouType: 'rural',
      village: '东村',
      address: '东村3组',
      income: {
        caseId: b.caseId,
        programme: 'dibao',
        totalFen: 12_500,
        income: { wagesFen: 10_000, businessFen: 2_500 },
      },
    });
    expect(paper?.members.map((m) => [m.name, m.relation, m.student, m.workCapacity])).toEqual([
      ['张三丰', 'self', false, 'partial'],
      ['张小明', 'child', true, 'none'],
      ['张小明', 'child', true, 'none'],
    ]);
    expect(await householdFormRecords(desk.db, 'no-such-household')).toBeNull();

    const masked = `${b.head.idNumber.slice(0, 6)}********${b.head.idNumber.slice(14)}`;
    await logPaperOutput(desk.db, desk.ctx, {
      action: 'print',
      paper: 'householdForm',
      subjects: [{ caseId: b.family.household.id, kind: 'household', maskedId: masked }],
    });
    const log = await desk.db.accessLog.where('subjectId').equals(b.family.household.id).toArray();
    expect(log.map((l) => [l.action, l.subjectKind, l.maskedSubject, l.purpose])).toEqual([
      ['print', 'household', masked, 'paper:householdForm'],
    ]);
    expect(JSON.stringify(log)).not.toContain(b.head.idNumber);
    // The entry went through the write path: it is queued for HQ like any record.
    const queued = await desk.db.queue.toArray();
    expect(queued.some((q) => q.recordId === log[0]?.id)).toBe(true);
  });
});
