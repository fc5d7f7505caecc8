import { noStepDates, type AssistanceCaseData } from '@shared/domain/assistanceCase';
import { defaultOfficeSettings } from '@shared/domain/settings';
import { programmeRuleBook } from '@shared/programmes/registry';
import type { ProgrammeRuleData } from '@shared/programmes/ruleBook';
import type { CalcReference } from '@shared/programmes/types';

/**
 * Hand-worked roll fixtures. Area 330102. 低保 standards: rural 700.00 yuan to June 2026,
 * 750.00 from July 2026 (a standard changed mid-year); urban 800.00 all year. Amounts
 * S×N−I in fen, no minimum payment, rounding to the fen.
 */
export const area = '330102';

export const standards = [
  {
    id: 'std-rural-h1',
    areaCode: area,
    category: 'rural' as const,
    effectiveFrom: '2026-01-01',
    effectiveTo: '2026-06-30',
    amountFen: 70_000,
    source: 'hq' as const,
  },
  {
    id: 'std-rural-h2',
    areaCode: area,
    category: 'rural' as const,
    effectiveFrom: '2026-07-01',
    effectiveTo: null,
    amountFen: 75_000,
    source: 'hq' as const,
  },
  {
    id: 'std-urban',
    areaCode: area,
    category: 'urban' as const,
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    amountFen: 80_000,
    source: 'hq' as const,
  },
];

/** rolls.maxLineFen published at 1,000.00 yuan from 2026-07-01 (the sample before). */
export const ruleRecords: Omit<ProgrammeRuleData, 'note'>[] = [
  {
    key: 'rolls.maxLineFen',
    areaCode: null,
    effectiveFrom: '2026-07-01',
    effectiveTo: null,
    value: 100_000,
    source: 'hq',
  },
];

export const reference: CalcReference = {
  standards,
  rules: programmeRuleBook(ruleRecords),
  settings: {
    minPaymentPercentOfStandard: defaultOfficeSettings.minPaymentPercentOfStandard,
    rounding: defaultOfficeSettings.rounding,
    edgeMultiplierPermille: defaultOfficeSettings.edgeMultiplierPermille,
    assetLimitMonthsOfStandard: defaultOfficeSettings.assetLimitMonthsOfStandard,
  },
};

/** A case of `programme` covering `persons` (the first applies), income as wages. */
export function rollCase(
  over: Partial<AssistanceCaseData> & {
    persons: string[];
    wagesFen: number;
    household: string;
  },
): AssistanceCaseData {
  const { persons, wagesFen, household, ...rest } = over;
  return {
    programme: 'dibao',
    householdId: household,
    applicantPersonId: persons[0] ?? 'x',
    applicantName: `name-${persons[0] ?? 'x'}`,
    category: 'rural',
    areaCode: area,
    coveredPersonIds: persons,
    income: { wagesFen, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-01-05',
    benefit: {
      standardId: null,
      standardFen: 0,
      coveredCount: persons.length,
      countedIncomeFen: 0,
      benefitFen: 0,
      classification: 'dibao',
      computedForDate: '2026-01-05',
      parts: [],
    },
    status: 'active',
    statusChangedAt: '2026-01-20T01:00:00.000Z',
    ...noStepDates,
    decidedOn: '2026-01-20',
    paymentFrom: '2026-02',
    programmeFacts: {},
    previousCaseId: null,
    searchTokens: [],
    ...rest,
  };
}
