import { describe, expect, it } from 'vitest';
import { caseHistory, listCases } from '../../../renderer/src/db/repositories/caseQueries';
import {
  createDibaoCase,
  transitionCase,
  updateDibaoCase,
  type DibaoApplicationInput,
} from '../../../renderer/src/db/repositories/cases';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { seedSampleReferenceData } from '../../../renderer/src/db/repositories/reference';
import { write } from '../../../renderer/src/db/writePath';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';

async function deskWithHousehold() {
  const desk = await openTestDesk();
  await seedSampleReferenceData(desk.db, desk.ctx, '330102');
  // The office's published rural standard: 632 yuan.
  const rural = (await desk.db.benefitStandards.toArray()).find((s) => s.category === 'rural');
  await write(desk.db, desk.ctx, (w) =>
    w.update('benefitStandard', rural?.id ?? '', rural?.version ?? 0, { amountFen: 63200 }),
  );
  const { household, members } = await registerHousehold(
    desk.db,
    desk.ctx,
    threeMemberHousehold('rural'),
  );
  const application: DibaoApplicationInput = {
    householdId: household.id,
    applicantPersonId: household.headPersonId,
    applicantName: household.headName,
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: members.map((m) => m.person.id),
    income: { wagesFen: 150000, businessFen: 0, propertyFen: 0, transferFen: 39400 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-03-02',
  };
  return { ...desk, household, application };
}

describe('低保 cases', () => {
  it('saves the benefit computed as S×N−I in fen with the standard in force', async () => {
    const { db, ctx, application } = await deskWithHousehold();
    const saved = await createDibaoCase(db, ctx, application);

    // 632 × 3 − 1894 = 2 yuan exactly.
    expect(saved.benefit).toMatchObject({
      standardFen: 63200,
      coveredCount: 3,
      countedIncomeFen: 189400,
      benefitFen: 200,
      classification: 'dibao',
    });
    expect(saved.status).toBe('draft');
    expect(saved.searchTokens).toContain('zsf');
  });

  it('recomputes on edit and refuses a second open case for the same person', async () => {
    const { db, ctx, application } = await deskWithHousehold();
    const saved = await createDibaoCase(db, ctx, application);
    const edited = await updateDibaoCase(
      db,
      ctx,
      saved.id,
      saved.version,
      { ...application, income: { ...application.income, wagesFen: 100000 } },
      '工资按单位证明更正',
    );
    expect(edited.benefit.benefitFen).toBe(50200);

    await expect(createDibaoCase(db, ctx, application)).rejects.toMatchObject({
      code: 'duplicate',
      fieldErrors: [expect.objectContaining({ code: 'case.person_in_open_case' })],
    });
  });

  it('moves through the workflow by role, recording each step and its deadlines', async () => {
    const { db, ctx, as, application } = await deskWithHousehold();
    let c = await createDibaoCase(db, ctx, application);
    c = await transitionCase(db, ctx, c.id, c.version, { action: 'submit' });
    c = await transitionCase(db, ctx, c.id, c.version, { action: 'accept' });
    expect(c.acceptedOn).not.toBeNull();
    expect(c.decisionDue).not.toBeNull();
    expect(String(c.decisionDue) > String(c.acceptedOn)).toBe(true);
    c = await transitionCase(db, ctx, c.id, c.version, { action: 'start_investigation' });

    // A registrar may not give the township opinion.
    await expect(
      transitionCase(db, ctx, c.id, c.version, { action: 'record_opinion', opinion: '符合条件' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const supervisor = as('supervisor');
    c = await transitionCase(db, supervisor, c.id, c.version, {
      action: 'record_opinion',
      opinion: '经入户调查，符合低保条件',
    });
    // Going back needs a reason.
    await expect(
      transitionCase(db, supervisor, c.id, c.version, { action: 'reinvestigate' }),
    ).rejects.toMatchObject({ code: 'validation' });
    c = await transitionCase(db, supervisor, c.id, c.version, {
      action: 'reinvestigate',
      reason: '邻里反映有经营收入，需补充调查',
    });
    expect(c.status).toBe('investigating');

    const history = await caseHistory(db, c.id);
    expect(history.map((e) => `${e.from}>${e.to}`)).toEqual([
      'draft>submitted',
      'submitted>accepted',
      'accepted>investigating',
      'investigating>township_opinion',
      'township_opinion>investigating',
    ]);
    expect(history[3]).toMatchObject({ actorName: '李主管', actorRole: 'supervisor' });
    expect(history[4]?.reason).toContain('补充调查');

    const transitions = (await db.queue.toArray()).filter((e) => e.op === 'transition');
    expect(transitions.map((e) => e.transition?.action)).toEqual([
      'submit',
      'accept',
      'start_investigation',
      'record_opinion',
      'reinvestigate',
    ]);
  });

  it('refuses an illegal step and writes nothing', async () => {
    const { db, ctx, application } = await deskWithHousehold();
    const c = await createDibaoCase(db, ctx, application);
    const before = await db.queue.count();
    await expect(
      transitionCase(db, ctx, c.id, c.version, { action: 'start_payment' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await db.queue.count()).toBe(before);
    expect((await db.cases.get(c.id))?.status).toBe('draft');
  });

  it('lists by status and search, and flags overdue cases', async () => {
    const { db, ctx, application } = await deskWithHousehold();
    let c = await createDibaoCase(db, ctx, application);
    c = await transitionCase(db, ctx, c.id, c.version, { action: 'submit' });
    await transitionCase(db, ctx, c.id, c.version, { action: 'accept' });

    expect(await listCases(db, { status: 'accepted', today: '2026-03-02' })).toHaveLength(1);
    expect(await listCases(db, { status: 'draft', today: '2026-03-02' })).toHaveLength(0);
    expect(await listCases(db, { query: 'zsf', today: '2026-03-02' })).toHaveLength(1);
    expect(await listCases(db, { overdueOnly: true, today: '2026-03-03' })).toHaveLength(0);
    expect(await listCases(db, { overdueOnly: true, today: '2026-12-31' })).toHaveLength(1);
  });

  it('refuses a case whose persons are not members of its household, or without a standard', async () => {
    const { db, ctx, application } = await deskWithHousehold();
    await expect(
      createDibaoCase(db, ctx, {
        ...application,
        coveredPersonIds: [application.applicantPersonId, 'ghost'],
      }),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'case.not_household_member' })],
    });
    await expect(
      createDibaoCase(db, ctx, { ...application, householdId: 'no-such-household' }),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'case.household_missing' })],
    });
    await expect(
      createDibaoCase(db, ctx, { ...application, areaCode: '110101' }),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'case.no_standard' })],
    });
    expect(await db.cases.count()).toBe(0);
  });

  it('corrects the facts with a reason before 公示 only, keeping each version, and a withdrawal frees the members', async () => {
    const { db, ctx, as, application } = await deskWithHousehold();
    let c = await createDibaoCase(db, ctx, application);
    c = await transitionCase(db, ctx, c.id, c.version, { action: 'submit' });
    // A correction without its reason writes nothing.
    await expect(
      updateDibaoCase(db, ctx, c.id, c.version, { ...application, deductionsFen: 100 }, '  '),
    ).rejects.toMatchObject({
      fieldErrors: [
        expect.objectContaining({ path: 'reason', code: 'record.correction_reason_required' }),
      ],
    });
    expect(await db.queue.filter((e) => e.kind === 'assistanceCase').count()).toBe(2);
    c = await updateDibaoCase(
      db,
      ctx,
      c.id,
      c.version,
      { ...application, deductionsFen: 100 },
      '扣减漏填',
    );
    c = await transitionCase(db, ctx, c.id, c.version, { action: 'accept' });
    // After 受理, still with the township: corrected, the old version kept with its reason.
    c = await updateDibaoCase(
      db,
      ctx,
      c.id,
      c.version,
      { ...application, deductionsFen: 200 },
      '入户调查核实扣减',
    );
    expect(c.deductionsFen).toBe(200);
    const revisions = await db.revisions
      .where('[kind+recordId]')
      .equals(['assistanceCase', c.id])
      .sortBy('version');
    expect(revisions.map((r) => [r.version, r.reason])).toEqual([
      [1, ''],
      [2, '扣减漏填'],
      [3, ''],
      [4, '入户调查核实扣减'],
    ]);
    // A corrected application date after 受理 would put the step before its record.
    await expect(
      updateDibaoCase(
        db,
        ctx,
        c.id,
        c.version,
        { ...application, applicationDate: '2026-03-03' },
        '日期',
      ),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'case.application_after_step' })],
    });
    const supervisor = as('supervisor');
    for (const action of ['start_investigation', 'record_opinion', 'start_notice']) {
      c = await transitionCase(db, supervisor, c.id, c.version, { action, opinion: '同意' });
    }
    await expect(
      updateDibaoCase(db, ctx, c.id, c.version, { ...application, deductionsFen: 300 }, '再改'),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ code: 'case.not_editable' })],
    });

    await transitionCase(db, ctx, c.id, c.version, {
      action: 'withdraw',
      opinion: '申请人书面撤回',
    });
    const second = await createDibaoCase(db, ctx, application);
    expect(second.status).toBe('draft');
  });

  it("finds cases by a covered person's ID number", async () => {
    const { db, ctx, application } = await deskWithHousehold();
    await createDibaoCase(db, ctx, application);
    const spouseId = (await db.persons.toArray()).find((p) => p.name === '李秀英')?.idNumber ?? '';
    const found = await listCases(db, { query: spouseId.slice(0, 14), today: '2026-03-02' });
    expect(found.map((c) => c.applicantName)).toEqual(['张三丰']);
  });
});
