/**
 * 低保 benefit (补差): S × N − I in integer fen, where S is the monthly standard, N the
 * covered members and I the household's counted monthly income. Classification uses
 * exact integer comparisons against S × N, never a rounded per-capita figure, so
 * 632 × 3 − 1894 yuan is exactly 2 yuan. Every number here is local configuration.
 */
import { AppError, type FieldError } from '../errors/appError';

export interface DibaoRules {
  /** Minimum payment as a percentage of S when 0 < gap < minimum; 0 = none. */
  minPaymentPercentOfStandard: number;
  /** How the monthly amount is rounded after the minimum is applied. */
  rounding: 'fen' | 'yuan_down' | 'yuan_nearest' | 'yuan_up';
  /** Upper edge of 低保边缘 in per-mille of S × N: 1500 = 1.5 × S per person. */
  edgeMultiplierPermille: number;
  /** Financial assets allowed per covered person, in months of S. */
  assetLimitMonthsOfStandard: number;
}

/** Sample defaults; each county configures its own. */
export const defaultDibaoRules: DibaoRules = {
  minPaymentPercentOfStandard: 0,
  rounding: 'fen',
  edgeMultiplierPermille: 1500,
  assetLimitMonthsOfStandard: 24,
};

/** Net monthly amounts (business, property and transfer income are net figures). */
export interface MonthlyIncome {
  wagesFen: number;
  businessFen: number;
  propertyFen: number;
  transferFen: number;
}

export interface DibaoInput {
  standardFen: number;
  coveredCount: number;
  income: MonthlyIncome;
  /** Deductible rigid expenses and work costs, monthly. */
  deductionsFen: number;
  financialAssetsFen: number;
}

/**
 * dibao: counted < S×N, assets pass. edge (低保边缘): S×N ≤ counted ≤ S×N×edge, assets
 * pass. assets_exceed: counted ≤ S×N×edge but assets fail. above: counted > S×N×edge.
 */
export type DibaoClassification = 'dibao' | 'edge' | 'above' | 'assets_exceed';

export interface DibaoResult {
  grossIncomeFen: number;
  /** max(0, gross − deductions). */
  countedIncomeFen: number;
  /** S × N. */
  thresholdFen: number;
  /** max(0, S × N − counted). */
  gapFen: number;
  benefitFen: number;
  classification: DibaoClassification;
  /** floor(counted / N): for display only, never for decisions. */
  perCapitaIncomeFen: number;
  minPaymentApplied: boolean;
}

function validateInput(input: DibaoInput): void {
  const errors: FieldError[] = [];
  const fen = (value: number, path: string) => {
    if (!Number.isSafeInteger(value) || value < 0) errors.push({ path, code: 'money.fen' });
  };
  if (!Number.isSafeInteger(input.coveredCount) || input.coveredCount < 1) {
    errors.push({ path: 'coveredCount', code: 'number.min', params: { min: 1 } });
  }
  fen(input.standardFen, 'standardFen');
  fen(input.income.wagesFen, 'income.wagesFen');
  fen(input.income.businessFen, 'income.businessFen');
  fen(input.income.propertyFen, 'income.propertyFen');
  fen(input.income.transferFen, 'income.transferFen');
  fen(input.deductionsFen, 'deductionsFen');
  fen(input.financialAssetsFen, 'financialAssetsFen');
  if (errors.length > 0) {
    throw new AppError({ code: 'validation', message: 'Invalid 低保 input.', fieldErrors: errors });
  }
}

function roundFen(fen: number, rounding: DibaoRules['rounding']): number {
  switch (rounding) {
    case 'fen':
      return fen;
    case 'yuan_down':
      return Math.floor(fen / 100) * 100;
    case 'yuan_up':
      return Math.ceil(fen / 100) * 100;
    case 'yuan_nearest':
      // Half a yuan rounds up (四舍五入); fen is non-negative here.
      return Math.floor((fen + 50) / 100) * 100;
  }
}

export function computeDibaoBenefit(input: DibaoInput, rules: DibaoRules): DibaoResult {
  validateInput(input);
  const { standardFen: s, coveredCount: n, income } = input;
  const grossIncomeFen =
    income.wagesFen + income.businessFen + income.propertyFen + income.transferFen;
  const countedIncomeFen = Math.max(0, grossIncomeFen - input.deductionsFen);
  const thresholdFen = s * n;
  const gapFen = Math.max(0, thresholdFen - countedIncomeFen);
  const perCapitaIncomeFen = Math.floor(countedIncomeFen / n);
  const base = { grossIncomeFen, countedIncomeFen, thresholdFen, gapFen, perCapitaIncomeFen };

  // Assets are tested for both 低保 and 低保边缘 (domain: "S to 1.5×S with assets
  // passing"); a household failing the asset test is neither.
  const assetLimitFen = s * rules.assetLimitMonthsOfStandard * n;
  const assetsPass = input.financialAssetsFen <= assetLimitFen;
  const none = { benefitFen: 0, minPaymentApplied: false };

  if (countedIncomeFen >= thresholdFen) {
    // counted ≤ S×N×m/1000, compared without division so no rounding creeps in.
    const inEdge = countedIncomeFen * 1000 <= thresholdFen * rules.edgeMultiplierPermille;
    if (!inEdge) return { ...base, ...none, classification: 'above' };
    return { ...base, ...none, classification: assetsPass ? 'edge' : 'assets_exceed' };
  }
  if (!assetsPass) return { ...base, ...none, classification: 'assets_exceed' };

  // Minimum payment: ceil(S × percent / 100) so it never falls below the rule.
  const minFen = Math.ceil((s * rules.minPaymentPercentOfStandard) / 100);
  const minPaymentApplied = gapFen > 0 && gapFen < minFen;
  const raw = minPaymentApplied ? minFen : gapFen;
  return {
    ...base,
    benefitFen: roundFen(raw, rules.rounding),
    classification: 'dibao',
    minPaymentApplied,
  };
}

export interface StandardPeriod {
  areaCode: string;
  category: 'urban' | 'rural';
  effectiveFrom: string;
  effectiveTo: string | null;
  /** Who set it; on the same start date the county's word beats local and sample values. */
  source?: 'sample' | 'local' | 'hq';
}

const sourceRank = { sample: 0, local: 1, hq: 2 } as const;
const rankOf = (s: StandardPeriod) => sourceRank[s.source ?? 'local'];

/**
 * The standard in force for an area and category on `date`: effectiveFrom ≤ date ≤
 * effectiveTo (null = open-ended). When periods overlap, the latest effectiveFrom
 * wins, so a newly published standard supersedes an old open-ended one; on the same
 * start date a standard HQ published beats a local edit, which beats a sample value.
 */
export function findStandardInForce<T extends StandardPeriod>(
  standards: readonly T[],
  areaCode: string,
  category: 'urban' | 'rural',
  date: string,
): T | undefined {
  let best: T | undefined;
  for (const standard of standards) {
    if (standard.areaCode !== areaCode || standard.category !== category) continue;
    if (standard.effectiveFrom > date) continue;
    if (standard.effectiveTo !== null && standard.effectiveTo < date) continue;
    if (
      best === undefined ||
      standard.effectiveFrom > best.effectiveFrom ||
      (standard.effectiveFrom === best.effectiveFrom && rankOf(standard) > rankOf(best))
    ) {
      best = standard;
    }
  }
  return best;
}
