import { describe, expect, it } from 'vitest';
import { newRecoveryWords } from '@shared/backup/recoveryKey';
import { backupRefusalOf } from '@shared/backup/refusals';
import type { DeskDatabase } from '../../../renderer/src/db/database';
import { makeBackup } from '../../../renderer/src/db/repositories/backup/makeBackup';
import {
  confirmRecoveryKey,
  loadRecoveryKey,
} from '../../../renderer/src/db/repositories/backup/recoveryKeyStore';
import { restoreBackup } from '../../../renderer/src/db/repositories/backup/restoreBackup';
import {
  machineMetaKeys,
  tableLines,
} from '../../../renderer/src/db/repositories/backup/tableLines';
import { openOfficeDesk, type SyncDesk } from '../../support/syncDesks';
import { sealBackup } from '@shared/backup/seal';
import { exportPublicKeys, generatePackageKeys } from '@shared/package/keys';
import type { CryptoKeyLike } from '@shared/package/webCrypto';
import { latestSchemaVersion } from '../../../renderer/src/db/schema';
import { loadDeviceKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { registerNth, typedBack } from './backupFixtures';

/** Every table's rows, keyed by table name (machine-bound meta rows left out). */
async function snapshot(db: DeskDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    out[table.name] =
      table.name === 'meta'
        ? rows.filter((row) => {
            const key = (row as { key: string }).key;
            return !machineMetaKeys.includes(key) && !key.startsWith('backup');
          })
        : rows;
  }
  return out;
}

async function deskWithData(officeId: string, name: string) {
  const desk = await openOfficeDesk(officeId, name);
  for (let i = 0; i < 5; i++) await registerNth(desk.db, desk.ctx, i);
  const words = newRecoveryWords();
  const supervisor = desk.as('supervisor');
  await confirmRecoveryKey(desk.db, supervisor, words, typedBack(words));
  return { desk, words, supervisor };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return backupRefusalOf(error);
  }
  return 'restored';
}

