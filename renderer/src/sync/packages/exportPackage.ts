import { newRecordId } from '@shared/records/ids';
import { packageFileName, type PackageManifest } from '@shared/package/manifest';
import { gzipChunks } from '@shared/package/compression';
import { summarize } from '@shared/package/payload';
import { jsonArrayDocument } from '@shared/package/payloadChunks';
import { sealCompressed } from '@shared/package/seal';
import type { DeskDatabase, QueuedOp } from '../../db/database';
import { requireRole } from '../../db/permissions';
import { packagesTable } from '../../db/tables/packageTables';
import type { WriteContext } from '../../db/writeContext';
import { DexieSyncStore } from '../dexieSyncStore';
import { opsBeforeSeqCheck } from '../../db/repositories/backup/seqCheck';
import { requirePackageKeys } from './deviceKeys';
import { summaryOf } from './packageSummary';
import type { ExportedPackage, OnPackageProgress } from './packageTypes';

const packageNumberKey = 'packageNumber';
/**
 * Queue entries are read in pages, so the progress bar moves on a large export and a
 * page is serialized while the next is read (queuePages). 5,000 measured no better.
 */
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
  // What the manifest needs of the ops, gathered while they stream into the compressor.
  const seen: { kind: string; at: string }[] = [];
  const seqs = { first: 0, last: 0 };
  async function* pages(): AsyncGenerator<QueuedOp[]> {
    onProgress?.({ phase: 'reading', done: 0, total });
    for await (const queued of queuePages(db)) {
      // After a restore, only the backup's own ops until HQ said how far it holds this
      // desk (its return file does): the ones made since may need other seqs.
      const page = await opsBeforeSeqCheck(db, queued);
      for (const op of page) {
        if (seen.length === 0) seqs.first = op.seq;
        seen.push({ kind: op.kind, at: op.createdAt });
        seqs.last = op.seq;
      }
      onProgress?.({ phase: 'reading', done: seen.length, total: Math.max(total, seen.length) });
      yield page;
    }
    // Only the compressor's last block is left once the queue is read.
    onProgress?.({ phase: 'compressing', done: 0, total: 0 });
  }
  const payload = await gzipChunks(jsonArrayDocument('ops', pages()));
  const cursor = await new DexieSyncStore(db, ctx.now).cursor();
  const number = await nextPackageNumber(db);
  const { counts, dateRange } = summarize(seen);
  const manifest: Omit<PackageManifest, 'payload'> = {
    format: 'mzpkg',
    version: 1,
    packageId: newRecordId(),
    number,
    direction: 'toHq',
    sender: { kind: 'device', officeId: ctx.officeId, deviceId: ctx.deviceId },
    receiver: { kind: 'hq', keyId: hq.signingKeyId },
    covers: {
      ops: seen.length > 0 ? { after: seqs.first - 1, upTo: seqs.last } : null,
      office: null,
      reference: null,
    },
    acknowledges: { cursor, device: null, ops: 0 },
    counts,
    dateRange,
    createdAt: ctx.now().toISOString(),
    createdBy: ctx.actor.name,
    // The package carries the whole queue: nothing else is waiting to be sent. With the
    // desk's access-chain key and head: a desk that only sends packages has no push to
    // give HQ its key, and without it HQ never checks the seals of its looks.
    report: { ...(await new DexieSyncStore(db, ctx.now).deskReport()), queued: 0 },
  };
  const sealed = await sealCompressed({
    manifest,
    payload,
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
  onProgress?.({ phase: 'done', done: seen.length, total: seen.length });
  return {
    bytes: sealed.bytes,
    fileName,
    manifest: sealed.manifest,
    summary: summaryOf(counts, dateRange),
  };
}

/**
 * The queue in seq order, a page at a time. The next page is asked for before this one
 * is handed on: IndexedDB reads it in the browser process while the page's thread
 * serializes and compresses this one (the two used to run one after the other).
 */
async function* queuePages(db: DeskDatabase): AsyncGenerator<QueuedOp[]> {
  const read = (after: number) => db.queue.where('seq').above(after).limit(readPage).toArray();
  let next = read(0);
  try {
    for (;;) {
      const page = await next;
      const last = page[page.length - 1];
      if (!last) return;
      next = read(last.seq);
      yield page;
    }
  } finally {
    next.catch(() => undefined); // a read left over when the consumer stopped early
  }
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
