import Dexie from 'dexie';
import { AppError } from '@shared/errors/appError';
import { backupRefusal } from '@shared/backup/refusals';
import { newRecordId } from '@shared/records/ids';
import { DeskDatabase } from '../../database';

/**
 * A backup made by an older desk, brought up to this desk's schema by the normal Dexie
 * upgrades: its tables are loaded into a scratch database opened at the backup's version,
 * which is then opened at the latest version (running every upgrade since, exactly as an
 * installed desk upgrades), and read back. The desk's own store is not touched until the
 * restore's one transaction. Rows the old version cannot hold, or an upgrade that fails,
 * refuse the backup with the reason (`backup.upgrade_failed`).
 */
export async function upgradeBackupTables(
  tables: Map<string, unknown[]>,
  fromVersion: number,
): Promise<Map<string, unknown[]>> {
  const name = `desk-restore-upgrade-${newRecordId()}`;
  try {
    const old = new DeskDatabase(name, fromVersion);
    await old.open();
    try {
      const known = new Set(old.tables.map((t) => t.name));
      for (const table of tables.keys()) {
        if (!known.has(table)) throw backupRefusal('backup.tampered');
      }
      await old.transaction('rw', old.tables, async () => {
        for (const [table, rows] of tables) {
          if (rows.length > 0) await old.table(table).bulkAdd(rows);
        }
      });
    } finally {
      old.close();
    }
    const upgraded = new DeskDatabase(name);
    try {
      await upgraded.open();
      const out = new Map<string, unknown[]>();
      await upgraded.transaction('r', upgraded.tables, async () => {
        for (const table of upgraded.tables) out.set(table.name, await table.toArray());
      });
      return out;
    } finally {
      upgraded.close();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw backupRefusal('backup.upgrade_failed', {
      version: fromVersion,
      reason: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'unknown',
    });
  } finally {
    await Dexie.delete(name).catch(() => undefined);
  }
}
