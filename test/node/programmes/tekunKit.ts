import { defaultOfficeSettings } from '@shared/domain/settings';
import { noStepDates, type AssistanceCaseData } from '@shared/domain/assistanceCase';
import { programmeRuleBook } from '@shared/programmes/registry';
import type { ProgrammeRuleData } from '@shared/programmes/ruleBook';
import type { CalcReference } from '@shared/programmes/types';

/** A 特困 case of one elderly person living at home, with six items as given. */
export function tekunCase(
  unable: readonly string[] = [],
  over: Partial<AssistanceCaseData> = {},
  facts: Record<string, unknown> = {},
): AssistanceCaseData {
  const items = Object.fromEntries(
    ['eating', 'dressing', 'bedTransfer', 'toileting', 'indoorWalking', 'bathing'].map((i) => [
      i,
      unable.includes(i) ? 'unable' : 'able',
    ]),
  );
  return {
    programme: 'tekun',
    householdId: 'h1',
    applicantPersonId: 'p1',
    applicantName: '王秀英',
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: ['p1'],
    income: { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-03-02',
    benefit: {
      standardId: null,
      standardFen: 0,
      coveredCount: 1,
      countedIncomeFen: 0,
      benefitFen: 0,
      classification: 'no_standard',
      computedForDate: '2026-03-02',
      parts: [],
    },
    status: 'draft',
    statusChangedAt: '2026-03-02T01:00:00.000Z',
    ...noStepDates,
    programmeFacts: {
      basis: 'elderly',
      noWorkCapacity: true,
      noIncomeSource: true,
      supporter: { status: 'none', note: '' },
      selfCare: { assessedOn: '2026-03-02', items, level: 'able' },
      support: {
        form: 'home',
        carerName: '李桂兰',
        carerPhone: '13912345678',
        agreementDate: '2026-03-01',
      },
      ...facts,
    },
    previousCaseId: null,
    searchTokens: [],
    ...over,
  };
}

export const standard = (
  id: string,
  amountFen: number,
  effectiveFrom: string,
  effectiveTo: string | null = null,
) => ({
  id,
  areaCode: '330102',
  category: 'rural' as const,
  amountFen,
  effectiveFrom,
  effectiveTo,
  source: 'hq' as const,
});

export const rule = (
  key: string,
  value: number,
  effectiveFrom: string,
  effectiveTo: string | null = null,
): Omit<ProgrammeRuleData, 'note'> => ({
  key,
  value,
  effectiveFrom,
  effectiveTo,
  areaCode: null,
  source: 'hq',
});

export function reference(
  standards: CalcReference['standards'],
  rules: Omit<ProgrammeRuleData, 'note'>[] = [],
): CalcReference {
  return { standards, rules: programmeRuleBook(rules), settings: defaultOfficeSettings };
}
