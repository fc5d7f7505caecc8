import { describe, expect, it } from 'vitest';
import { recordHistory } from '../../../renderer/src/db/repositories/recordHistory';
import { transitionCase } from '../../../renderer/src/db/repositories/cases';
import { listDueReviews } from '../../../renderer/src/db/repositories/dynamics/dueReviews';
import {
  calcReference,
  correctInReview,
  reviewComputation,
  snapshotBeforeReview,
} from '../../../renderer/src/db/repositories/dynamics/review';
import { saveStandard } from '../../../renderer/src/db/repositories/reference';
import { deskWithActiveCase } from './dynamicsDesk';

describe('reviews at the desk', () => {
  it('an active case is due a year after approval, listed by programme and village', async () => {
    const { db, activeCase } = await deskWithActiveCase();
    expect(activeCase).toMatchObject({
      status: 'active',
      decidedOn: '2026-04-01',
      paymentFrom: '2026-05',
      reviewDue: '2027-04-01',
    });
    const ids = async (filter: Parameters<typeof listDueReviews>[1]) =>
      (await listDueReviews(db, filter)).map(
        (r) => `${r.case.id === activeCase.id}:${r.state}:${r.village}`,
      );
    expect(await ids({ today: '2027-03-05' })).toEqual([]);
    expect(await ids({ today: '2027-04-01' })).toEqual(['true:due:东村']);
    expect(await ids({ today: '2027-04-02' })).toEqual(['true:overdue:东村']);
    expect(await ids({ today: '2027-04-02', programme: 'dibao', village: '东村' })).toHaveLength(1);
    expect(await ids({ today: '2027-04-02', programme: 'tekun' })).toEqual([]);
    expect(await ids({ today: '2027-04-02', village: '西村' })).toEqual([]);
  });

  it('a review corrects members and income, computed for the review day; old and new side by side', async () => {
    const { db, ctx, supervisor, at, members, activeCase } = await deskWithActiveCase();
    // Not under review: an active case is not corrected.
    const facts = {
      coveredPersonIds: members.map((m) => m.person.id),
      income: { wagesFen: 100000, businessFen: 0, propertyFen: 0, transferFen: 39400 },
      deductionsFen: 0,
      incomeUnstable: true,
    };
    await expect(
      correctInReview(db, ctx, activeCase.id, activeCase.version, facts, '复核：工资下降'),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'status', code: 'case.not_editable', params: { status: 'active' } }],
    });
    // The county raised the rural standard to 700 yuan from 2027.
    await saveStandard(db, supervisor, {
      areaCode: '330102',
      category: 'rural',
      effectiveFrom: '2027-01-01',
      effectiveTo: null,
      amountFen: 70000,
      source: 'local',
      note: '',
    });
    const started = await transitionCase(
      db,
      at(ctx, '2027-04-06'),
      activeCase.id,
      activeCase.version,
      {
        action: 'start_review',
      },
    );
    expect(started).toMatchObject({ status: 'under_review', reviewStartedOn: '2027-04-06' });
    // Before: 632 × 3 − (1500 + 394) = 2 yuan, computed for the application date.
    const ref = await calcReference(db);
    const preview = reviewComputation(started, facts, ref);
    // After: 700 × 3 − (1000 + 394) = 706 yuan, computed for the review day.
    expect(preview).toMatchObject({
      standardFen: 70000,
      benefitFen: 70600,
      computedForDate: '2027-04-06',
    });
    const corrected = await correctInReview(
      db,
      at(ctx, '2027-04-06'),
      started.id,
      started.version,
      facts,
      '复核：工资下降，收入不稳定',
    );
    expect(corrected.benefit).toMatchObject({ benefitFen: 70600, computedForDate: '2027-04-06' });
    expect(corrected.programmeFacts).toEqual({ incomeUnstable: true });
    const before = await snapshotBeforeReview(db, corrected);
    expect(before.benefit).toMatchObject({
      benefitFen: 200,
      standardFen: 63200,
      computedForDate: '2026-03-02',
    });
    const history = await recordHistory(db, 'assistanceCase', corrected.id);
    expect(history.at(-1)?.reason).toBe('复核：工资下降，收入不稳定');
    // Completed: unstable income, reviewed again in six months.
    const done = await transitionCase(
      db,
      at(supervisor, '2027-04-08'),
      corrected.id,
      corrected.version,
      {
        action: 'complete_review',
        opinion: '复核完成，调整保障金',
      },
    );
    expect(done).toMatchObject({
      status: 'active',
      reviewedOn: '2027-04-08',
      reviewDue: '2027-10-08',
    });
    expect(await listDueReviews(db, { today: '2027-04-08' })).toEqual([]);
  });

  it('phases out and terminates with a reason code', async () => {
    const { db, supervisor, at, activeCase } = await deskWithActiveCase();
    const phasing = await transitionCase(
      db,
      at(supervisor, '2026-11-20'),
      activeCase.id,
      activeCase.version,
      {
        action: 'start_phase_out',
        opinion: '务工收入超过标准，给予渐退',
      },
    );
    // The sample six months after November: to May.
    expect(phasing).toMatchObject({ status: 'phasing_out', phaseOutUntil: '2027-05' });
    await expect(
      transitionCase(db, at(supervisor, '2027-05-28'), phasing.id, phasing.version, {
        action: 'terminate',
        opinion: '渐退期满',
        reason: '期满',
      }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'reason', code: 'dynamics.termination_reason' }],
    });
    const ended = await transitionCase(
      db,
      at(supervisor, '2027-05-28'),
      phasing.id,
      phasing.version,
      {
        action: 'terminate',
        opinion: '渐退期满',
        reason: 'income_above_line',
      },
    );
    expect(ended).toMatchObject({ status: 'terminated', paymentTo: '2027-05', reviewDue: null });
  });
});
