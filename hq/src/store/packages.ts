import type { Kysely, Transaction } from 'kysely';
import type { PackageManifest } from '@shared/package/manifest';
import type { HqTables } from '../db/schema';

type Db = Kysely<HqTables> | Transaction<HqTables>;

/** One package HQ imported ('in') or wrote ('out'), as the `packages` table keeps it. */
export interface PackageEntry {
  direction: 'in' | 'out';
  officeId: string;
  deviceId: string | null;
  manifest: PackageManifest;
  fileName: string;
  at: Date;
  summary: unknown;
}

export async function recordPackage(db: Db, entry: PackageEntry): Promise<void> {
  await db
    .insertInto('packages')
    .values({
      package_id: entry.manifest.packageId,
      direction: entry.direction,
      office_id: entry.officeId,
      device_id: entry.deviceId,
      number: entry.manifest.number,
      manifest: JSON.stringify(entry.manifest),
      file_name: entry.fileName,
      at: entry.at.toISOString(),
      summary: JSON.stringify(entry.summary),
    })
    .execute();
}

/** Whether HQ has this package id on record (imported, or written by HQ itself). */
export async function packageKnown(db: Db, packageId: string): Promise<boolean> {
  const row = await db
    .selectFrom('packages')
    .select('package_id')
    .where('package_id', '=', packageId)
    .executeTakeFirst();
  return row !== undefined;
}
