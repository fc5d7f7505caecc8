import type { Kysely, Transaction } from 'kysely';
import type { PackageManifest } from '@shared/package/manifest';
import { checkOrder } from '@shared/package/sequence';
import type { HqTables } from '../db/schema';
import { packageKnown } from '../store/packages';

type Db = Kysely<HqTables> | Transaction<HqTables>;

/**
 * Whether a desk's package may apply after what HQ holds of that desk: not imported
 * before (duplicate), not older than one imported (replay), and no op missing between
 * the device's last applied op and the package's first (gap). Ops the package repeats
 * (pushed online meanwhile) are fine: they apply once, by op id.
 */
export async function checkPackageOrder(
  db: Db,
  manifest: PackageManifest,
  device: { package_number: number; last_seq: number },
): Promise<void> {
  const known = await packageKnown(db, manifest.packageId);
  checkOrder(
    manifest,
    {
      packageIds: new Set(known ? [manifest.packageId] : []),
      lastNumber: Number(device.package_number),
    },
    { ops: Number(device.last_seq) },
  );
}
