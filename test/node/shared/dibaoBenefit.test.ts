import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import {
  computeDibaoBenefit,
  defaultDibaoRules,
  findStandardInForce,
  type DibaoInput,
  type DibaoRules,
} from '@shared/benefit/dibaoBenefit';

const rules: DibaoRules = {
  minPaymentPercentOfStandard: 0,
  rounding: 'fen',
  edgeMultiplierPermille: 1500,
  assetLimitMonthsOfStandard: 24,
};

function input(incomeYuan: number, extra: Partial<DibaoInput> = {}): DibaoInput {
  return {
    standardFen: 63200,
    coveredCount: 3,
    income: { wagesFen: incomeYuan * 100, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    financialAssetsFen: 0,
    ...extra,
  };
}

describe('computeDibaoBenefit', () => {
  it('632 yuan × 3 − 1894 yuan is exactly 200 fen', () => {
    const result = computeDibaoBenefit(input(1894), rules);
    expect(result).toEqual({
      grossIncomeFen: 189400,
      countedIncomeFen: 189400,
      thresholdFen: 189600,
      gapFen: 200,
      benefitFen: 200,
      classification: 'dibao',
      perCapitaIncomeFen: 63133,
      minPaymentApplied: false,
    });
  });

  it('sums all income kinds and subtracts deductions, never below zero', () => {
    const result = computeDibaoBenefit(
      input(0, {
        income: { wagesFen: 50000, businessFen: 20000, propertyFen: 3000, transferFen: 7000 },
        deductionsFen: 30000,
      }),
      rules,
    );
    expect(result.grossIncomeFen).toBe(80000);
    expect(result.countedIncomeFen).toBe(50000);
    expect(result.benefitFen).toBe(189600 - 50000);
    const zero = computeDibaoBenefit(input(100, { deductionsFen: 50000 }), rules);
    expect(zero.countedIncomeFen).toBe(0);
    expect(zero.benefitFen).toBe(189600);
  });

  it('raises a small gap to the minimum payment', () => {
    const withMin = { ...rules, minPaymentPercentOfStandard: 20 };
    const small = computeDibaoBenefit(input(1894), withMin);
    expect(small.benefitFen).toBe(12640); // 20 % of 632 yuan
    expect(small.minPaymentApplied).toBe(true);
    const large = computeDibaoBenefit(input(1000), withMin);
    expect(large.benefitFen).toBe(89600);
    expect(large.minPaymentApplied).toBe(false);
  });

  it('rounds the monthly amount by rule', () => {
    const gap = (rounding: DibaoRules['rounding']) =>
      computeDibaoBenefit(input(0, { income: { ...input(0).income, wagesFen: 189450 } }), {
        ...rules,
        rounding,
      }).benefitFen; // gap 150 fen
    expect(gap('fen')).toBe(150);
    expect(gap('yuan_down')).toBe(100);
    expect(gap('yuan_nearest')).toBe(200);
    expect(gap('yuan_up')).toBe(200);
    const nearest = computeDibaoBenefit(
      input(0, { income: { ...input(0).income, wagesFen: 189551 } }),
      { ...rules, rounding: 'yuan_nearest' },
    );
    expect(nearest.benefitFen).toBe(0); // 49 fen rounds down
  });

  it('classifies at the exact boundaries', () => {
    const at = (fen: number) =>
      computeDibaoBenefit(input(0, { income: { ...input(0).income, wagesFen: fen } }), rules)
        .classification;
    expect(at(189599)).toBe('dibao');
    expect(at(189600)).toBe('edge'); // exactly S × N: no gap
    expect(at(284400)).toBe('edge'); // exactly 1.5 × S × N
    expect(at(284401)).toBe('above');
  });

  it('fails the asset test for 低保 and 低保边缘 alike', () => {
    const limit = 63200 * 24 * 3;
    expect(computeDibaoBenefit(input(1000, { financialAssetsFen: limit }), rules)).toMatchObject({
      classification: 'dibao',
    });
    const over = computeDibaoBenefit(input(1000, { financialAssetsFen: limit + 1 }), rules);
    expect(over).toMatchObject({ classification: 'assets_exceed', benefitFen: 0, gapFen: 89600 });
    const edgeOver = computeDibaoBenefit(input(2000, { financialAssetsFen: limit + 1 }), rules);
    expect(edgeOver.classification).toBe('assets_exceed');
    const aboveRich = computeDibaoBenefit(input(5000, { financialAssetsFen: limit + 1 }), rules);
    expect(aboveRich.classification).toBe('above');
  });

  it('validates its input with field errors', () => {
    let caught: unknown;
    try {
      computeDibaoBenefit(
        input(0, { coveredCount: 0, standardFen: 1.5, deductionsFen: -1 }),
        defaultDibaoRules,
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('validation');
    expect((caught as AppError).fieldErrors.map((e) => e.path)).toEqual([
      'coveredCount',
      'standardFen',
      'deductionsFen',
    ]);
  });
});

describe('findStandardInForce', () => {
  const standards = [
    {
      id: 'a',
      areaCode: '320102',
      category: 'urban',
      effectiveFrom: '2025-01-01',
      effectiveTo: '2025-12-31',
    },
    {
      id: 'b',
      areaCode: '320102',
      category: 'urban',
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
    },
    {
      id: 'c',
      areaCode: '320102',
      category: 'urban',
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
    },
    {
      id: 'r',
      areaCode: '320102',
      category: 'rural',
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
    },
    {
      id: 'x',
      areaCode: '320103',
      category: 'urban',
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
    },
  ] as const satisfies readonly {
    id: string;
    areaCode: string;
    category: 'urban' | 'rural';
    effectiveFrom: string;
    effectiveTo: string | null;
  }[];
  const find = (date: string, category: 'urban' | 'rural' = 'urban') =>
    findStandardInForce(standards, '320102', category, date)?.id;

  it('picks the period containing the date, inclusive at both ends', () => {
    expect(find('2024-12-31')).toBeUndefined();
    expect(find('2025-01-01')).toBe('a');
    expect(find('2025-12-31')).toBe('a');
    expect(find('2026-01-01')).toBe('b');
    expect(find('2026-06-30')).toBe('b');
  });

  it('lets the latest effectiveFrom win over an open-ended older one', () => {
    expect(find('2026-07-01')).toBe('c');
    expect(find('2030-01-01')).toBe('c');
  });

  it('matches area and category', () => {
    expect(find('2026-03-01', 'rural')).toBe('r');
    expect(findStandardInForce(standards, '999999', 'urban', '2026-03-01')).toBeUndefined();
  });
});

describe('findStandardInForce on the same start date', () => {
  it('prefers what HQ published over a local edit over a sample value', () => {
    const period = {
      areaCode: '330102',
      category: 'rural' as const,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
    };
    const sample = { ...period, id: 's', source: 'sample' as const };
    const local = { ...period, id: 'l', source: 'local' as const };
    const hq = { ...period, id: 'h', source: 'hq' as const };
    expect(findStandardInForce([sample, local], '330102', 'rural', '2026-05-01')?.id).toBe('l');
    expect(findStandardInForce([hq, sample, local], '330102', 'rural', '2026-05-01')?.id).toBe('h');
  });
});
