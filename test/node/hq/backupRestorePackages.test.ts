import { afterEach, describe, expect, it } from 'vitest';
import { newRecoveryWords } from '@shared/backup/recoveryKey';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { makeBackup } from '../../../renderer/src/db/repositories/backup/makeBackup';
import { confirmRecoveryKey } from '../../../renderer/src/db/repositories/backup/recoveryKeyStore';
import { restoreBackup } from '../../../renderer/src/db/repositories/backup/restoreBackup';
import { pendingSeqCheck } from '../../../renderer/src/db/repositories/backup/seqCheck';
import { exportPackage } from '../../../renderer/src/sync/packages/exportPackage';
import { importPackage } from '../../../renderer/src/sync/packages/importPackage';
import { hqOfficeRecords, startHq, type RunningHq } from '../../support/hqHarness';
import { enrollWithPackageKeys } from '../../support/packageDesks';
import { differencesFromHq, openOfficeDesk, type SyncDesk } from '../../support/syncDesks';
import { registerNth, typedBack } from '../backup/backupFixtures';

/**
 * The same restore as backupRestoreSync.test.ts, for an office that only ever carries
 * packages: the export after a restore carries the backup's ops only, HQ's return file
 * says how far it holds the desk (`deviceSeq`), and the next export carries the ops made
 * since with seqs past it. Against the real HQ's package import.
 */
let hq: RunningHq | null = null;
afterEach(async () => {
  await hq?.stop();
  hq = null;
});

async function carry(running: RunningHq, desk: SyncDesk) {
  const supervisor = desk.as('supervisor');
  const exported = await exportPackage(desk.db, supervisor);
  const atHq = await importDevicePackage(
    running.hq.db,
    await loadHqKeys(running.hq),
    exported.bytes,
    new Date(),
  );
  await importPackage(desk.db, supervisor, atHq.returnPackage.bytes);
  return exported;
}

describe('restore of an older backup on a desk that syncs by packages', () => {
  it('loses nothing, applies nothing twice and refuses no op for its seq', async () => {
    hq = await startHq();
    const running = hq;
    const desk = await openOfficeDesk('office-restore-pkg', 'P');
    await enrollWithPackageKeys(desk, running);
    const supervisor = desk.as('supervisor');
    await registerNth(desk.db, desk.ctx, 1);
    await carry(running, desk);
    const words = newRecoveryWords();
    await confirmRecoveryKey(desk.db, supervisor, words, typedBack(words));
    const backup = await makeBackup(desk.db, supervisor);
    const backupSeq = (await desk.db.meta.get('deviceSeq'))?.value as number;
    const lostLocally = await registerNth(desk.db, desk.ctx, 2);
    await carry(running, desk);
    const hqSeq = (await desk.db.meta.get('deviceSeq'))?.value as number;
    expect(hqSeq).toBeGreaterThan(backupSeq);

    await restoreBackup(desk.db, backup.bytes, words, supervisor);
    const afterRestore = await registerNth(desk.db, desk.ctx, 3);
    // The first export carries none of the ops made since the restore.
    const first = await carry(running, desk);
    expect(first.manifest.covers.ops?.upTo ?? 0).toBeLessThanOrEqual(backupSeq);
    expect(await pendingSeqCheck(desk.db)).toBeNull();
    expect((await desk.db.queue.orderBy('seq').first())?.seq).toBe(hqSeq + 1);
    await carry(running, desk);

    expect(await desk.db.queue.count()).toBe(0);
    expect(await desk.db.rejectedOps.toArray()).toEqual([]);
    const persons = [...(await hqOfficeRecords(running.hq, desk.officeId)).values()].filter(
      (r) => r.kind === 'person',
    );
    expect(persons).toHaveLength(3);
    for (const id of [lostLocally.id, afterRestore.id]) {
      expect(persons.find((p) => p.id === id)?.version).toBe(1);
    }
    expect(await differencesFromHq(running, desk)).toEqual([]);
  });
});
