import { describe, expect, it } from 'vitest';
import { buildCalendar, sampleCalendarYears } from '@shared/calendar/workingDays';
import { benefitDateOf } from '@shared/dynamics/benefitDate';
import { reviewDueState } from '@shared/dynamics/dueList';
import {
  isPaidInMonth,
  recomputedCorrectionIssues,
  recomputeMonth,
  type BenefitRecomputationData,
} from '@shared/dynamics/recomputation';
import { recomputationDiffers } from '@shared/dynamics/recomputationCheck';
import { successorIssues } from '@shared/dynamics/succession';
import { stepReasonIssues, terminationReasons } from '@shared/dynamics/termination';
import { defaultOfficeSettings } from '@shared/domain/settings';
import { noStepDates, type AssistanceCaseData } from '@shared/domain/assistanceCase';
import { planCaseStep } from '@shared/programmes/caseEngine';
import { programmeRuleBook } from '@shared/programmes/registry';
import type { ProgrammeRuleData } from '@shared/programmes/ruleBook';

/** Hand-worked figures of 动态管理 (docs/programmes.md, 动态管理). */

const rule = (key: string, value: number, effectiveFrom = '2020-01-01') =>
  ({ key, areaCode: null, effectiveFrom, effectiveTo: null, value, source: 'hq' }) as Omit<
    ProgrammeRuleData,
    'note'
  >;

const env = (today: string, rules = programmeRuleBook([])) => ({
  today,
  calendar: buildCalendar(sampleCalendarYears),
  settings: { decisionLimitWorkingDays: 30, noticeWorkingDays: 7 },
  confirmationDelegated: true,
  rules,
});

const zeroIncome = { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 };

function activeCase(
  over: Partial<AssistanceCaseData & { id: string }> = {},
): AssistanceCaseData & { id: string } {
  return {
    id: 'c',
    programme: 'dibao',
    householdId: 'h',
    applicantPersonId: 'p1',
    applicantName: '张三丰',
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: ['p1'],
    income: zeroIncome,
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-01-05',
    benefit: {
      standardId: 's',
      standardFen: 63200,
      coveredCount: 1,
      countedIncomeFen: 0,
      benefitFen: 63200,
      classification: 'dibao',
      computedForDate: '2026-01-05',
      parts: [],
    },
    status: 'active',
    statusChangedAt: '2026-02-01T01:00:00.000Z',
    ...noStepDates,
    acceptedOn: '2026-01-06',
    decidedOn: '2026-01-30',
    paymentFrom: '2026-02',
    programmeFacts: {},
    previousCaseId: null,
    searchTokens: [],
    ...over,
  };
}

describe('reviews come due by rule', () => {
  it('stable yearly, unstable income every six months (the case fact incomeUnstable)', () => {
    const review = (incomeUnstable: boolean, today: string) =>
      planCaseStep(
        { ...activeCase({ status: 'under_review', programmeFacts: { incomeUnstable } }) },
        { action: 'complete_review', role: 'supervisor', opinion: '复核无变化' },
        env(today),
      ).fields;
    expect(review(false, '2027-03-15')).toMatchObject({
      reviewedOn: '2027-03-15',
      reviewDue: '2028-03-15',
    });
    expect(review(true, '2027-03-15').reviewDue).toBe('2027-09-15');
    // 29 Feb of a leap year, a year on: the last day of February 2029.
    expect(review(false, '2028-02-29').reviewDue).toBe('2029-02-28');
    // Six months from 31 August: 28 February (2027 is not a leap year).
    expect(review(true, '2026-08-31').reviewDue).toBe('2027-02-28');
  });

  it('31 January + 1 month is the last day of February, 29th in a leap year', () => {
    const monthly = programmeRuleBook([rule('dibao.reviewMonths', 1)]);
    const approve = (today: string) =>
      planCaseStep(
        activeCase({ status: 'public_notice', noticeStartedOn: '2026-01-02' }),
        { action: 'confirm_at_township', role: 'supervisor', opinion: '同意' },
        env(today, monthly),
      ).fields;
    expect(approve('2027-01-31')).toMatchObject({
      decidedOn: '2027-01-31',
      paymentFrom: '2027-02',
      reviewDue: '2027-02-28',
    });
    expect(approve('2028-01-31').reviewDue).toBe('2028-02-29');
  });

  it('lists a case due by the end of this month, overdue before today; closed cases never', () => {
    const at = (reviewDue: string | null, status = 'active') =>
      reviewDueState({ programme: 'dibao', status, reviewDue }, '2026-12-05');
    expect(at('2026-12-04')).toBe('overdue');
    expect(at('2026-12-05')).toBe('due');
    expect(at('2026-12-31')).toBe('due');
    expect(at('2027-01-01')).toBeNull();
    expect(at('2026-11-30', 'under_review')).toBe('overdue');
    expect(at('2026-11-30', 'terminated')).toBeNull();
    expect(at(null)).toBeNull();
  });
});

