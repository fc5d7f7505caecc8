import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc } from '@shared/clock/hlc';
import { newRecordId } from '@shared/records/ids';
import { officeToday } from '@shared/validation/dates';
import type { OpResult } from '@shared/sync/protocol';
import { adminPost } from '../../support/hqHarness';
import { applyForDibao, registerFamily, step } from '../../support/officeWork';
import { sync, type SyncDesk } from '../../support/syncDesks';
import { correctInReview } from '../../../renderer/src/db/repositories/dynamics/review';
import {
  approveRecomputation,
  prepareRecomputation,
} from '../../../renderer/src/db/repositories/dynamics/recomputations';
import { continueWithSuccessor } from '../../../renderer/src/db/repositories/dynamics/succession';
import { cases, Forge, forgerActors, hqCase, setUp, stopHostileOffice } from './hostileDeskKit';

/**
 * 动态管理 at HQ: an honest desk's review, recomputation and successor case apply; a
 * hostile desk of the office that corrects an active case outside a review, forges the
 * date a review's benefit is computed for, approves or forges a recomputation, or links
 * a successor to a case not closed for it, is refused naming the field and the rule.
 */

afterEach(stopHostileOffice);

const codes = (result: OpResult | undefined) =>
  result?.status === 'rejected'
    ? (result.reason.fieldErrors ?? []).map((e) => `${e.path}:${e.code}`)
    : result?.status;

async function activeCaseOf(desk: SyncDesk): Promise<string> {
  const family = await registerFamily(desk);
  const created = await applyForDibao(desk, {
    householdId: family.household.id,
    headPersonId: family.household.headPersonId,
    headName: family.household.headName,
    memberIds: family.members.map((m) => m.person.id),
  });
  for (const action of [
    'submit',
    'accept',
    'start_investigation',
    'record_opinion',
    'start_notice',
  ] as const) {
    await step(desk, created.id, action);
  }
  desk.advanceDays(20);
  await step(desk, created.id, 'confirm_at_township');
  desk.advanceDays(1);
  await step(desk, created.id, 'start_payment');
  return created.id;
}

