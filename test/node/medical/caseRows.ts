import { noStepDates, type AssistanceCaseData } from '@shared/domain/assistanceCase';
import type { CaseRow } from '@shared/medical/derive';

/** A case as the medical derivation reads it: only programme, members, status and dates matter. */
export function caseRow(id: string, patch: Partial<AssistanceCaseData>): CaseRow {
  return {
    id,
    data: {
      programme: 'dibao',
      householdId: `h-${id}`,
      applicantPersonId: 'p1',
      applicantName: '张三',
      category: 'rural',
      areaCode: '330102',
      coveredPersonIds: ['p1'],
      income: { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 },
      deductionsFen: 0,
      assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
      applicationDate: '2026-01-05',
      benefit: {
        standardId: 's1',
        standardFen: 63200,
        coveredCount: 1,
        countedIncomeFen: 0,
        benefitFen: 63200,
        classification: 'dibao',
        computedForDate: '2026-01-05',
        parts: [],
      },
      status: 'active',
      statusChangedAt: '2026-02-20T02:00:00.000Z',
      ...noStepDates,
      programmeFacts: {},
      previousCaseId: null,
      searchTokens: [],
      ...patch,
    },
  };
}
