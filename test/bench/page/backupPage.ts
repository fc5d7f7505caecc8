/**
 * A desk backup inside Chromium (real IndexedDB on an on-disk profile), served by Vite's
 * dev server (test/bench/backupBench.ts calls it through page.evaluate). The office is
 * loaded by the generator's fast path, a share of it queued as not yet sent to HQ; the
 * backup is the app's own makeBackup, the restore its own restoreBackup.
 */
import { newRecoveryWords } from '@shared/backup/recoveryKey';
import type { StoredRecord } from '@shared/records/envelope';
import {
  recordTable,
  recordTableNames,
  type DeskDatabase,
} from '../../../renderer/src/db/database';
import { makeBackup } from '../../../renderer/src/db/repositories/backup/makeBackup';
import { confirmRecoveryKey } from '../../../renderer/src/db/repositories/backup/recoveryKeyStore';
import { restoreBackup } from '../../../renderer/src/db/repositories/backup/restoreBackup';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { openTestDesk } from '../../fakes/deskFixtures';
import {
  createOps,
  generateOffice,
  RecordStamper,
  type GeneratedRecord,
  type OfficeSize,
} from '../generator';
import { useTestDataKeys } from '../../support/testDataKeys';

useTestDataKeys();

async function bulkLoad(db: DeskDatabase, records: GeneratedRecord[], chunk = 5_000) {
  for (let i = 0; i < records.length; i += chunk) {
    const slice = records.slice(i, i + chunk);
    await db.transaction('rw', recordTableNames, async () => {
      const byKind = new Map<GeneratedRecord['kind'], StoredRecord<unknown>[]>();
      for (const { kind, record } of slice) {
        const list = byKind.get(kind) ?? [];
        list.push(record);
        byKind.set(kind, list);
      }
      for (const [kind, list] of byKind) await recordTable(db, kind).bulkPut(list);
    });
  }
}

/** What the loaded office left for the measured steps (one office per page). */
let loaded: {
  db: DeskDatabase;
  supervisor: WriteContext;
  words: string[];
  made?: Awaited<ReturnType<typeof makeBackup>>;
} | null = null;

function office() {
  if (!loaded) throw new Error('backupBench.load first');
  return loaded;
}

const backupBench = {
  /** Loads the office (not measured), a share of it queued, and sets up the recovery key. */
  async load(seed: number, size: OfficeSize, queuedShare: number) {
    const { db, ctx, as } = await openTestDesk(new Date());
    const stamper = new RecordStamper(ctx.officeId, ctx.deviceId, ctx.actor, Date.now());
    const records = generateOffice(seed, size, stamper);
    await bulkLoad(db, records);
    const seqRow = await db.meta.get('deviceSeq');
    const firstSeq = (typeof seqRow?.value === 'number' ? seqRow.value : 0) + 1;
    const ops = createOps(
      records.slice(0, Math.round(records.length * queuedShare)),
      stamper,
      firstSeq,
    );
    for (let i = 0; i < ops.length; i += 5_000) await db.queue.bulkAdd(ops.slice(i, i + 5_000));
    await db.meta.put({ key: 'deviceSeq', value: firstSeq + ops.length - 1 });
    const supervisor = { ...as('supervisor'), now: () => new Date() };
    const words = newRecoveryWords();
    await confirmRecoveryKey(db, supervisor, words, {
      0: words[0] ?? '',
      11: words[11] ?? '',
      23: words[23] ?? '',
    });
    loaded = { db, supervisor, words };
    return { persons: await db.persons.count() };
  },

  /** Every table read whole, nothing else (the floor of the backup's reads), then makeBackup. */
  async backup() {
    const { db, supervisor } = office();
    const r0 = performance.now();
    for (const table of db.tables) await table.toArray();
    const rawReadMs = Math.round(performance.now() - r0);
    const t0 = performance.now();
    let readDone = t0;
    const made = await makeBackup(db, supervisor, () => {
      readDone = performance.now();
    });
    const backupMs = Math.round(performance.now() - t0);
    office().made = made;
    return {
      rows: Object.values(made.manifest.counts).reduce((a, b) => a + b, 0),
      queued: made.manifest.counts.queue ?? 0,
      megabytes: Math.round((made.bytes.length / 1e6) * 10) / 10,
      backupMs,
      readMs: Math.round(readDone - t0),
      rawReadMs,
    };
  },

  /** restoreBackup of the backup just made; every table's count checked against the file. */
  async restore() {
    const { db, supervisor, words, made } = office();
    if (!made) throw new Error('backupBench.backup first');
    const t0 = performance.now();
    await restoreBackup(db, made.bytes, words, supervisor);
    const restoreMs = Math.round(performance.now() - t0);
    for (const [table, count] of Object.entries(made.manifest.counts)) {
      const now = await db.table(table).count();
      // meta holds the machine's own rows and the restore's marks besides the backup's.
      if (table === 'meta' ? now < count : now !== count) {
        throw new Error(`restore: ${table} holds ${now} rows, the backup ${count}`);
      }
    }
    return { restoreMs };
  },
};

declare global {
  interface Window {
    backupBench: typeof backupBench;
  }
}
window.backupBench = backupBench;
document.body.dataset.ready = 'true';
