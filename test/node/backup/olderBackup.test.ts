import { describe, expect, it } from 'vitest';
import { newRecoveryWords, recoveryKeyPair } from '@shared/backup/recoveryKey';
import { backupRefusalOf } from '@shared/backup/refusals';
import { sealBackup } from '@shared/backup/seal';
import { exportPublicKeys, generatePackageKeys } from '@shared/package/keys';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { searchPersons } from '../../../renderer/src/db/repositories/persons';
import { restoreBackup } from '../../../renderer/src/db/repositories/backup/restoreBackup';
import { tableLines } from '../../../renderer/src/db/repositories/backup/tableLines';
import { latestSchemaVersion } from '../../../renderer/src/db/schema';
import { residentId } from '../../fakes/deskFixtures';

/**
 * A backup made by a real older desk: schema v8, before the ID-tail search (v9 fills
 * `idTails` in its upgrade) and accounts with several roles (v10). Restoring it runs the
 * normal Dexie upgrades on its tables before they replace the store.
 */
async function v8Backup(words: readonly string[], persons: Record<string, unknown>[]) {
  const old = new DeskDatabase(`old-${newRecordId()}`, 8);
  await old.open();
  await old.table('persons').bulkAdd(persons);
  await old.table('queue').add({ seq: 1, opId: 'op-1', recordId: 'p1' });
  const counts: Record<string, number> = {};
  const signer = await generatePackageKeys();
  const sealed = await sealBackup({
    manifest: {
      format: 'mzbak',
      version: 1,
      kind: 'backup',
      backupId: 'v8',
      officeId: 'office-old',
      deviceId: 'device-old',
      createdAt: '2026-06-01T08:00:00.000Z',
      createdBy: 'old desk',
      schemaVersion: 8,
    },
    lines: tableLines(old, counts),
    counts: () => counts,
    recoveryKey: (await recoveryKeyPair(words)).publicKey,
    signer: {
      privateKey: signer.signing.privateKey,
      publicKey: (await exportPublicKeys(signer)).signing,
    },
  });
  old.close();
  return sealed.bytes;
}

async function freshDesk(): Promise<DeskDatabase> {
  const db = new DeskDatabase(`fresh-${newRecordId()}`);
  await db.open();
  return db;
}

describe('a backup of an older desk', () => {
  it('restores and is upgraded: v8 persons get their ID tails and are found by them', async () => {
    expect(latestSchemaVersion).toBeGreaterThan(9);
    const words = newRecoveryWords();
    const withX = residentId('110105', '1949-12-31', '002');
    const bytes = await v8Backup(words, [
      { id: 'p1', name: '王晓', idNumber: withX, searchTokens: ['王晓'], updatedAt: 'x' },
    ]);
    const fresh = await freshDesk();
    await restoreBackup(fresh, bytes, words, null);
    expect(fresh.verno).toBe(latestSchemaVersion);
    expect(await fresh.persons.get('p1')).toMatchObject({ idTails: ['002X', '31002X'] });
    expect((await searchPersons(fresh, '002x')).map((p) => p.id)).toEqual(['p1']);
    expect(await fresh.queue.count()).toBe(1);
  });

  it('refuses with its reason when it cannot be upgraded, and changes nothing', async () => {
    const words = newRecoveryWords();
    const signer = await generatePackageKeys();
    // Signed and sealed like any v8 backup, but with a person row v8 cannot hold (no id).
    const lines = (async function* () {
      yield new TextEncoder().encode(
        `${JSON.stringify({ table: 'persons', rows: [{ name: '无号' }] })}\n`,
      );
    })();
    const { bytes } = await sealBackup({
      manifest: {
        format: 'mzbak',
        version: 1,
        kind: 'backup',
        backupId: 'v8-bad',
        officeId: 'office-old',
        deviceId: 'device-old',
        createdAt: '2026-06-01T08:00:00.000Z',
        createdBy: 'old desk',
        schemaVersion: 8,
      },
      lines,
      counts: () => ({ persons: 1 }),
      recoveryKey: (await recoveryKeyPair(words)).publicKey,
      signer: {
        privateKey: signer.signing.privateKey,
        publicKey: (await exportPublicKeys(signer)).signing,
      },
    });
    const fresh = await freshDesk();
    const before = await Promise.all(fresh.tables.map((t) => t.toArray()));
    const refused = await restoreBackup(fresh, bytes, words, null).catch((e: unknown) => e);
    expect(backupRefusalOf(refused)).toBe('backup.upgrade_failed');
    expect(refused).toMatchObject({ fieldErrors: [{ params: { version: 8 } }] });
    expect(await Promise.all(fresh.tables.map((t) => t.toArray()))).toEqual(before);
  });
});
