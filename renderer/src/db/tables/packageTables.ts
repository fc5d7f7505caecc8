import type { PackageManifest } from '@shared/package/manifest';
import type { DeskDatabase } from '../database';
import type { SchemaVersion } from '../schema';

/** One sync package this desk exported or imported: the supervisor's package history. */
export interface PackageRow {
  packageId: string;
  direction: 'exported' | 'imported';
  manifest: PackageManifest;
  fileName: string;
  /** When it was exported or imported here, and by whom (a local user's name). */
  at: string;
  by: string;
}

/** Schema version 6: the package history. Never edited once shipped. */
export const packageSchemaVersion: SchemaVersion = {
  version: 6,
  stores: { packages: 'packageId, at' },
};

export const packagesTable = (db: DeskDatabase) => db.table<PackageRow, string>('packages');
