import {
  createDibaoCase,
  transitionCase,
  type AssistanceCase,
} from '../../../renderer/src/db/repositories/cases';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { seedSampleReferenceData } from '../../../renderer/src/db/repositories/reference';
import { write } from '../../../renderer/src/db/writePath';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { openTestDesk, testOfficeId, threeMemberHousehold } from '../../fakes/deskFixtures';

/**
 * A desk of the 动态管理 tests with one 低保 case walked to 'active' (the county has
 * delegated confirmation to the office, as HQ publishes it): applied 2026-03-02,
 * confirmed 2026-04-01, paid from 2026-05, first review due 2027-04-01.
 */
export async function deskWithActiveCase() {
  const desk = await openTestDesk();
  await seedSampleReferenceData(desk.db, desk.ctx, '330102');
  const rural = (await desk.db.benefitStandards.toArray()).find((s) => s.category === 'rural');
  await write(desk.db, desk.ctx, (w) =>
    w.update('benefitStandard', rural?.id ?? '', rural?.version ?? 0, { amountFen: 63200 }),
  );
  // The county's delegation, as pulled from HQ (reference data a desk never writes).
  await desk.db.delegations.put({
    id: 'delegation-1',
    office: testOfficeId,
    confirmationDelegated: true,
    effectiveFrom: '2026-01-01',
    note: '',
  } as never);
  const { household, members } = await registerHousehold(
    desk.db,
    desk.ctx,
    threeMemberHousehold('rural'),
  );
  const supervisor = desk.as('supervisor');
  const at = (ctx: WriteContext, day: string): WriteContext => {
    let clock = new Date(`${day}T09:00:00+08:00`).getTime();
    return { ...ctx, now: () => new Date((clock += 1000)) };
  };
  let c: AssistanceCase = await createDibaoCase(desk.db, desk.ctx, {
    householdId: household.id,
    applicantPersonId: household.headPersonId,
    applicantName: household.headName,
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: members.map((m) => m.person.id),
    income: { wagesFen: 150000, businessFen: 0, propertyFen: 0, transferFen: 39400 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: '2026-03-02',
  });
  const steps: [string, WriteContext, string][] = [
    ['submit', desk.ctx, '2026-03-02'],
    ['accept', desk.ctx, '2026-03-03'],
    ['start_investigation', desk.ctx, '2026-03-03'],
    ['record_opinion', supervisor, '2026-03-10'],
    ['start_notice', supervisor, '2026-03-10'],
    ['confirm_at_township', supervisor, '2026-04-01'],
    ['start_payment', supervisor, '2026-04-02'],
  ];
  for (const [action, ctx, day] of steps) {
    c = await transitionCase(desk.db, at(ctx, day), c.id, c.version, {
      action,
      opinion: `${action} 意见`,
    });
  }
  return { ...desk, supervisor, at, household, members, activeCase: c };
}