describe.each(cases)('动态管理 at HQ over $storage.kind, $mode', ({ storage, mode }) => {
  it('applies an honest review, recomputation and successor; refuses the forged ones', async () => {
    const office = await setUp(storage);
    const { honest } = office;
    const forge = new Forge(office, mode);
    await forge.start();
    // Edits judged after their merge carry a clock later than the honest desk's (which
    // took HQ's, today's, when it pulled): a concurrent edit would be a conflict instead.
    let tick = 0;
    const latest = () =>
      formatHlc({
        wallMs: Date.now() + 3_600_000 + (tick += 1000),
        counter: 0,
        node: office.forger.desk.deviceId,
      });
    const county = (path: string, body: unknown) => adminPost(office.hq.url, path, body);
    expect(
      (
        await county('/delegations', {
          office: 'office-a',
          confirmationDelegated: true,
          effectiveFrom: '2026-01-01',
          setBy: '县民政局',
        })
      ).status,
    ).toBe(200);
    // The county raises the rural standard from July: 632 → 700 yuan.
    expect(
      (
        await county('/standards', {
          areaCode: '330102',
          category: 'rural',
          effectiveFrom: '2026-07-01',
          effectiveTo: null,
          amountFen: 70000,
          note: '',
          publishedBy: '县民政局',
        })
      ).status,
    ).toBe(200);
    expect(await sync(honest)).toMatchObject({ rejected: 0 });
    const reviewed = await activeCaseOf(honest);
    const other = await activeCaseOf(honest);
    expect(await sync(honest)).toMatchObject({ rejected: 0 });
    const otherAtHq = await hqCase(office, other);
    expect(otherAtHq.data).toMatchObject({ status: 'active', paymentFrom: '2026-05' });

    // 1. An active case not under review is not corrected (whatever the benefit says).
    const outsideReview = forge.op({
      recordId: other,
      baseVersion: otherAtHq.version,
      fields: { income: { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 } },
      reason: '收入下降',
    });
    expect(codes((await forge.send([outsideReview]))[0])).toEqual(['status:case.not_editable']);

    // 2. An honest review: corrected on the review's day, under that day's standard.
    await step(honest, reviewed, 'start_review');
    const started = await honest.db.cases.get(reviewed);
    const facts = {
      coveredPersonIds: started?.coveredPersonIds ?? [],
      income: { wagesFen: 30000, businessFen: 0, propertyFen: 0, transferFen: 0 },
      deductionsFen: 0,
      incomeUnstable: true,
    };
    await correctInReview(
      honest.db,
      honest.ctx,
      reviewed,
      started?.version ?? 0,
      facts,
      '复核：务工收入减少',
    );
    expect(await sync(honest)).toMatchObject({ rejected: 0 });
    const inReview = await hqCase(office, reviewed);
    const reviewDay = String(inReview.data.reviewStartedOn);
    expect(reviewDay < '2026-07-01').toBe(true);
    expect(inReview.data.benefit).toMatchObject({ standardFen: 63200, computedForDate: reviewDay });

    // 3. A forged date picks July's better standard for the same facts: refused.
    const benefit = inReview.data.benefit as Record<string, number | string>;
    const n = Number(benefit.coveredCount);
    const forgedDate = forge.op({
      hlc: latest(),
      recordId: reviewed,
      baseVersion: inReview.version,
      fields: {
        income: { wagesFen: 29900, businessFen: 0, propertyFen: 0, transferFen: 0 },
        benefit: {
          ...benefit,
          standardFen: 70000,
          countedIncomeFen: 29900,
          benefitFen: 70000 * n - 29900,
          computedForDate: '2026-07-01',
        },
      },
      reason: '复核：收入更正',
    });
    const refusedDate = codes((await forge.send([forgedDate]))[0]);
    expect(refusedDate).toEqual([
      'benefit.computedForDate:benefit.mismatch',
      'benefit.benefitFen:benefit.mismatch',
      'benefit.standardFen:benefit.mismatch',
    ]);
    expect((await hqCase(office, reviewed)).version).toBe(inReview.version);
    await step(honest, reviewed, 'complete_review');
    expect(await sync(honest)).toMatchObject({ rejected: 0 });

    // 4. July's recomputation, approved by the supervisor: both paid cases corrected.
    const list = await prepareRecomputation(honest.db, honest.ctx, {
      programme: 'dibao',
      month: '2026-07',
      standardNote: '2026年7月起农村低保标准700元',
    });
    expect(list.lines.map((l) => l.caseId).sort()).toEqual([other, reviewed].sort());
    await approveRecomputation(honest.db, honest.as('supervisor'), list.id, list.version);
    expect(await sync(honest)).toMatchObject({ rejected: 0 });
    const recomputed = await hqCase(office, other);
    expect(recomputed.data.benefit).toMatchObject({
      standardFen: 70000,
      computedForDate: '2026-07-01',
      benefitFen: list.lines.find((l) => l.caseId === other)?.newBenefit.benefitFen,
    });

    // 5. A forged list: a registrar's approval, or a supervisor's with a made-up amount.
    const forgedList = newRecordId();
    const draftFields = {
      programme: 'dibao',
      month: '2026-08',
      standardNote: '伪造',
      status: 'draft',
      lines: [
        {
          caseId: other,
          applicantName: String(recomputed.data.applicantName),
          areaCode: '330102',
          oldBenefit: recomputed.data.benefit,
          newBenefit: {
            ...(recomputed.data.benefit as object),
            benefitFen: 99900,
            computedForDate: '2026-08-01',
          },
        },
      ],
      unchangedCount: 0,
      preparedOn: '2026-08-01',
      approvedOn: null,
    };
    const approvedCreate = forge.op({
      kind: 'benefitRecomputation',
      op: 'create',
      recordId: newRecordId(),
      baseVersion: 0,
      actor: forgerActors.supervisor,
      fields: { ...draftFields, status: 'approved', approvedOn: '2026-08-02' },
    });
    expect(codes((await forge.send([approvedCreate]))[0])).toEqual([
      'status:workflow.initial_state',
    ]);
    const created = forge.op({
      kind: 'benefitRecomputation',
      op: 'create',
      recordId: forgedList,
      baseVersion: 0,
      fields: draftFields,
    });
    expect(codes((await forge.send([created]))[0])).toBe('applied');
    const forgedApproval = (
      actor: (typeof forgerActors)['registrar'],
      approvedOn: (opDay: string) => string = () => '2026-08-02',
    ) => {
      const txId = newRecordId();
      const approval = forge.op({
        txId,
        kind: 'benefitRecomputation',
        recordId: forgedList,
        baseVersion: 1,
        actor,
        fields: { status: 'approved' },
      });
      approval.fields.approvedOn = approvedOn(officeToday(new Date(approval.createdAt)));
      return [
        approval,
        forge.op({
          txId,
          hlc: latest(),
          recordId: other,
          baseVersion: recomputed.version,
          actor,
          fields: { benefit: draftFields.lines[0]?.newBenefit },
          reason: '标准调整重算',
        }),
      ];
    };
    const byRegistrar = await forge.send(forgedApproval(forgerActors.registrar));
    expect(byRegistrar.map(codes)).toEqual([
      ['status:dynamics.approve_role'],
      ['status:case.not_editable'],
    ]);
    // A supervisor's approval dated another day than the op's own: refused, naming the day.
    const backDated = await forge.send(forgedApproval(forgerActors.supervisor));
    expect(backDated.map(codes)).toEqual([
      ['approvedOn:approval.not_op_day'],
      ['status:case.not_editable'],
    ]);
    // Dated right, with a made-up amount: HQ recomputes August from its own cases and
    // standards (no change since July's list: no line at all) and refuses the list.
    const madeUp = await forge.send(forgedApproval(forgerActors.supervisor, (day) => day));
    expect(madeUp.map(codes)).toEqual([
      ['lines:dynamics.recomputation_lines_differ'],
      ['status:case.not_editable'],
    ]);
    expect((await hqCase(office, other)).version).toBe(recomputed.version);

    // 6. Forged successor links: a case still open, an unknown one; a termination without its code.
    const successorOf = (previousCaseId: string) =>
      forge.op({
        op: 'create',
        recordId: newRecordId(),
        baseVersion: 0,
        fields: { ...recomputed.data, status: 'draft', ...stepDatesCleared, previousCaseId },
      });
    expect(codes((await forge.send([successorOf(other)]))[0])).toEqual([
      'previousCaseId:dynamics.previous_not_closed_for_succession',
    ]);
    expect(codes((await forge.send([successorOf('no-such-case')]))[0])).toEqual([
      'previousCaseId:dynamics.previous_unknown',
    ]);
    const uncoded = forge.step(
      other,
      recomputed.version,
      { action: 'terminate', from: 'active', to: 'terminated' },
      forgerActors.supervisor,
      { opinion: '迁出本镇' },
    );
    expect(codes((await forge.send(uncoded))[0])).toEqual(['reason:dynamics.termination_reason']);

    // 7. The honest successor: closed for the head's death and opened in one transaction.
    await sync(honest);
    const before = await honest.db.cases.get(other);
    const spouse = before?.coveredPersonIds.find((id) => id !== before.applicantPersonId) ?? '';
    const { successor } = await continueWithSuccessor(
      honest.db,
      honest.as('supervisor'),
      other,
      before?.version ?? 0,
      { reason: 'head_died', opinion: '户主去世', newApplicantPersonId: spouse },
    );
    expect(await sync(honest)).toMatchObject({ rejected: 0 });
    expect((await hqCase(office, other)).data.status).toBe('terminated');
    expect((await hqCase(office, successor.id)).data).toMatchObject({
      previousCaseId: other,
      status: 'draft',
      applicantPersonId: spouse,
    });
    // Linked later, in a transaction of its own, to that closed case: refused all the same.
    expect(codes((await forge.send([successorOf(other)]))[0])).toEqual([
      'previousCaseId:dynamics.previous_not_closed_for_succession',
    ]);
  });
});

const stepDatesCleared = {
  acceptedOn: null,
  noticeStartedOn: null,
  noticeEnd: null,
  decisionDue: null,
  decidedOn: null,
  paymentFrom: null,
  endedOn: null,
  paymentTo: null,
  helpedFirstOn: null,
  paperworkDue: null,
  reviewedOn: null,
  reviewStartedOn: null,
  reviewDue: null,
  phaseOutUntil: null,
};
