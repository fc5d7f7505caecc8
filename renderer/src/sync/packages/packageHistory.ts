import type { DeskDatabase } from '../../db/database';
import { packagesTable } from '../../db/tables/packageTables';
import { summaryOf } from './packageSummary';
import type { PackageHistoryEntry } from './packageTypes';

/**
 * Packages exported and imported here, newest first. An exported package counts as
 * acknowledged once none of its ops is still queued: HQ's answer came back, by a
 * return package or by online sync, whichever was first.
 */
export async function listPackageHistory(db: DeskDatabase): Promise<PackageHistoryEntry[]> {
  const rows = await packagesTable(db).orderBy('at').reverse().toArray();
  const oldestQueued = (await db.queue.orderBy('seq').first())?.seq ?? Infinity;
  return rows.map((row) => {
    const upTo = row.manifest.covers.ops?.upTo ?? 0;
    return {
      packageId: row.packageId,
      direction: row.direction,
      number: row.manifest.number,
      fileName: row.fileName,
      at: row.at,
      by: row.by,
      summary: summaryOf(row.manifest.counts, row.manifest.dateRange),
      acknowledged: row.direction === 'exported' ? upTo < oldestQueued : null,
    };
  });
}
