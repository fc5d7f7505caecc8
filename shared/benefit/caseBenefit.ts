import type { AssetsData, BenefitSnapshot, MonthlyIncomeData } from '../domain/assistanceCase';
import type { UrbanRural } from '../domain/common';
import type { OfficeSettings } from '../domain/settings';
import { computeDibaoBenefit, findStandardInForce, type StandardPeriod } from './dibaoBenefit';

export interface CaseBenefitInput {
  areaCode: string;
  category: UrbanRural;
  coveredCount: number;
  income: MonthlyIncomeData;
  deductionsFen: number;
  financialAssetsFen: number;
  /** The date whose standard applies (the application date). */
  date: string;
}

/** The facts of a 低保 application the benefit depends on. */
export interface DibaoApplicationFacts {
  areaCode: string;
  category: UrbanRural;
  coveredPersonIds: readonly string[];
  income: MonthlyIncomeData;
  deductionsFen: number;
  assets: Pick<AssetsData, 'depositsFen' | 'securitiesFen'>;
  applicationDate: string;
}

export function benefitInputOf(application: DibaoApplicationFacts): CaseBenefitInput {
  return {
    areaCode: application.areaCode,
    category: application.category,
    coveredCount: application.coveredPersonIds.length,
    income: application.income,
    deductionsFen: application.deductionsFen,
    financialAssetsFen: application.assets.depositsFen + application.assets.securitiesFen,
    date: application.applicationDate,
  };
}

/** The office's rules the benefit depends on. */
export type BenefitRules = Pick<
  OfficeSettings,
  | 'minPaymentPercentOfStandard'
  | 'rounding'
  | 'edgeMultiplierPermille'
  | 'assetLimitMonthsOfStandard'
>;

/**
 * The benefit snapshot a case stores, computed with the standard in force for its
 * area, category and date. The live form and the saved case use this same function,
 * so what the registrar sees is what is saved.
 */
export function computeCaseBenefit<T extends StandardPeriod & { id: string; amountFen: number }>(
  input: CaseBenefitInput,
  standards: T[],
  rules: BenefitRules,
): BenefitSnapshot {
  const standard = findStandardInForce(standards, input.areaCode, input.category, input.date);
  if (!standard || input.coveredCount < 1) {
    return {
      standardId: standard?.id ?? null,
      standardFen: standard?.amountFen ?? 0,
      coveredCount: input.coveredCount,
      countedIncomeFen: 0,
      benefitFen: 0,
      classification: 'no_standard',
      computedForDate: input.date,
      parts: [],
    };
  }
  const result = computeDibaoBenefit(
    {
      standardFen: standard.amountFen,
      coveredCount: input.coveredCount,
      income: input.income,
      deductionsFen: input.deductionsFen,
      financialAssetsFen: input.financialAssetsFen,
    },
    rules,
  );
  return {
    standardId: standard.id,
    standardFen: standard.amountFen,
    coveredCount: input.coveredCount,
    countedIncomeFen: result.countedIncomeFen,
    benefitFen: result.benefitFen,
    classification: result.classification,
    computedForDate: input.date,
    parts: [],
  };
}
