/** Records as the desk stores them, for the paper builders (hand-built, no store needed). */
import { noStepDates } from '@shared/domain/assistanceCase';
import type { PaperCase, PaperEvent, PaperHousehold, PaperPerson } from '@shared/papers/types';
import { residentId } from '../../fakes/deskFixtures';

export const office = { officeName: '城关镇民政办' };

export function person(id: string, name: string, birth: string, seq = '013'): PaperPerson {
  return {
    id,
    name,
    idType: 'resident',
    idNumber: residentId('330102', birth, seq),
    sex: Number(seq) % 2 === 1 ? 'male' : 'female',
    birthDate: birth,
    workCapacity: 'partial',
  };
}

export function household(
  id: string,
  head: PaperPerson,
  village: string,
  others: { personId: string; relation: PaperHousehold['members'][number]['relation'] }[] = [],
): PaperHousehold {
  return {
    id,
    headPersonId: head.id,
    headName: head.name,
    villageName: village,
    address: `${village}3组12号`,
    members: [{ personId: head.id, relation: 'self' }, ...others],
  };
}

export function aCase(id: string, over: Partial<PaperCase> = {}): PaperCase {
  return {
    id,
    programme: 'dibao',
    householdId: 'h1',
    applicantPersonId: 'p1',
    applicantName: '张三丰',
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: ['p1'],
    income: { wagesFen: 50_000, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-11-02',
    benefit: {
      standardId: 's1',
      standardFen: 63_200,
      coveredCount: 1,
      countedIncomeFen: 50_000,
      benefitFen: 13_200,
      classification: 'dibao',
      computedForDate: '2026-11-02',
      parts: [],
    },
    status: 'public_notice',
    statusChangedAt: '2026-11-20T01:00:00.000Z',
    ...noStepDates,
    noticeStartedOn: '2026-11-20',
    noticeEnd: '2026-11-27',
    programmeFacts: {},
    previousCaseId: null,
    searchTokens: [],
    ...over,
  };
}

export function step(
  action: string,
  from: string,
  to: string,
  at: string,
  over: Partial<PaperEvent> = {},
): PaperEvent {
  return {
    action,
    from,
    to,
    actorName: '李主管',
    actorRole: 'supervisor',
    at,
    opinion: '',
    reason: '',
    ...over,
  };
}
