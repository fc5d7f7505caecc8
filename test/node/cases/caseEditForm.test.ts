import { describe, expect, it, vi } from 'vitest';
import {
  createDibaoCase,
  transitionCase,
  updateDibaoCase,
  type DibaoApplicationInput,
} from '../../../renderer/src/db/repositories/cases';
import {
  getHouseholdWithMembers,
  registerHousehold,
} from '../../../renderer/src/db/repositories/households';
import { seedSampleReferenceData } from '../../../renderer/src/db/repositories/reference';
import {
  adoptCaseEditDraft,
  caseToDraft,
  isCaseEditable,
} from '../../../renderer/src/screens/cases/caseEditForm';
import { localIssues, toApplication } from '../../../renderer/src/screens/cases/caseForm';
import { openTestDesk, threeMemberHousehold } from '../../fakes/deskFixtures';

// caseForm reads amounts the way MoneyField does; MoneyField's module brings in the
// session store, which reads the chosen language from localStorage on load.
vi.hoisted(() => vi.stubGlobal('localStorage', { getItem: () => null }));

const today = '2026-03-02';

async function deskWithCase() {
  const desk = await openTestDesk();
  await seedSampleReferenceData(desk.db, desk.ctx, '330102');
  const { household, members } = await registerHousehold(
    desk.db,
    desk.ctx,
    threeMemberHousehold('rural'),
  );
  const ids = members.map((m) => m.person.id);
  const application: DibaoApplicationInput = {
    householdId: household.id,
    applicantPersonId: household.headPersonId,
    applicantName: household.headName,
    category: 'rural',
    areaCode: '330102',
    // Not the household's order: the form keeps the household's order on save.
    coveredPersonIds: [ids[0] ?? '', ids[1] ?? ''],
    income: { wagesFen: 150005, businessFen: 0, propertyFen: 1, transferFen: 39400 },
    deductionsFen: 12000,
    assets: {
      depositsFen: 2000000,
      securitiesFen: 0,
      vehicles: 1,
      extraHousingUnits: 0,
      note: '一辆电动三轮车',
    },
    applicationDate: '2026-02-27',
  };
  const saved = await createDibaoCase(desk.db, desk.ctx, application);
  const data = await getHouseholdWithMembers(desk.db, household.id);
  if (!data) throw new Error('household not found');
  return { ...desk, application, saved, data };
}

describe('editing a 低保 application', () => {
  it('shows the stored case in yuan and saves back the same facts', async () => {
    const { saved, application, data } = await deskWithCase();
    const draft = caseToDraft(saved);
    expect(draft).toMatchObject({
      wages: '1500.05',
      property: '0.01',
      business: '0.00',
      deductions: '120.00',
      deposits: '20000.00',
      vehicles: '1',
      extraHousing: '0',
      assetNote: '一辆电动三轮车',
      applicationDate: '2026-02-27',
      baseVersion: saved.version,
      reason: '',
    });
    expect(localIssues(draft)).toEqual([]);
    expect(toApplication(draft, data)).toEqual({
      ...application,
      programme: 'dibao',
      programmeFacts: {},
    });
  });

  it('saves an edit against the version it was read from, and refuses a stale one', async () => {
    const { db, ctx, saved, data } = await deskWithCase();
    const mine = { ...caseToDraft(saved), wages: '1000' };
    const colleagues = { ...caseToDraft(saved), deductions: '0' };
    const first = await updateDibaoCase(
      db,
      ctx,
      saved.id,
      colleagues.baseVersion,
      toApplication(colleagues, data),
      '扣减项目核对有误',
    );
    expect(first.deductionsFen).toBe(0);
    await expect(
      updateDibaoCase(db, ctx, saved.id, mine.baseVersion, toApplication(mine, data), '工资核对'),
    ).rejects.toMatchObject({ code: 'conflict' });
    // Starting over from the stored case picks up the colleague's change and version.
    const again = { ...caseToDraft(first), wages: '1000' };
    const edited = await updateDibaoCase(
      db,
      ctx,
      saved.id,
      again.baseVersion,
      toApplication(again, data),
      '工资核对',
    );
    expect(edited).toMatchObject({ deductionsFen: 0, income: { wagesFen: 100000 } });
  });

  it('restores only a draft of the same household that knows its base version', async () => {
    const { saved } = await deskWithCase();
    const draft = caseToDraft(saved);
    const stored: unknown = JSON.parse(
      JSON.stringify({ ...draft, wages: '900', reason: '工资核对' }),
    );
    expect(adoptCaseEditDraft(stored, saved.householdId, today)).toEqual({
      ...draft,
      wages: '900',
      reason: '工资核对',
    });
    expect(adoptCaseEditDraft(stored, 'another-household', today)).toBeNull();
    expect(
      adoptCaseEditDraft({ ...draft, baseVersion: undefined }, saved.householdId, today),
    ).toBeNull();
    expect(adoptCaseEditDraft({ ...draft, baseVersion: 0 }, saved.householdId, today)).toBeNull();
    expect(adoptCaseEditDraft(null, saved.householdId, today)).toBeNull();
  });

  it('is offered while the case is with the township, not from its 公示 on', async () => {
    const { db, ctx, saved } = await deskWithCase();
    expect(isCaseEditable(saved.status)).toBe(true);
    const submitted = await transitionCase(db, ctx, saved.id, saved.version, { action: 'submit' });
    expect(isCaseEditable(submitted.status)).toBe(true);
    const accepted = await transitionCase(db, ctx, saved.id, submitted.version, {
      action: 'accept',
    });
    expect(isCaseEditable(accepted.status)).toBe(true);
    for (const status of ['township_opinion', 'investigating'] as const) {
      expect(isCaseEditable(status)).toBe(true);
    }
    for (const status of ['public_notice', 'county_review', 'confirmed', 'active'] as const) {
      expect(isCaseEditable(status)).toBe(false);
    }
  });
});
