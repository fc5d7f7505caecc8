import type { Kysely } from 'kysely';
import { packageFileName, type PackageManifest } from '@shared/package/manifest';
import type { HqTables } from '../db/schema';
import type { HqKeys } from '../store/hqKeys';
import { applyDevicePackage } from './applyDevicePackage';
import type { ImportedOps } from './importSummary';
import { openDevicePackage } from './openDevicePackage';
import { writeOfficePackage, type WrittenPackage } from './returnPackage';

/** What importing a desk's package did, and the return file that answers it. */
export interface ImportResult {
  summary: ImportReport;
  returnPackage: WrittenPackage;
}

/** The import as the CLI prints it and the HTTP answer's `x-package-summary` carries it. */
export interface ImportReport {
  packageId: string;
  number: number;
  officeId: string;
  deviceId: string;
  createdBy: string;
  createdAt: string;
  ops: ImportedOps;
  returnFile: {
    fileName: string;
    number: number;
    results: number;
    changes: number;
    counts: Record<string, number>;
  };
}

export interface ImportOptions {
  /** The name of the file imported, as it is recorded (default: the name it was given). */
  fileName?: string;
  /** Who makes the return file (its manifest's createdBy). */
  by?: string;
}

/**
 * Imports a package a desk made (carried in by its supervisor): checks it whole, then
 * applies all its ops in one transaction exactly as an online push would (an op HQ
 * already holds applies nothing again), and writes the return file: HQ's result for
 * every op and HQ's changes for the office the desk does not hold yet. A refused package
 * applies nothing; the refusal names why (shared/package/refusals.ts).
 */
export async function importDevicePackage(
  db: Kysely<HqTables>,
  hqKeys: HqKeys,
  bytes: Uint8Array<ArrayBuffer>,
  now: Date,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const opened = await openDevicePackage(db, hqKeys, bytes);
  const { manifest, device } = opened;
  const fileName = options.fileName ?? packageFileName(manifest, device.officeId);
  const imported = await applyDevicePackage(db, opened, fileName, now);
  const returnPackage = await writeOfficePackage(
    db,
    hqKeys,
    {
      officeId: device.officeId,
      deviceId: device.id,
      answers: manifest.packageId,
      results: imported.applied.map((a) => a.result),
      after: imported.cursor,
      createdBy: options.by ?? 'HQ',
    },
    now,
  );
  return {
    summary: {
      packageId: manifest.packageId,
      number: manifest.number,
      officeId: device.officeId,
      deviceId: device.id,
      createdBy: manifest.createdBy,
      createdAt: manifest.createdAt,
      ops: imported.ops,
      returnFile: {
        fileName: returnPackage.fileName,
        number: returnPackage.manifest.number,
        results: returnPackage.summary.results,
        changes: returnPackage.summary.changes,
        counts: returnPackage.summary.counts,
      },
    },
    returnPackage,
  };
}

/** What importing a package would do, found by the import itself rolled back. */
export interface ImportPreview {
  packageId: string;
  number: number;
  officeId: string;
  deviceId: string;
  createdBy: string;
  createdAt: string;
  dateRange: PackageManifest['dateRange'];
  ops: ImportedOps;
}

/**
 * Every check of an import and the import itself in a transaction that is rolled back:
 * what it would apply, refuse or find already held, with nothing written. A package
 * the import would refuse is refused here with the same reason.
 */
export async function previewDevicePackage(
  db: Kysely<HqTables>,
  hqKeys: HqKeys,
  bytes: Uint8Array<ArrayBuffer>,
  now: Date,
): Promise<ImportPreview> {
  const opened = await openDevicePackage(db, hqKeys, bytes);
  const { manifest, device } = opened;
  const fileName = packageFileName(manifest, device.officeId);
  const would = await applyDevicePackage(db, opened, fileName, now, { dryRun: true });
  return {
    packageId: manifest.packageId,
    number: manifest.number,
    officeId: device.officeId,
    deviceId: device.id,
    createdBy: manifest.createdBy,
    createdAt: manifest.createdAt,
    dateRange: manifest.dateRange,
    ops: would.ops,
  };
}
