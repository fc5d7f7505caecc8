import { newRecordId } from '@shared/records/ids';
import { packageFileName, type PackageManifest } from '@shared/package/manifest';
import { summarize, type ToHqPayload } from '@shared/package/payload';
import { sealPackage } from '@shared/package/seal';
import type { DeskDatabase } from '../../db/database';
import { requireRole } from '../../db/permissions';
import { packagesTable } from '../../db/tables/packageTables';
import type { WriteContext } from '../../db/writeContext';
import { DexieSyncStore } from '../dexieSyncStore';
import { requirePackageKeys } from './deviceKeys';
import { summaryOf } from './packageSummary';
import type { ExportedPackage, OnPackageProgress } from './packageTypes';

const packageNumberKey = 'packageNumber';
/** Queue entries are read in pages, so the progress bar moves on a large export. */
const readPage = 20_000;

/**
 * Everything HQ has not acknowledged yet, as one package for HQ. The ops stay queued:
 * they leave the queue only when HQ's answer comes back (a return package or online
 * sync), so a package lost on the way loses nothing. The package's number is taken
 * before the file is handed out, so no two packages ever share one.
 */
export async function exportPackage(
  db: DeskDatabase,
  ctx: WriteContext,
  onProgress?: OnPackageProgress,
): Promise<ExportedPackage> {
  requireRole(ctx, ['supervisor'], 'export sync packages');
  const { device, hq } = await requirePackageKeys(db);
  const total = await db.queue.count();
  const ops: ToHqPayload['ops'] = [];
  onProgress?.({ phase: 'reading', done: 0, total });
  for (let after = 0; ;) {
    const page = await db.queue.where('seq').above(after).limit(readPage).toArray();
    if (page.length === 0) break;
    ops.push(...page);
    after = page[page.length - 1]?.seq ?? after;
    onProgress?.({ phase: 'reading', done: ops.length, total: Math.max(total, ops.length) });
  }
  const cursor = await new DexieSyncStore(db, ctx.now).cursor();
  const number = await nextPackageNumber(db);
  const { counts, dateRange } = summarize(ops.map((op) => ({ kind: op.kind, at: op.createdAt })));
  const first = ops[0];
  const last = ops[ops.length - 1];
  const manifest: Omit<PackageManifest, 'payload'> = {
    format: 'mzpkg',
    version: 1,
    packageId: newRecordId(),
    number,
    direction: 'toHq',
    sender: { kind: 'device', officeId: ctx.officeId, deviceId: ctx.deviceId },
    receiver: { kind: 'hq', keyId: hq.signingKeyId },
    covers: {
      ops: first && last ? { after: first.seq - 1, upTo: last.seq } : null,
      office: null,
      reference: null,
    },
    acknowledges: { cursor, device: null, ops: 0 },
    counts,
    dateRange,
    createdAt: ctx.now().toISOString(),
    createdBy: ctx.actor.name,
  };
  const sealed = await sealPackage({
    manifest,
    payload: { ops } satisfies ToHqPayload,
    signer: device.signing,
    recipients: [{ keyId: hq.encryptionKeyId, publicKey: hq.publicKeys.encryption }],
    onPhase: (phase) => onProgress?.({ phase, done: 0, total: 0 }),
  });
  const fileName = packageFileName(sealed.manifest, ctx.officeId);
  await packagesTable(db).put({
    packageId: sealed.manifest.packageId,
    direction: 'exported',
    manifest: sealed.manifest,
    fileName,
    at: sealed.manifest.createdAt,
    by: ctx.actor.name,
  });
  onProgress?.({ phase: 'done', done: ops.length, total: ops.length });
  return {
    bytes: sealed.bytes,
    fileName,
    manifest: sealed.manifest,
    summary: summaryOf(counts, dateRange),
  };
}

/**
 * The save dialog was cancelled: the package never left the desk, so it leaves the
 * history too. Its number stays used (numbers may skip; they must never repeat).
 */
export async function discardExport(db: DeskDatabase, packageId: string): Promise<void> {
  await packagesTable(db).delete(packageId);
}

async function nextPackageNumber(db: DeskDatabase): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(packageNumberKey);
    const number = (typeof row?.value === 'number' ? row.value : 0) + 1;
    await db.meta.put({ key: packageNumberKey, value: number });
    return number;
  });
}
