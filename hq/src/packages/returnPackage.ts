import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors/appError';
import {
  packageFileName,
  packageFormat,
  packageFormatVersion,
  type PackageManifest,
} from '@shared/package/manifest';
import { summarize, type ToOfficePayload } from '@shared/package/payload';
import { sealPackage } from '@shared/package/seal';
import { newRecordId } from '@shared/records/ids';
import type { OpResult, SyncCursor } from '@shared/sync/protocol';
import type { HqTables } from '../db/schema';
import type { HqKeys } from '../store/hqKeys';
import { recordPackage } from '../store/packages';
import { officeChangesAfter } from './officeChanges';
import { officeRecipients } from './officeRecipients';
import { deviceLastSeq } from '../sync/deviceSeq';

/** A package HQ wrote for an office, ready to save or send. */
export interface WrittenPackage {
  bytes: Uint8Array<ArrayBuffer>;
  manifest: PackageManifest;
  fileName: string;
  summary: WrittenSummary;
}

/** What a written package carries (kept in `packages.summary`, shown by the CLI). */
export interface WrittenSummary {
  /** The imported package it answers, or null for an export. */
  answers: string | null;
  results: number;
  changes: number;
  counts: Record<string, number>;
}

export interface OfficePackageInput {
  officeId: string;
  /** The desk whose package this answers (null: an export for the whole office). */
  deviceId: string | null;
  answers: string | null;
  results: OpResult[];
  /** HQ's changes after this cursor go in. */
  after: SyncCursor;
  createdBy: string;
}

/**
 * Writes a package from HQ to an office: HQ's results for the desk's ops and HQ's
 * changes for the office after the given cursor, the same units a push answer and a
 * pull carry, so the desk applies them through its online path. Sealed for every
 * enrolled desk of the office, signed with HQ's key, numbered per office, recorded.
 */
export async function writeOfficePackage(
  db: Kysely<HqTables>,
  keys: HqKeys,
  input: OfficePackageInput,
  now: Date,
): Promise<WrittenPackage> {
  const recipients = await officeRecipients(db, input.officeId);
  const { changes, office, reference } = await officeChangesAfter(db, input.officeId, input.after);
  const { counts, dateRange } = summarize(
    changes.map((c) => ({ kind: c.kind, at: recordTime(c.record) })),
  );
  const manifest: Omit<PackageManifest, 'payload'> = {
    format: packageFormat,
    version: packageFormatVersion,
    packageId: newRecordId(),
    number: await nextOfficeNumber(db, input.officeId),
    direction: 'toOffice',
    sender: { kind: 'hq', keyId: keys.signing.keyId },
    receiver: { kind: 'office', officeId: input.officeId },
    covers: { ops: null, office, reference },
    acknowledges: { cursor: null, device: input.deviceId, ops: input.results.length },
    counts,
    dateRange,
    createdAt: now.toISOString(),
    createdBy: input.createdBy,
  };
  const payload: ToOfficePayload = {
    results: input.results,
    changes,
    ...(input.deviceId ? { deviceSeq: await deviceLastSeq(db, input.deviceId) } : {}),
  };
  const sealed = await sealPackage({
    manifest,
    payload,
    signer: { privateKey: keys.signing.privateKey, keyId: keys.signing.keyId },
    recipients: recipients.map(({ keyId, publicKey }) => ({ keyId, publicKey })),
  });
  const fileName = packageFileName(sealed.manifest, input.officeId);
  const summary: WrittenSummary = {
    answers: input.answers,
    results: input.results.length,
    changes: changes.length,
    counts,
  };
  await recordPackage(db, {
    direction: 'out',
    officeId: input.officeId,
    deviceId: input.deviceId,
    manifest: sealed.manifest,
    fileName,
    at: now,
    summary,
  });
  return { bytes: sealed.bytes, manifest: sealed.manifest, fileName, summary };
}

/**
 * HQ's own count of packages for the office, one up, in its own transaction: the row
 * update serializes two HQ processes writing for one office. A number lost to a crash
 * before the package is recorded leaves a hole, which desks do not mind (they refuse
 * only older numbers and missing changes, never a skipped number).
 */
async function nextOfficeNumber(db: Kysely<HqTables>, officeId: string): Promise<number> {
  const row = await db.transaction().execute((trx) =>
    trx
      .updateTable('offices')
      .set((eb) => ({ package_number: eb('package_number', '+', 1) }))
      .where('id', '=', officeId)
      .returning('package_number')
      .executeTakeFirst(),
  );
  if (!row) throw new AppError({ code: 'not_found', message: `No office ${officeId}.` });
  return Number(row.package_number);
}

/** When a record last changed, for the package's date range. */
function recordTime(record: Record<string, unknown>): string {
  const at = record.updatedAt ?? record.createdAt;
  return typeof at === 'string' ? at : '';
}
