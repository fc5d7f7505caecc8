import { describe, expect, it } from 'vitest';
import { newRecoveryWords } from '@shared/backup/recoveryKey';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { makeBackup } from '../../../renderer/src/db/repositories/backup/makeBackup';
import { confirmRecoveryKey } from '../../../renderer/src/db/repositories/backup/recoveryKeyStore';
import { restoreBackup } from '../../../renderer/src/db/repositories/backup/restoreBackup';
import { machineMetaKeys } from '../../../renderer/src/db/repositories/backup/tableLines';
import { sealedTables } from '../../../renderer/src/db/atRest/middleware';
import { sealBackup } from '@shared/backup/seal';
import { backupRefusalOf } from '@shared/backup/refusals';
import { utf8 } from '@shared/package/payloadChunks';
import type { CryptoKeyLike } from '@shared/package/webCrypto';
import { loadRecoveryKey } from '../../../renderer/src/db/repositories/backup/recoveryKeyStore';
import { latestSchemaVersion } from '../../../renderer/src/db/schema';
import { loadDeviceKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { openOfficeDesk, type SyncDesk } from '../../support/syncDesks';
import { rawRows } from '../atRest/rawStore';
import { typedBack } from './backupFixtures';
import { idPrefixIndexFields } from '@shared/atRest/idTokens';

const idMadeByCodec: ReadonlySet<string> = new Set(idPrefixIndexFields);

/** Rows of each table the test writes: more than one restore batch of the larger tables. */
const rowsPerTable = 3;
const bigTables: Record<string, number> = { persons: 2_600, queue: 1_200 };

/**
 * A row for any table, read off its schema: its key, a value for every index field
 * (unique per row; arrays for multi-entry indexes) and sensitive fields of every JSON
 * shape, so a restore that drops, renames or mangles any field of any table shows.
 */
function rowFor(table: DeskDatabase['tables'][number], i: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const key = table.schema.primKey.keyPath;
  if (typeof key !== 'string') throw new Error(`${table.name}: no simple key`);
  row[key] = table.name === 'queue' ? 1_000 + i : `${table.name}-${String(i).padStart(5, '0')}`;
  for (const index of table.schema.indexes) {
    const paths = Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath ?? ''];
    for (const path of paths) {
      if (idMadeByCodec.has(path) || path in row) continue; // the codec writes these
      if (path === 'idNumber') row[path] = `3301021950030${String(1000 + i).slice(-4)}1`;
      else row[path] = index.multi ? [`${path}-${i}-a`, `${path}-${i}-b`] : `${path}-${i}`;
    }
  }
  return {
    ...row,
    secret: `身份证 ${i} 收入 123456`,
    amountFen: 98_765 + i,
    nested: { list: [1, 'two', null, { deep: true }], empty: {} },
    flag: i % 2 === 0,
    nothing: null,
  };
}

