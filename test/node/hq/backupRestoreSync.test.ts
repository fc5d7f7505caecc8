import { afterEach, describe, expect, it } from 'vitest';
import { newRecoveryWords } from '@shared/backup/recoveryKey';
import { makeBackup } from '../../../renderer/src/db/repositories/backup/makeBackup';
import { confirmRecoveryKey } from '../../../renderer/src/db/repositories/backup/recoveryKeyStore';
import { restoreBackup } from '../../../renderer/src/db/repositories/backup/restoreBackup';
import { pendingSeqCheck } from '../../../renderer/src/db/repositories/backup/seqCheck';
import { hqOfficeRecords, startHq, type RunningHq } from '../../support/hqHarness';
import {
  differencesFromHq,
  enroll,
  openOfficeDesk,
  sync,
  syncUntilDrained,
} from '../../support/syncDesks';
import { registerNth, typedBack } from '../backup/backupFixtures';

/**
 * A desk restores a backup older than what HQ already holds of it (docs/backup.md). The
 * backup's queued op HQ already applied must not apply twice, and the ops written after
 * the restore must not reuse a seq HQ holds under another op: HQ refuses such an op for
 * good ("sequence already used"). Against the real HQ on loopback.
 */
let hq: RunningHq | null = null;
afterEach(async () => {
  await hq?.stop();
  hq = null;
});

const personsAtHq = async (running: RunningHq, officeId: string) =>
  [...(await hqOfficeRecords(running.hq, officeId)).values()].filter((r) => r.kind === 'person');

describe('restore of an older backup, then work and sync', () => {
  it('loses nothing, applies nothing twice and refuses no op for its seq', async () => {
    hq = await startHq();
    const desk = await openOfficeDesk('office-restore', 'R');
    await enroll(desk, hq);
    const supervisor = desk.as('supervisor');
    await registerNth(desk.db, desk.ctx, 1);
    await syncUntilDrained(desk);
    const words = newRecoveryWords();
    await confirmRecoveryKey(desk.db, supervisor, words, typedBack(words));
    // The backup holds an op HQ has not got yet.
    const heldInBackup = await registerNth(desk.db, desk.ctx, 2);
    const backup = await makeBackup(desk.db, supervisor);
    const backupSeq = (await desk.db.meta.get('deviceSeq'))?.value as number;
    // After the backup, the desk goes on and HQ gets everything (seqs past the backup's).
    const lostLocally = await registerNth(desk.db, desk.ctx, 3);
    await syncUntilDrained(desk);
    const hqSeq = (await desk.db.meta.get('deviceSeq'))?.value as number;
    expect(hqSeq).toBeGreaterThan(backupSeq);
    expect(await personsAtHq(hq, desk.officeId)).toHaveLength(3);

    await restoreBackup(desk.db, backup.bytes, words, supervisor);
    expect(await pendingSeqCheck(desk.db)).toEqual({ backupSeq });
    expect(await desk.db.persons.get(lostLocally.id)).toBeUndefined();
    // New work after the restore: its first op takes the seq after the backup's, which
    // HQ already holds under another op.
    const afterRestore = await registerNth(desk.db, desk.ctx, 4);
    const firstNew = await desk.db.queue.where('seq').above(backupSeq).first();
    expect(firstNew?.seq).toBe(backupSeq + 1);

    // First round: the backup's op goes (HQ answers it from its op id), the pull says how
    // far HQ holds this device, and the new ops move past it.
    await sync(desk);
    expect(await pendingSeqCheck(desk.db)).toBeNull();
    const moved = await desk.db.queue.orderBy('seq').toArray();
    expect(moved.length).toBeGreaterThan(0);
    expect(moved[0]?.seq).toBe(hqSeq + 1);
    await syncUntilDrained(desk);

    expect(await desk.db.rejectedOps.toArray()).toEqual([]);
    const persons = await personsAtHq(hq, desk.officeId);
    expect(persons).toHaveLength(4);
    for (const record of [heldInBackup, lostLocally, afterRestore]) {
      const atHq = persons.find((p) => p.id === record.id);
      // Created once: version 1, not applied twice.
      expect(atHq?.version).toBe(1);
    }
    // The desk pulled back what the restore took from it, and holds exactly HQ's records.
    expect(await desk.db.persons.get(lostLocally.id)).toBeDefined();
    expect(await differencesFromHq(hq, desk)).toEqual([]);
    // New work goes on with seqs HQ has not seen.
    await registerNth(desk.db, desk.ctx, 5);
    await syncUntilDrained(desk);
    expect(await desk.db.rejectedOps.toArray()).toEqual([]);
    expect(await personsAtHq(hq, desk.officeId)).toHaveLength(5);
  });

  it('without the check, HQ would refuse the first new op for its seq (why the check exists)', async () => {
    hq = await startHq();
    const desk = await openOfficeDesk('office-restore', 'N');
    await enroll(desk, hq);
    const supervisor = desk.as('supervisor');
    const words = newRecoveryWords();
    await confirmRecoveryKey(desk.db, supervisor, words, typedBack(words));
    const backup = await makeBackup(desk.db, supervisor);
    await registerNth(desk.db, desk.ctx, 1);
    await syncUntilDrained(desk);
    await restoreBackup(desk.db, backup.bytes, words, supervisor);
    await desk.db.meta.delete('backupSeqCheck');
    await registerNth(desk.db, desk.ctx, 2);
    await syncUntilDrained(desk);
    const refused = await desk.db.rejectedOps.toArray();
    expect(refused.map((r) => r.reason.message)).toContainEqual(
      expect.stringMatching(/already used by another op/),
    );
  });
});
