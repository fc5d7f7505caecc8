import { afterEach, describe, expect, it } from 'vitest';
import { exportPackage } from '../../../renderer/src/sync/packages/exportPackage';
import { importPackage, previewPackage } from '../../../renderer/src/sync/packages/importPackage';
import { translate, type Translate } from '../../../renderer/src/i18n/translate';
import { createdByText } from '../../../renderer/src/screens/sync/packageText';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { publishStandard } from '../../../hq/src/sync/hqChanges';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { registerFamily } from '../../support/officeWork';
import { enrollWithPackageKeys } from '../../support/packageDesks';
import { openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';

/**
 * The preview of a return package tells the county's changes apart from this desk's own
 * changes coming back as HQ now holds them ("receipts"), with the real HQ making the file.
 */
let hq: RunningHq;
afterEach(async () => hq?.stop());

const t: Translate = (key, params) => translate('zh-CN', key, params);

async function returnFileFor(desk: SyncDesk) {
  const exported = await exportPackage(desk.db, desk.as('supervisor'));
  const atHq = await importDevicePackage(
    hq.hq.db,
    await loadHqKeys(hq.hq),
    exported.bytes,
    new Date(),
  );
  return atHq.returnPackage.bytes;
}

async function publish(amountFen: number) {
  await publishStandard(
    hq.hq.db,
    {
      areaCode: '330102',
      category: 'rural',
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
      amountFen,
      note: '',
    },
    '县民政局',
    new Date(),
  );
}

describe('package preview: county changes and receipts of the desk’s own', () => {
  it('counts the desk’s own changes coming back as receipts, not as county changes', async () => {
    hq = await startHq();
    const a = await openOfficeDesk('office-east', 'A');
    await enrollWithPackageKeys(a, hq);
    await sync(a); // whatever HQ had for the office before: not the subject here
    await registerFamily(a);
    const queued = await a.db.queue.count();
    const bytes = await returnFileFor(a);

    const preview = await previewPackage(a.db, a.as('supervisor'), bytes);
    expect(preview.acknowledged.applied).toBe(queued);
    expect(preview.changes.own).toBeGreaterThan(0);
    expect(preview.changes).toMatchObject({ total: 0, new: 0 });
    expect(createdByText(t, preview.manifest)).toBe('县局');
  });

  it('counts the county’s changes and another desk’s work as county changes', async () => {
    hq = await startHq();
    const a = await openOfficeDesk('office-east', 'A');
    const b = await openOfficeDesk('office-east', 'B');
    await enrollWithPackageKeys(a, hq);
    await enrollWithPackageKeys(b, hq);
    await sync(a);
    const family = await registerFamily(b);
    await sync(b);
    await publish(91_000);
    await registerFamily(a);
    const bytes = await returnFileFor(a);

    const preview = await previewPackage(a.db, a.as('supervisor'), bytes);
    expect(preview.changes.own).toBeGreaterThan(0);
    // B's family (a household and its members) and the county's standard, all new here.
    expect(preview.changes.total).toBeGreaterThanOrEqual(family.members.length + 2);
    expect(preview.changes.new).toBe(preview.changes.total);
    const imported = await importPackage(a.db, a.as('supervisor'), bytes);
    expect(imported.changes).toEqual(preview.changes);
  });
});
