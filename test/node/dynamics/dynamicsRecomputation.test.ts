import { describe, expect, it } from 'vitest';
import {
  recomputedCorrectionIssues,
  recomputeMonth,
  type BenefitRecomputationData,
} from '@shared/dynamics/recomputation';
import { recomputationDiffers } from '@shared/dynamics/recomputationCheck';
import { defaultOfficeSettings } from '@shared/domain/settings';
import { programmeRuleBook } from '@shared/programmes/registry';
import { activeCase, zeroIncome } from './dynamicsFixtures';

/** Hand-worked recomputation of 动态管理: a standard changed mid-year, and the list HQ checks. */

/**
 * Rural 330102: 632 yuan, from July 700. Urban 330102: 800, from July 750 (a revision
 * down). Rural 330103: 600 all year.
 */
const midYearStandards = [
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

describe('a standard changed mid-year recomputes the month', () => {
  const ref = {
    standards: midYearStandards,
    rules: programmeRuleBook([]),
    settings: defaultOfficeSettings,
  };
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
  // The July fixture above, rural 330102 only: A up 764 → 900, E up 264 → 400.
  it('the list drawn passes; a raised amount, a missing line, a line twice, a wrong count do not', () => {
    const ref = {
      standards: midYearStandards.filter((st) => st.id === 'r1' || st.id === 'r2'),
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