describe('渐退期', () => {
  it('counts the phase-out months across the year end and pays them', () => {
    const three = programmeRuleBook([rule('dibao.phaseOutMonths', 3)]);
    const planned = planCaseStep(
      activeCase(),
      { action: 'start_phase_out', role: 'supervisor', opinion: '务工收入超过标准，给予渐退' },
      env('2026-11-20', three),
    );
    expect(planned.to).toBe('phasing_out');
    // November's decision: December, January and February are the three months.
    expect(planned.fields.phaseOutUntil).toBe('2027-02');
    const phasing = activeCase({ status: 'phasing_out', phaseOutUntil: '2027-02' });
    expect(['2026-12', '2027-01', '2027-02'].map((m) => isPaidInMonth(phasing, m))).toEqual([
      true,
      true,
      true,
    ]);
    // Ends with termination, paid to the end of the month it is terminated in.
    const ended = planCaseStep(
      phasing,
      { action: 'terminate', role: 'supervisor', opinion: '渐退期满', reason: 'income_above_line' },
      env('2027-02-26', three),
    );
    expect(ended.fields).toMatchObject({ status: 'terminated', paymentTo: '2027-02' });
    expect(
      isPaidInMonth({ ...phasing, status: 'terminated', paymentTo: '2027-02' }, '2027-03'),
    ).toBe(false);
    // The sample (6 months) from 15 July: to January.
    expect(
      planCaseStep(
        activeCase(),
        { action: 'start_phase_out', role: 'supervisor', opinion: '收入超标' },
        env('2026-07-15'),
      ).fields.phaseOutUntil,
    ).toBe('2027-01');
    // A registrar may not decide it.
    expect(() =>
      planCaseStep(
        activeCase(),
        { action: 'start_phase_out', role: 'registrar', opinion: 'x' },
        env('2026-07-15'),
      ),
    ).toThrow();
  });

  it('terminates only with a reason code', () => {
    expect(terminationReasons).toEqual([
      'income_above_line',
      'moved_away',
      'died',
      'refused_review',
      'head_changed',
      'head_died',
      'other',
    ]);
    expect(stepReasonIssues('terminate', 'moved_away')).toEqual([]);
    expect(stepReasonIssues('terminate', '搬走了')).toEqual([
      { path: 'reason', code: 'dynamics.termination_reason', params: { reason: '搬走了' } },
    ]);
    expect(stepReasonIssues('terminate', null)).toHaveLength(1);
    expect(stepReasonIssues('suspend', null)).toEqual([]);
  });
});

describe('the benefit date of a case', () => {
  it('is the application date before 公示, the review start under review, else the stored one', () => {
    const c = activeCase({ reviewStartedOn: '2026-09-10' });
    expect(benefitDateOf({ ...c, status: 'investigating' })).toBe('2026-01-05');
    expect(benefitDateOf({ ...c, status: 'under_review' })).toBe('2026-09-10');
    expect(benefitDateOf(c)).toBe('2026-01-05');
    expect(benefitDateOf({ ...c, benefit: { ...c.benefit, computedForDate: '2026-07-01' } })).toBe(
      '2026-07-01',
    );
  });
});