describe('desk backup', () => {
  it('restores every table exactly, queue and meta included, after the desk moved on', async () => {
    const { desk, words, supervisor } = await deskWithData('office-bk', 'B1');
    const made = await makeBackup(desk.db, supervisor);
    const before = await snapshot(desk.db);
    expect(made.manifest.counts.persons).toBe(5);
    expect(made.manifest.counts.queue).toBeGreaterThan(5);
    expect(before.accessLog?.some((r) => (r as { action: string }).action === 'backup')).toBe(true);
    // The desk goes on: more people, more queue, the seq moves.
    await registerNth(desk.db, desk.ctx, 9);
    expect(await snapshot(desk.db)).not.toEqual(before);

    await restoreBackup(desk.db, made.bytes, words, supervisor);
    expect(await snapshot(desk.db)).toEqual(before);
    // The desk's own (non-extractable) package keys are still there: it can still sign.
    expect(await desk.db.meta.get('packageKeys')).toBeDefined();
  });

  it('restores on a new PC with the words alone', async () => {
    const { desk, words, supervisor } = await deskWithData('office-bk', 'B2');
    const made = await makeBackup(desk.db, supervisor);
    const before = await snapshot(desk.db);
    const fresh = await freshDesk();
    await restoreBackup(fresh, made.bytes, words, null);
    expect(await snapshot(fresh)).toEqual(before);
  });

  it('refuses a tampered, truncated, foreign or wrong-worded file, and changes nothing', async () => {
    const { desk, words, supervisor } = await deskWithData('office-bk', 'B3');
    const made = await makeBackup(desk.db, supervisor);
    await registerNth(desk.db, desk.ctx, 8);
    const state = await snapshot(desk.db);

    const flipped = made.bytes.slice();
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] ?? 0) ^ 1;
    expect(await refusal(restoreBackup(desk.db, flipped, words, supervisor))).toBe(
      'backup.tampered',
    );

    const manifestAltered = alterHeader(made.bytes, 'persons\\":5', 'persons\\":6');
    expect(await refusal(restoreBackup(desk.db, manifestAltered, words, supervisor))).toBe(
      'backup.tampered',
    );

    const cut = made.bytes.slice(0, made.bytes.length - 100);
    expect(await refusal(restoreBackup(desk.db, cut, words, supervisor))).toBe('backup.truncated');
    expect(await refusal(restoreBackup(desk.db, made.bytes.slice(0, 8), words, supervisor))).toBe(
      'backup.truncated',
    );

    const otherWords = newRecoveryWords();
    expect(await refusal(restoreBackup(desk.db, made.bytes, otherWords, supervisor))).toBe(
      'backup.wrong_words',
    );
    const misspelt = [...words.slice(0, 23), words[0] ?? ''];
    expect(await refusal(restoreBackup(desk.db, made.bytes, misspelt, supervisor))).toBe(
      'backup.wrong_words',
    );

    const other = await deskWithData('office-other', 'B4');
    const foreign = await makeBackup(other.desk.db, other.supervisor);
    expect(await refusal(restoreBackup(desk.db, foreign.bytes, other.words, supervisor))).toBe(
      'backup.foreign_office',
    );
    const notOurs = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(await refusal(restoreBackup(desk.db, notOurs, words, supervisor))).toBe(
      'backup.not_a_backup',
    );
    expect(await snapshot(desk.db)).toEqual(state);
  });

  it('lets only a supervisor back up or restore', async () => {
    const { desk, words, supervisor } = await deskWithData('office-bk', 'B5');
    await expect(makeBackup(desk.db, desk.ctx)).rejects.toMatchObject({ code: 'forbidden' });
    const made = await makeBackup(desk.db, supervisor);
    await expect(restoreBackup(desk.db, made.bytes, words, desk.ctx)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(restoreBackup(desk.db, made.bytes, words, null)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('a backup made or altered elsewhere', () => {
  /** A backup of the desk sealed by hand: a newer schema, or signed by another key. */
  async function forged(desk: SyncDesk, schemaVersion: number, signer: 'own' | 'other') {
    const recovery = await loadRecoveryKey(desk.db);
    const own = await loadDeviceKeys(desk.db);
    const other = await generatePackageKeys();
    const counts: Record<string, number> = {};
    return sealBackup({
      manifest: {
        format: 'mzbak',
        version: 1,
        kind: 'backup',
        backupId: 'forged',
        officeId: desk.officeId,
        deviceId: desk.deviceId,
        createdAt: new Date().toISOString(),
        createdBy: 'someone',
        schemaVersion,
      },
      lines: tableLines(desk.db, counts),
      counts: () => counts,
      recoveryKey: recovery?.publicKey ?? '',
      signer:
        signer === 'own'
          ? {
              privateKey: own?.signing.privateKey as CryptoKeyLike,
              publicKey: own?.publicKeys.signing ?? '',
            }
          : {
              privateKey: other.signing.privateKey,
              publicKey: (await exportPublicKeys(other)).signing,
            },
    });
  }

  it('refuses a backup of a newer desk, and one re-signed with another key on the desk that made it', async () => {
    const { desk, words, supervisor } = await deskWithData('office-bk', 'B6');
    await makeBackup(desk.db, supervisor); // the desk's keys exist from its first backup
    const state = await snapshot(desk.db);
    const newer = await forged(desk, latestSchemaVersion + 1, 'own');
    expect(await refusal(restoreBackup(desk.db, newer.bytes, words, supervisor))).toBe(
      'backup.newer_schema',
    );
    // Anyone with the (public) recovery key could seal a backup; only this desk's key signs it.
    const resigned = await forged(desk, latestSchemaVersion, 'other');
    expect(await refusal(restoreBackup(desk.db, resigned.bytes, words, supervisor))).toBe(
      'backup.tampered',
    );
    const genuine = await forged(desk, latestSchemaVersion, 'own');
    expect(await refusal(restoreBackup(desk.db, genuine.bytes, words, supervisor))).toBe(
      'restored',
    );
    expect(await snapshot(desk.db)).toEqual(state);
  });
});

async function freshDesk(): Promise<DeskDatabase> {
  const { DeskDatabase } = await import('../../../renderer/src/db/database');
  const db = new DeskDatabase(`fresh-${Math.random()}`);
  await db.open();
  return db;
}

/** The file with one text of its (signed) header replaced, lengths kept consistent. */
function alterHeader(bytes: Uint8Array<ArrayBuffer>, from: string, to: string) {
  const text = new TextDecoder('latin1').decode(bytes);
  const at = text.indexOf(from);
  expect(at).toBeGreaterThan(0);
  const out = bytes.slice();
  out.set(new TextEncoder().encode(to), at);
  return out;
}
