import { describe, expect, it } from 'vitest';
import { createInstitution } from '../../../renderer/src/db/repositories/elderlyCare/institutions';
import { recordMovement } from '../../../renderer/src/db/repositories/elderlyCare/movements';
import { saveElderlyCareSettings } from '../../../renderer/src/db/repositories/elderlyCare/settings';
import { openTestDesk } from '../../fakes/deskFixtures';
import { newResident, smallHome } from './elderlyFixtures';

describe('who may do what in 养老', () => {
  it('lets registrars and supervisors keep beds and record stays, not the account admin', async () => {
    const { db, ctx, as } = await openTestDesk();
    const input = { code: 'X-1', name: '幸福院', operatorType: 'private' as const, grade: null };
    await expect(createInstitution(db, as('admin'), input)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await createInstitution(db, as('supervisor'), input);

    const { beds } = await smallHome(db, ctx);
    const zhang = await newResident(db, ctx, '张大爷');
    const admit = {
      residentId: zhang.id,
      type: 'admit' as const,
      bedId: beds.a.id,
      date: '2026-02-01',
    };
    await expect(recordMovement(db, as('admin'), admit)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await recordMovement(db, as('supervisor'), admit);
  });

  it('lets only a supervisor change the targets', async () => {
    const { db, ctx, as } = await openTestDesk();
    const settings = { nursingBedTargetPercent: 60, heldCountsAsOccupied: true };
    await expect(saveElderlyCareSettings(db, ctx, settings)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const saved = await saveElderlyCareSettings(db, as('supervisor'), settings);
    const again = await saveElderlyCareSettings(db, as('supervisor'), {
      ...settings,
      nursingBedTargetPercent: 65,
    });
    expect(again).toMatchObject({ id: saved.id, version: 2, nursingBedTargetPercent: 65 });
  });
});