describe('a standard changed mid-year recomputes the month', () => {
  // Rural 330102: 632 yuan, from July 700. Urban 330102: 800, from July 750 (a revision
  // down). Rural 330103: 600 all year.
  const standards = [
    {
      id: 'r1',
      areaCode: '330102',
      category: 'rural' as const,
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-06-30',
      amountFen: 63200,
    },
    {
      id: 'r2',
      areaCode: '330102',
      category: 'rural' as const,
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
      amountFen: 70000,
    },
    {
      id: 'u1',
      areaCode: '330102',
      category: 'urban' as const,
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-06-30',
      amountFen: 80000,
    },
    {
      id: 'u2',
      areaCode: '330102',
      category: 'urban' as const,
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
      amountFen: 75000,
    },
    {
      id: 'o1',
      areaCode: '330103',
      category: 'rural' as const,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      amountFen: 60000,
    },
  ];
  const ref = { standards, rules: programmeRuleBook([]), settings: defaultOfficeSettings };
  const snap = (
    standardId: string,
    standardFen: number,
    n: number,
    income: number,
    fen: number,
    cls: string,
  ) => ({
    standardId,
    standardFen,
    coveredCount: n,
    countedIncomeFen: income,
    benefitFen: fen,
    classification: cls,
    computedForDate: '2026-03-02',
    parts: [],
  });
  // A: rural, 2 people, 500 yuan: 632×2 − 500 = 764 yuan; from July 700×2 − 500 = 900.
  const a = activeCase({
    id: 'a',
    coveredPersonIds: ['p1', 'p2'],
    income: { ...zeroIncome, wagesFen: 50000 },
    benefit: snap('r1', 63200, 2, 50000, 76400, 'dibao'),
  });
  // B: rural 330103, 1 person, 200 yuan: 600 − 200 = 400 yuan, the same in July.
  const b = activeCase({
    id: 'b',
    areaCode: '330103',
    income: { ...zeroIncome, wagesFen: 20000 },
    benefit: snap('o1', 60000, 1, 20000, 40000, 'dibao'),
  });
  // C: urban, 2 people, 1550 yuan: 800×2 − 1550 = 50 yuan; in July 750×2 = 1500 ≤ 1550
  // ≤ 2250 (1.5 × 1500): 低保边缘, nothing paid.
  const c = activeCase({
    id: 'c',
    category: 'urban',
    coveredPersonIds: ['p1', 'p2'],
    income: { ...zeroIncome, wagesFen: 155000 },
    benefit: snap('u1', 80000, 2, 155000, 5000, 'dibao'),
  });
  // D: terminated in June: not paid in July, not listed.
  const d = activeCase({ id: 'd', status: 'terminated', paymentTo: '2026-06' });

  it('lists one up, one to the edge; counts the unchanged; leaves the unpaid out', () => {
    const { lines, unchangedCount } = recomputeMonth('dibao', '2026-07', [a, b, c, d], ref);
    expect(unchangedCount).toBe(1);
    expect(
      lines.map((l) => [
        l.caseId,
        l.oldBenefit.benefitFen,
        l.newBenefit.benefitFen,
        l.newBenefit.classification,
        l.newBenefit.standardId,
        l.newBenefit.computedForDate,
      ]),
    ).toEqual([
      ['a', 76400, 90000, 'dibao', 'r2', '2026-07-01'],
      ['c', 5000, 0, 'edge', 'u2', '2026-07-01'],
    ]);
    // June, under the old standards: nothing changes.
    expect(recomputeMonth('dibao', '2026-06', [a, b, c], ref).lines).toEqual([]);
  });

  it('a paid case is corrected only by its line of an approved list, never to an older date', () => {
    const { lines } = recomputeMonth('dibao', '2026-07', [a, b, c], ref);
    const list: BenefitRecomputationData = {
      programme: 'dibao',
      month: '2026-07',
      standardNote: '2026年7月起农村低保标准700元、城市750元',
      status: 'approved',
      lines,
      unchangedCount: 1,
      preparedOn: '2026-07-02',
      approvedOn: '2026-07-03',
    };
    const line = lines[0];
    expect(recomputedCorrectionIssues({ benefit: line?.newBenefit }, a, list, 'a')).toEqual([]);
    expect(recomputedCorrectionIssues({ benefit: line?.newBenefit }, a, undefined, 'a')).toEqual([
      { path: 'status', code: 'case.not_editable', params: { status: 'active' } },
    ]);
    expect(
      recomputedCorrectionIssues(
        { benefit: line?.newBenefit },
        a,
        { ...list, status: 'draft' },
        'a',
      ),
    ).toHaveLength(1);
    expect(
      recomputedCorrectionIssues(
        { benefit: { ...line?.newBenefit, benefitFen: 99900 } },
        a,
        list,
        'a',
      ),
    ).toEqual([{ path: 'benefit', code: 'dynamics.recomputation_line_differs' }]);
    expect(recomputedCorrectionIssues({ benefit: line?.newBenefit }, b, list, 'b')).toEqual([
      { path: 'benefit', code: 'dynamics.recomputation_line_missing' },
    ]);
    expect(
      recomputedCorrectionIssues({ benefit: line?.newBenefit, income: zeroIncome }, a, list, 'a'),
    ).toEqual([{ path: 'income', code: 'dynamics.recomputation_field' }]);
    const later = { ...a, benefit: { ...a.benefit, computedForDate: '2026-09-01' } };
    expect(recomputedCorrectionIssues({ benefit: line?.newBenefit }, later, list, 'a')).toEqual([
      { path: 'benefit', code: 'dynamics.recomputation_older', params: { date: '2026-09-01' } },
    ]);
  });
});

