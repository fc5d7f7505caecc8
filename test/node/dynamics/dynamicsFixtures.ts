import { buildCalendar, sampleCalendarYears } from '@shared/calendar/workingDays';
import { noStepDates, type AssistanceCaseData } from '@shared/domain/assistanceCase';
import { programmeRuleBook } from '@shared/programmes/registry';
import type { ProgrammeRuleData } from '@shared/programmes/ruleBook';

/** What the hand-worked 动态管理 tests share: a rule, the step environment, an active case. */
export const rule = (key: string, value: number, effectiveFrom = '2020-01-01') =>
  ({ key, areaCode: null, effectiveFrom, effectiveTo: null, value, source: 'hq' }) as Omit<
    ProgrammeRuleData,
    'note'
  >;

export const env = (today: string, rules = programmeRuleBook([])) => ({
  today,
  calendar: buildCalendar(sampleCalendarYears),
  settings: { decisionLimitWorkingDays: 30, noticeWorkingDays: 7 },
  confirmationDelegated: true,
  rules,
});

export const zeroIncome = { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 };

export function activeCase(
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
