import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors/appError';
import { createCase, transitionCase } from '../../../renderer/src/db/repositories/cases';
import { registerHousehold } from '../../../renderer/src/db/repositories/households';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { registerResident } from '../../../renderer/src/db/repositories/elderlyCare/residents';
import { seedSampleReferenceData } from '../../../renderer/src/db/repositories/reference';
import {
  residentPlace,
  tekunApplicantFacts,
} from '../../../renderer/src/db/repositories/tekunApplicant';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';
import { smallHome } from '../elderlyCare/elderlyFixtures';

/**
 * 特困 at the desk, on fake-indexeddb: the write path saves a case with the amount its
 * module computes and refuses one covering more than its applicant; the form's lookup
 * reads the applicant's own resident record and bed from elderly care (one person, one
 * truth) and sees a discharge.
 */
async function deskWithElder() {
  const desk = await openTestDesk();
  await seedSampleReferenceData(desk.db, desk.ctx, '330102');
  const { household, members } = await registerHousehold(
    desk.db,
    desk.ctx,
    threeMemberHousehold('rural'),
  );
  return { ...desk, household, members };
}

const facts = (support: Record<string, unknown>) => ({
  basis: 'elderly',
  noWorkCapacity: true,
  noIncomeSource: true,
  supporter: { status: 'none', note: '' },
  selfCare: {
    assessedOn: '2026-03-01',
    items: {
      eating: 'unable',
      dressing: 'able',
      bedTransfer: 'able',
      toileting: 'able',
      indoorWalking: 'able',
      bathing: 'unable',
    },
    level: 'partly',
  },
  support,
});

describe('特困 at the desk', () => {
  it('saves the amount the module computes, and refuses a case covering the household', async () => {
    const desk = await deskWithElder();
    const head = desk.household.headPersonId;
    const input = {
      programme: 'tekun' as const,
      programmeFacts: facts({
        form: 'home',
        carerName: '李桂兰',
        carerPhone: '13912345678',
        agreementDate: '2026-02-20',
      }),
      householdId: desk.household.id,
      applicantPersonId: head,
      applicantName: desk.household.headName,
      category: 'rural' as const,
      areaCode: '330102',
      coveredPersonIds: [head],
      income: { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 },
      deductionsFen: 0,
      assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
      applicationDate: '2026-03-02',
    };
    const saved = await createCase(desk.db, desk.ctx, input);
    // Sample standard 632.00: 821.60 basic + 300.00 care (部分丧失, sample).
    expect(saved.benefit).toMatchObject({
      classification: 'tekun',
      benefitFen: 112_160,
      parts: [
        { code: 'basic', fen: 82_160 },
        { code: 'care', fen: 30_000 },
      ],
    });
    const submitted = await transitionCase(desk.db, desk.ctx, saved.id, saved.version, {
      action: 'submit',
    });
    expect(submitted.status).toBe('submitted');

    const all = desk.members.map((m) => m.person.id);
    const refused = await createCase(desk.db, desk.ctx, {
      ...input,
      applicantPersonId: all[1] ?? '',
      applicantName: desk.members[1]?.person.name ?? '',
      coveredPersonIds: all,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fieldErrors).toContainEqual({
      path: 'coveredPersonIds',
      code: 'tekun.applicant_only',
    });
  });

  it("reads the applicant's own resident record and bed, and sees a discharge", async () => {
    const desk = await deskWithElder();
    const head = desk.household.headPersonId;
    expect((await tekunApplicantFacts(desk.db, head, '2026-03-02')).resident).toBeNull();
    const { beds } = await smallHome(desk.db, desk.ctx);
    const resident = await registerResident(desk.db, desk.ctx, {
      person: { existingPersonId: head },
      fundingCategory: 'tekun',
      emergencyContact: { name: '张女儿', relation: '女儿', phone: '13800000000' },
    });
    await recordMovement(desk.db, desk.ctx, {
      residentId: resident.id,
      type: 'admit',
      bedId: beds.a.id,
      date: '2026-02-01',
    });
    const found = await tekunApplicantFacts(desk.db, head, '2026-03-02');
    expect(found.person?.birthDate).toBeTruthy();
    expect(found.resident).toEqual({
      residentId: resident.id,
      staying: true,
      institution: '城关镇敬老院',
      building: '1号楼',
      room: '101',
      bed: '1',
    });
    await recordMovement(desk.db, desk.ctx, {
      residentId: resident.id,
      type: 'discharge',
      date: '2026-03-01',
      dischargeReason: 'normal',
    });
    expect((await residentPlace(desk.db, resident.id, '2026-03-02'))?.staying).toBe(false);
  });
});
