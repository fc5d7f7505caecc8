import { afterEach, describe, expect, it } from 'vitest';
import { exportForOffice } from '../../../hq/src/packages/exportForOffice';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { listDevices, revokeDevice } from '../../../hq/src/store/deviceAdmin';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { exportPackage } from '../../../renderer/src/sync/packages/exportPackage';
import { importPackage } from '../../../renderer/src/sync/packages/importPackage';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { registerFamily } from '../../support/officeWork';
import { enrollWithPackageKeys } from '../../support/packageDesks';
import { openOfficeDesk, sync } from '../../support/syncDesks';

/**
 * docs/sync.md, "Recovering a lost device key": the lost desk's last package is imported,
 * the desk is revoked, and a reinstalled desk enrolls anew and gets the office back.
 */
let hq: RunningHq;
afterEach(async () => hq?.stop());

describe('recovering from a lost desk', () => {
  it('keeps what the lost desk exported, refuses it afterwards, and restores the office on a new desk', async () => {
    hq = await startHq();
    const keys = await loadHqKeys(hq.hq);
    const lost = await openOfficeDesk('office-west', 'lost');
    await enrollWithPackageKeys(lost, hq);
    await registerFamily(lost);
    // Its supervisor exported before the machine died; the county imports that file.
    const lastPackage = await exportPackage(lost.db, lost.as('supervisor'));
    await importDevicePackage(hq.hq.db, keys, lastPackage.bytes, new Date());

    await revokeDevice(hq.hq.db, lost.deviceId);
    expect((await listDevices(hq.hq.db, 'office-west'))[0]).toMatchObject({ revoked: true });
    await expect(sync(lost)).rejects.toMatchObject({ code: 'unauthenticated' });
    await registerFamily(lost);
    const afterRevoke = await exportPackage(lost.db, lost.as('supervisor'));
    await expect(
      importDevicePackage(hq.hq.db, keys, afterRevoke.bytes, new Date()),
    ).rejects.toMatchObject({ details: { refusal: 'package.unknown_signer' } });

    // The reinstalled desk is a new device with new keys; HQ's package gives it the office.
    const fresh = await openOfficeDesk('office-west', 'fresh');
    await enrollWithPackageKeys(fresh, hq);
    const news = await exportForOffice(hq.hq.db, keys, 'office-west', new Date());
    const imported = await importPackage(fresh.db, fresh.as('supervisor'), news.bytes);
    expect(imported.changes.new).toBeGreaterThan(0);
    expect(await fresh.db.households.count()).toBe(1);
    expect(await fresh.db.persons.count()).toBe(2);
  });
});
