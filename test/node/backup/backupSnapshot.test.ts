import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { readBackupBytes } from '@shared/backup/format';
import { newRecoveryWords } from '@shared/backup/recoveryKey';
import { openBackup } from '@shared/backup/open';
import { makeBackup } from '../../../renderer/src/db/repositories/backup/makeBackup';
import { confirmRecoveryKey } from '../../../renderer/src/db/repositories/backup/recoveryKeyStore';
import { openOfficeDesk } from '../../support/syncDesks';
import { registerNth, typedBack } from './backupFixtures';

/**
 * A save during a backup: the backup holds the store as it was before the save or as it
 * is after it, never a record without its queue entry (or the other way round). The save
 * is started while the backup is between `persons` and `queue` (tables are read in name
 * order), which is exactly where reading table by table would split it.
 */
describe('a backup is one consistent snapshot', () => {
  it('holds a record saved during the backup together with its queue entry, or neither', async () => {
    const desk = await openOfficeDesk('office-snap', 'S1');
    for (let i = 0; i < 3; i++) await registerNth(desk.db, desk.ctx, i);
    const words = newRecoveryWords();
    const supervisor = desk.as('supervisor');
    await confirmRecoveryKey(desk.db, supervisor, words, typedBack(words));

    let saving: Promise<unknown> | null = null;
    const made = await makeBackup(desk.db, supervisor, (progress) => {
      // A save from elsewhere in the app (outside the backup's transaction zone).
      if (progress.table === 'persons' && !saving) {
        saving = Dexie.ignoreTransaction(() => registerNth(desk.db, desk.ctx, 7));
      }
    });
    expect(saving).not.toBeNull();
    await saving; // the save itself succeeds (after the backup's read)
    expect(await desk.db.persons.count()).toBe(4);

    const tables = await openBackup(readBackupBytes(made.bytes), words, null);
    const persons = (tables.get('persons') ?? []) as { id: string }[];
    const queued = new Set(
      ((tables.get('queue') ?? []) as { kind: string; recordId: string }[])
        .filter((op) => op.kind === 'person')
        .map((op) => op.recordId),
    );
    const personIds = new Set(persons.map((p) => p.id));
    // Every person has its create op queued, and every queued person op has its person.
    expect([...personIds].sort()).toEqual([...queued].sort());
    expect([3, 4]).toContain(persons.length);
  });
});
