import type { AssistanceCaseData } from '@shared/domain/assistanceCase';
import { noStepDates } from '@shared/domain/assistanceCase';
import type { TemporaryFacts } from '@shared/programmes/temporary/facts';

/** The county's rural standard S of the tests: 632 元 a month. */
export const ruralStandard = {
  id: 'std-rural',
  areaCode: '330102',
  category: 'rural' as const,
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  amountFen: 63200,
};

export const benefitRules = {
  minPaymentPercentOfStandard: 0,
  rounding: 'fen' as const,
  edgeMultiplierPermille: 1500,
  assetLimitMonthsOfStandard: 24,
};

export function fireFacts(over: Partial<TemporaryFacts> = {}): TemporaryFacts {
  return {
    kind: 'emergency',
    cause: 'fire',
    eventDate: '2026-03-01',
    description: '住房失火，衣被全毁',
    spendingFen: 0,
    proposedFen: 150000,
    medicalCostFen: null,
    medicalReference: '',
    repeatReason: '',
    ...over,
  };
}

/** A 临时救助 case of household h1 (two covered members), as a step or check reads it. */
export function temporaryCase(
  over: Partial<AssistanceCaseData> & { id?: string } = {},
): AssistanceCaseData & { id: string } {
  return {
    id: 'case-1',
    programme: 'temporary',
    householdId: 'h1',
    applicantPersonId: 'p1',
    applicantName: '张三',
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: ['p1', 'p2'],
    income: { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-03-02',
    benefit: {
      standardId: 'std-rural',
      standardFen: 63200,
      coveredCount: 2,
      countedIncomeFen: 0,
      benefitFen: 150000,
      classification: 'tier2',
      computedForDate: '2026-03-02',
      parts: [],
    },
    status: 'draft',
    statusChangedAt: '2026-03-02T01:00:00.000Z',
    ...noStepDates,
    programmeFacts: fireFacts(),
    previousCaseId: null,
    searchTokens: [],
    ...over,
  };
}