describe('a recomputation list is what its checker computes (HQ and the desk before approving)', () => {
  // The same July fixture as above, built again: A up 764 → 900, C to the edge, B unchanged.
  it('the list drawn passes; a raised amount, a missing line, a line twice, a wrong count do not', () => {
    const ref = {
      standards: [
        {
          id: 'r1',
          areaCode: '330102',
          category: 'rural' as const,
          effectiveFrom: '2026-01-01',
          effectiveTo: '2026-06-30',
          amountFen: 63200,
        },
        {
          id: 'r2',
          areaCode: '330102',
          category: 'rural' as const,
          effectiveFrom: '2026-07-01',
          effectiveTo: null,
          amountFen: 70000,
        },
      ],
      rules: programmeRuleBook([]),
      settings: defaultOfficeSettings,
    };
    const old = (id: string, wagesFen: number, fen: number) =>
      activeCase({
        id,
        coveredPersonIds: ['p1', 'p2'],
        income: { ...zeroIncome, wagesFen },
        benefit: {
          standardId: 'r1',
          standardFen: 63200,
          coveredCount: 2,
          countedIncomeFen: wagesFen,
          benefitFen: fen,
          classification: 'dibao',
          computedForDate: '2026-03-02',
          parts: [],
        },
      });
    // A: 632×2 − 500 = 764 → 700×2 − 500 = 900; E: 632×2 − 1000 = 264 → 400.
    const a = old('a', 50000, 76400);
    const e = old('e', 100000, 26400);
    const drawn = recomputeMonth('dibao', '2026-07', [a, e], ref);
    expect(drawn.lines.map((l) => [l.caseId, l.newBenefit.benefitFen])).toEqual([
      ['a', 90000],
      ['e', 40000],
    ]);
    expect(recomputationDiffers(drawn, drawn)).toBe(false);
    // Listed in another order: the same list.
    expect(recomputationDiffers({ ...drawn, lines: [...drawn.lines].reverse() }, drawn)).toBe(
      false,
    );
    const [la, le] = drawn.lines;
    if (!la || !le) throw new Error('lines missing');
    const raised = { ...la, newBenefit: { ...la.newBenefit, benefitFen: 99900 } };
    expect(recomputationDiffers({ ...drawn, lines: [raised, le] }, drawn)).toBe(true);
    expect(recomputationDiffers({ ...drawn, lines: [la] }, drawn)).toBe(true);
    expect(recomputationDiffers({ ...drawn, lines: [la, la] }, drawn)).toBe(true);
    expect(recomputationDiffers({ ...drawn, unchangedCount: 1 }, drawn)).toBe(true);
    const renamed = { ...le, applicantName: '别人' };
    expect(recomputationDiffers({ ...drawn, lines: [la, renamed] }, drawn)).toBe(true);
    const split = { ...la, newBenefit: { ...la.newBenefit, parts: [{ code: 'basic', fen: 1 }] } };
    expect(recomputationDiffers({ ...drawn, lines: [split, le] }, drawn)).toBe(true);
    // A case no longer paid in the month is not a month's benefit to recompute.
    const ended = { ...a, status: 'terminated', paymentTo: '2026-06' };
    const list: BenefitRecomputationData = {
      programme: 'dibao',
      month: '2026-07',
      standardNote: '2026年7月起农村低保标准700元',
      status: 'approved',
      ...drawn,
      preparedOn: '2026-07-02',
      approvedOn: '2026-07-03',
    };
    expect(recomputedCorrectionIssues({ benefit: la.newBenefit }, ended, list, 'a')).toEqual([
      { path: 'benefit', code: 'dynamics.recomputation_not_paid', params: { month: '2026-07' } },
    ]);
  });
});

describe('a successor case', () => {
  const successor = { previousCaseId: 'old', programme: 'dibao', householdId: 'h' };
  const previous = { programme: 'dibao', householdId: 'h', status: 'terminated' };
  it('names a case of the household closed for the head changing or dying', () => {
    expect(successorIssues(successor, { previous, closedFor: 'head_died' })).toEqual([]);
    expect(successorIssues(successor, { previous, closedFor: 'head_changed' })).toEqual([]);
    expect(
      successorIssues(
        { ...successor, previousCaseId: null },
        { previous: undefined, closedFor: undefined },
      ),
    ).toEqual([]);
    const code = (facts: Parameters<typeof successorIssues>[1]) =>
      successorIssues(successor, facts).map((e) => e.code);
    expect(code({ previous: undefined, closedFor: undefined })).toEqual([
      'dynamics.previous_unknown',
    ]);
    expect(code({ previous: { ...previous, householdId: 'x' }, closedFor: 'head_died' })).toEqual([
      'dynamics.previous_other_household',
    ]);
    expect(code({ previous, closedFor: 'moved_away' })).toEqual([
      'dynamics.previous_not_closed_for_succession',
    ]);
    expect(code({ previous, closedFor: undefined })).toEqual([
      'dynamics.previous_not_closed_for_succession',
    ]);
    expect(code({ previous: { ...previous, status: 'active' }, closedFor: 'head_died' })).toEqual([
      'dynamics.previous_not_closed_for_succession',
    ]);
  });
});