/** Every table's rows (opened, as the app reads them), machine-bound meta left out. */
async function contents(db: DeskDatabase): Promise<Record<string, unknown[]>> {
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

async function deskWithEveryTable(name: string) {
  const desk = await openOfficeDesk('office-every', name);
  for (const table of desk.db.tables) {
    if (table.name === 'meta') continue;
    const count = bigTables[table.name] ?? rowsPerTable;
    const rows = Array.from({ length: count }, (_, i) => rowFor(table, i));
    await table.bulkPut(rows);
  }
  await desk.db.meta.put({ key: 'deviceSeq', value: 1_000 + (bigTables.queue ?? 0) });
  const words = newRecoveryWords();
  const supervisor = desk.as('supervisor');
  await confirmRecoveryKey(desk.db, supervisor, words, typedBack(words));
  return { desk, words, supervisor };
}

describe('a restore of a store with every table', () => {
  it('gives back exactly what was saved, on the same desk and on a new PC', async () => {
    const { desk, words, supervisor } = await deskWithEveryTable('E1');
    const made = await makeBackup(desk.db, supervisor);
    const saved = await contents(desk.db);
    for (const table of desk.db.tables) {
      expect(saved[table.name]?.length, table.name).toBeGreaterThan(0);
    }
    // The desk moves on: rows changed, removed and added in every table.
    for (const table of desk.db.tables) {
      if (table.name === 'meta') continue;
      await table.bulkPut([rowFor(table, 0), rowFor(table, 90_000)].map((r) => ({ ...r, x: 1 })));
      await table.delete(rowFor(table, 1)[table.schema.primKey.keyPath as string] as string);
    }
    expect(await contents(desk.db)).not.toEqual(saved);

    await restoreBackup(desk.db, made.bytes, words, supervisor);
    expect(await contents(desk.db)).toEqual(saved);

    const fresh = new DeskDatabase(`every-fresh-${Math.random()}`);
    await fresh.open();
    await restoreBackup(fresh, made.bytes, words, null);
    expect(await contents(fresh)).toEqual(saved);
    // Sealed under the new PC's own key: its ID tokens are its own, so a search finds.
    const person = saved.persons?.[7] as { id: string; idNumber: string };
    const found = await fresh.persons.where('idNumber').equals(person.idNumber).toArray();
    expect(found.map((p) => p.id)).toEqual([person.id]);
    fresh.close();
  });

  it('stores every row of a personal table sealed, none of its sensitive text in the clear', async () => {
    const { desk, words, supervisor } = await deskWithEveryTable('E2');
    const made = await makeBackup(desk.db, supervisor);
    const fresh = new DeskDatabase(`every-raw-${Math.random()}`);
    await fresh.open();
    await restoreBackup(fresh, made.bytes, words, null);
    fresh.close();
    const raw = await rawRows(fresh.name);
    for (const name of sealedTables) {
      const rows = raw[name] ?? [];
      expect(rows.length, name).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row, name).toHaveProperty('_sealed');
        expect(JSON.stringify(row), name).not.toContain('收入');
      }
    }
  });
});

/**
 * The desk's own backup, signed by its own key, whose table `twice` holds one row twice:
 * it opens, and fails only as that table's rows are written.
 */
async function failingHalfWay(
  desk: SyncDesk,
  twice: string,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; last: string }> {
  const recovery = await loadRecoveryKey(desk.db);
  const own = await loadDeviceKeys(desk.db);
  const last = twice;
  const counts: Record<string, number> = {};
  const saved = await contents(desk.db);
  async function* lines() {
    for (const [table, rows] of Object.entries(saved)) {
      const written = table === last ? [...rows, rows[0]] : rows;
      counts[table] = written.length;
      yield utf8(`${JSON.stringify({ table, rows: written })}\n`);
    }
  }
  const sealed = await sealBackup({
    manifest: {
      format: 'mzbak',
      version: 1,
      kind: 'backup',
      backupId: 'half-way',
      officeId: desk.officeId,
      deviceId: desk.deviceId,
      createdAt: new Date().toISOString(),
      createdBy: 'test',
      schemaVersion: latestSchemaVersion,
    },
    lines: lines(),
    counts: () => counts,
    recoveryKey: recovery?.publicKey ?? '',
    signer: {
      privateKey: own?.signing.privateKey as CryptoKeyLike,
      publicKey: own?.publicKeys.signing ?? '',
    },
  });
  return { bytes: sealed.bytes, last };
}

describe('a restore that fails half-way', () => {
  const lastTable = (desk: SyncDesk) =>
    desk.db.tables.filter((t) => t.name !== 'meta').at(-1)?.name ?? '';
  it.each([
    ['its last table', lastTable, 'E3'],
    // persons: its first batch fails while the batches of the tables after it are in flight
    ['persons, with later batches in flight', () => 'persons', 'E4'],
  ])('leaves the store as it was (a duplicate row in %s)', async (_, twice, name) => {
    const { desk, words, supervisor } = await deskWithEveryTable(name);
    await makeBackup(desk.db, supervisor); // the desk's signing key exists from its first backup
    const { bytes, last } = await failingHalfWay(desk, twice(desk));
    // The desk moves on after the file was made: the failed restore must not undo that either.
    await desk.db.table('persons').put({ ...rowFor(desk.db.persons, 95_000), moved: 'on' });
    const before = await contents(desk.db);
    let failure: unknown = null;
    try {
      await restoreBackup(desk.db, bytes, words, supervisor);
    } catch (error) {
      failure = error;
    }
    expect(failure, `a duplicate row of ${last}`).toMatchObject({ name: 'BulkError' });
    expect(backupRefusalOf(failure)).toBeNull();
    expect(await contents(desk.db)).toEqual(before);
  });
});
