/**
 * Bundled by esbuild into a script the cold-start bench (test/bench/coldStart.ts) runs
 * on a page of the built renderer's origin (its own page, not the app's): the office,
 * as if pulled from HQ, written into the app's own database (DeskDatabase's default
 * name) for the office and administrator the first run made. The load fast path of
 * the other benches (generator.ts), not a measured operation.
 */
import { DeskDatabase, recordTable, recordTableNames } from '../../../renderer/src/db/database';
import { loadSettings } from '../../../renderer/src/db/repositories/settings';
import { unlockWithPassword } from '../../../renderer/src/db/atRest/passwordWraps';
import { leadRole } from '@shared/domain/roles';
import { generateOffice, RecordStamper, type GeneratedRecord, type OfficeSize } from '../generator';

async function loadOffice(seed: number, size: OfficeSize, username: string, password: string) {
  const db = new DeskDatabase();
  await db.open();
  try {
    // The app's store is sealed under the key its first run made: opened here as a
    // browser login opens it (docs/at-rest.md).
    if (!(await unlockWithPassword(db, username, password))) {
      throw new Error('The administrator password does not open the store.');
    }
    const settings = await loadSettings(db);
    const admin = (await db.users.toArray())[0];
    if (!settings || !admin) throw new Error('Run the first run before loading the office.');
    const actor = { userId: admin.id, name: admin.displayName, role: leadRole(admin.roles) };
    const stamper = new RecordStamper(settings.officeId, 'hq-seed-device', actor, Date.now());
    const records = generateOffice(seed, size, stamper);
    for (const r of records) r.record.hqVersion = 1;
    const t0 = performance.now();
    for (let i = 0; i < records.length; i += 5_000) {
      await db.transaction('rw', recordTableNames, async () => {
        const byKind = new Map<GeneratedRecord['kind'], unknown[]>();
        for (const { kind, record } of records.slice(i, i + 5_000)) {
          const list = byKind.get(kind) ?? [];
          list.push(record);
          byKind.set(kind, list);
        }
        for (const [kind, list] of byKind) await recordTable(db, kind).bulkPut(list as never);
      });
    }
    return {
      records: records.length,
      persons: await db.persons.count(),
      loadMs: Math.round(performance.now() - t0),
    };
  } finally {
    db.close();
  }
}

declare global {
  interface Window {
    coldStartLoader: { loadOffice: typeof loadOffice };
  }
}

window.coldStartLoader = { loadOffice };
