import { describe, expect, it } from 'vitest';
import { caseHistory } from '../../../renderer/src/db/repositories/caseQueries';
import {
  approveRecomputation,
  prepareRecomputation,
} from '../../../renderer/src/db/repositories/dynamics/recomputations';
import { continueWithSuccessor } from '../../../renderer/src/db/repositories/dynamics/succession';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import { saveStandard } from '../../../renderer/src/db/repositories/reference';
import { deskWithActiveCase } from './dynamicsDesk';

describe('a new standard recomputes the month, approved by the supervisor', () => {
  it('drafts old → new per case; approval corrects each case in one transaction', async () => {
    const { db, ctx, supervisor, at, activeCase } = await deskWithActiveCase();
    await saveStandard(db, supervisor, {
      areaCode: '330102',
      category: 'rural',
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
      amountFen: 70000,
      source: 'local',
      note: '',
    });
    const draft = await prepareRecomputation(db, at(ctx, '2026-07-02'), {
      programme: 'dibao',
      month: '2026-07',
      standardNote: '2026年7月起农村低保标准700元',
    });
    // 632 × 3 − 1894 = 2 yuan; 700 × 3 − 1894 = 206 yuan.
    expect(draft).toMatchObject({ status: 'draft', unchangedCount: 0, preparedOn: '2026-07-02' });
    expect(
      draft.lines.map((l) => [l.caseId, l.oldBenefit.benefitFen, l.newBenefit.benefitFen]),
    ).toEqual([[activeCase.id, 200, 20600]]);
    // Nothing changes until it is approved, and a registrar may not approve.
    expect((await db.cases.get(activeCase.id))?.benefit.benefitFen).toBe(200);
    await expect(approveRecomputation(db, ctx, draft.id, draft.version)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await approveRecomputation(db, at(supervisor, '2026-07-03'), draft.id, draft.version);
    const corrected = await db.cases.get(activeCase.id);
    expect(corrected?.benefit).toMatchObject({ benefitFen: 20600, computedForDate: '2026-07-01' });
    expect(corrected?.status).toBe('active');
    const history = await recordHistory(db, 'assistanceCase', activeCase.id);
    expect(history.at(-1)?.reason).toBe('标准调整重算（2026-07 起）：2026年7月起农村低保标准700元');
    // The list's approval and the correction are one local transaction (HQ checks that).
    const queued = (await db.queue.toArray()).slice(-2);
    expect(queued.map((q) => [q.kind, q.op])).toEqual([
      ['benefitRecomputation', 'update'],
      ['assistanceCase', 'update'],
    ]);
    expect(queued[0]?.txId).toBe(queued[1]?.txId);
    // Approved once: a second approval is refused.
    const approved = await db.table('benefitRecomputations').get(draft.id);
    await expect(
      approveRecomputation(db, supervisor, draft.id, approved.version),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'dynamics.recomputation_approved' }] });
  });
});

describe('the head of the household died', () => {
  it('closes the case and opens a linked one with the members carried, in one transaction', async () => {
    const { db, ctx, supervisor, at, members, activeCase } = await deskWithActiveCase();
    const spouse = members[1]?.person;
    const before = await db.queue.count();
    // The new applicant must be another covered member.
    await expect(
      continueWithSuccessor(db, supervisor, activeCase.id, activeCase.version, {
        reason: 'head_died',
        opinion: '户主张三丰于2026年9月1日去世',
        newApplicantPersonId: activeCase.applicantPersonId,
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ code: 'dynamics.successor_applicant' }] });
    expect(await db.queue.count()).toBe(before);
    // A registrar may not terminate: nothing is written either.
    await expect(
      continueWithSuccessor(db, ctx, activeCase.id, activeCase.version, {
        reason: 'head_died',
        opinion: '户主去世',
        newApplicantPersonId: spouse?.id ?? '',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.queue.count()).toBe(before);

    const { closed, successor } = await continueWithSuccessor(
      db,
      at(supervisor, '2026-09-03'),
      activeCase.id,
      activeCase.version,
      {
        reason: 'head_died',
        opinion: '户主张三丰于2026年9月1日去世',
        newApplicantPersonId: spouse?.id ?? '',
      },
    );
    expect(closed).toMatchObject({
      status: 'terminated',
      paymentTo: '2026-09',
      endedOn: '2026-09-03',
    });
    expect((await caseHistory(db, closed.id)).at(-1)).toMatchObject({
      action: 'terminate',
      reason: 'head_died',
      opinion: '户主张三丰于2026年9月1日去世',
    });
    expect(successor).toMatchObject({
      status: 'draft',
      previousCaseId: activeCase.id,
      householdId: activeCase.householdId,
      applicantPersonId: spouse?.id,
      applicantName: '李秀英',
      coveredPersonIds: members.slice(1).map((m) => m.person.id),
      applicationDate: '2026-09-03',
      income: activeCase.income,
    });
    // 632 × 2 − 1894 < 0: 1894 ≤ 1.5 × 1264 = 1896, so 低保边缘 until the facts are reviewed.
    expect(successor.benefit).toMatchObject({ coveredCount: 2, classification: 'edge' });
    const queued = (await db.queue.toArray()).slice(before);
    expect(queued.map((q) => `${q.kind}:${q.op}`)).toEqual([
      'assistanceCase:transition',
      'caseEvent:create',
      'assistanceCase:create',
    ]);
    expect(new Set(queued.map((q) => q.txId)).size).toBe(1);
  });
});
