import { parseHlc } from '@shared/clock/hlc';
import { packageFileName, type SeqRange } from '@shared/package/manifest';
import { readPackageBytes, type ReadPackage } from '@shared/package/fileFormat';
import { decryptPackage, verifyPackage } from '@shared/package/open';
import { toOfficePayloadSchema, type ToOfficePayload } from '@shared/package/payload';
import { packageRefusal } from '@shared/package/refusals';
import { checkOrder } from '@shared/package/sequence';
import type { ChangeRefusal } from '@shared/sync/incomingChanges';
import type { ServerChange, SyncCursor } from '@shared/sync/protocol';
import { recordTableNames, type DeskDatabase } from '../../db/database';
import { requireRole } from '../../db/permissions';
import { packagesTable } from '../../db/tables/packageTables';
import type { WriteContext } from '../../db/writeContext';
import { DexieSyncStore, RefusedChangesError } from '../dexieSyncStore';
import { keepRefusedChanges } from '../refusedChanges';
import { requirePackageKeys } from './deviceKeys';
import { settleSeqCheck } from '../../db/repositories/backup/seqCheck';
import { summaryOf } from './packageSummary';
import type { ImportedPackage, OnPackageProgress, PackagePreview } from './packageTypes';

interface OpenedPackage {
  read: ReadPackage;
  payload: ToOfficePayload;
}

/**
 * Checks a return package and shows what it holds, applying nothing: the supervisor
 * sees it before it changes the desk. Refusals say exactly why (refusals.ts).
 */
export async function previewPackage(
  db: DeskDatabase,
  ctx: WriteContext,
  bytes: Uint8Array<ArrayBuffer>,
  onProgress?: OnPackageProgress,
): Promise<PackagePreview> {
  const opened = await openReturnPackage(db, ctx, bytes, onProgress);
  const store = new DexieSyncStore(db, ctx.now);
  const cursor = await store.cursor();
  await checkOrderAt(db, opened.read, cursor);
  await checkChanges(db, ctx, store, opened);
  return previewOf(db, ctx.deviceId, opened, cursor);
}

/**
 * Applies a return package in ONE transaction through the online path's own steps:
 * HQ's answers leave the queue as a push response would (refused ops kept for people),
 * then the changes this desk lacks apply as a pulled page would, the cursor moves, and
 * the package joins the history. The order checks run again inside the transaction,
 * so an online sync that ran meanwhile cannot make anything apply twice.
 */
export async function importPackage(
  db: DeskDatabase,
  ctx: WriteContext,
  bytes: Uint8Array<ArrayBuffer>,
  onProgress?: OnPackageProgress,
): Promise<ImportedPackage> {
  const opened = await openReturnPackage(db, ctx, bytes, onProgress);
  const { manifest } = opened.read;
  const store = new DexieSyncStore(db, ctx.now);
  // Checked before the transaction as well as in it (applyPage), so what is refused is
  // kept: the transaction's own writes are undone by the refusal.
  await checkOrderAt(db, opened.read, await store.cursor());
  await checkChanges(db, ctx, store, opened);
  onProgress?.({ phase: 'applying', done: 0, total: opened.payload.changes.length });
  let preview: PackagePreview | null = null;
  let applied: ServerChange[] = [];
  try {
    await db.transaction(
      'rw',
      [...recordTableNames, 'queue', 'meta', 'revisions', 'rejectedOps', 'packages'],
      async () => {
        const cursor = await store.cursor();
        await checkOrderAt(db, opened.read, cursor);
        preview = await previewOf(db, ctx.deviceId, opened, cursor);
        await store.acknowledge(opened.payload.results);
        // The file answers this desk: how far HQ holds it settles a restore's seq check.
        const { deviceSeq } = opened.payload;
        if (deviceSeq !== undefined && manifest.acknowledges.device === ctx.deviceId) {
          await settleSeqCheck(db, deviceSeq);
        }
        applied = newChanges(opened.payload.changes, cursor);
        await store.applyPage(applied, {
          office: advanced(cursor.office, manifest.covers.office),
          reference: advanced(cursor.reference, manifest.covers.reference),
        });
        await packagesTable(db).put({
          packageId: manifest.packageId,
          direction: 'imported',
          manifest,
          fileName: packageFileName(manifest, ctx.officeId),
          at: ctx.now().toISOString(),
          by: ctx.actor.name,
        });
      },
    );
  } catch (error) {
    // Checked above already; refused in applyPage only if the desk changed meanwhile.
    if (error instanceof RefusedChangesError) {
      await refuse(db, ctx, opened, error.changes, error.refusals);
    }
    throw error;
  }
  try {
    await store.afterPull(applied);
  } catch {
    // The package is applied; derived records (bed stays) are rebuilt after every pull,
    // so a failure here must not report the import as failed (a retry would be refused).
  }
  onProgress?.({ phase: 'done', done: applied.length, total: applied.length });
  const result = preview as PackagePreview | null;
  if (!result) throw new Error('unreachable: the import transaction ended without a preview');
  return { ...result, importedAt: ctx.now().toISOString() };
}

/** Layout, direction, receiver, HQ's pinned key and signature, then decryption. */
async function openReturnPackage(
  db: DeskDatabase,
  ctx: WriteContext,
  bytes: Uint8Array<ArrayBuffer>,
  onProgress?: OnPackageProgress,
): Promise<OpenedPackage> {
  requireRole(ctx, ['supervisor'], 'import sync packages');
  const { device, hq } = await requirePackageKeys(db);
  onProgress?.({ phase: 'checking', done: 0, total: 0 });
  const read = readPackageBytes(bytes);
  const { manifest } = read;
  if (manifest.direction !== 'toOffice') {
    throw packageRefusal(
      'package.wrong_direction',
      'This package is addressed to HQ (a desk export); import the return file HQ made.',
    );
  }
  if (manifest.receiver.kind !== 'office' || manifest.receiver.officeId !== ctx.officeId) {
    const office = manifest.receiver.kind === 'office' ? manifest.receiver.officeId : 'HQ';
    throw packageRefusal(
      'package.wrong_receiver',
      `This package is meant for office ${office}, not ${ctx.officeId}.`,
      { office },
    );
  }
  if (manifest.sender.kind !== 'hq' || manifest.sender.keyId !== hq.signingKeyId) {
    throw packageRefusal(
      'package.unknown_signer',
      'The package is not signed by the HQ this desk is enrolled with.',
      { keyId: read.signerKeyId },
    );
  }
  await verifyPackage(read, hq.publicKeys.signing);
  onProgress?.({ phase: 'decrypting', done: 0, total: 0 });
  const payload = await decryptPackage(read, device.encryption, toOfficePayloadSchema);
  return { read, payload };
}

/**
 * HQ's changes pass the desk's own checks (shared/sync/incomingChanges.ts), as a pulled
 * page's do: one that does not refuses the whole package, and is kept for people to see.
 */
async function checkChanges(
  db: DeskDatabase,
  ctx: WriteContext,
  store: DexieSyncStore,
  opened: OpenedPackage,
): Promise<void> {
  const refusals = await store.refusalsOf(opened.payload.changes);
  if (refusals.length > 0) await refuse(db, ctx, opened, opened.payload.changes, refusals);
}

/** Keeps the refused changes, with the package's file name, and refuses the package. */
async function refuse(
  db: DeskDatabase,
  ctx: WriteContext,
  { read }: OpenedPackage,
  changes: readonly ServerChange[],
  refusals: readonly ChangeRefusal[],
): Promise<never> {
  const fileName = packageFileName(read.manifest, ctx.officeId);
  await keepRefusedChanges(db, changes, refusals, { kind: 'package', fileName }, ctx.now());
  const first = refusals[0];
  throw packageRefusal(
    'package.refused_changes',
    `The package carries ${refusals.length} change(s) this desk may not apply ` +
      `(first: ${first?.code ?? ''}); nothing was imported.`,
    { count: refusals.length },
  );
}

async function checkOrderAt(db: DeskDatabase, read: ReadPackage, cursor: SyncCursor) {
  // HQ numbers its packages per office; each answers one desk's package (or none, for
  // export-for). A replay is an older package of the same kind: another desk's return,
  // imported here first, must not make this desk's own answer look old.
  const answers = read.manifest.acknowledges.device;
  const imported = await packagesTable(db)
    .filter((p) => p.direction === 'imported' && p.manifest.acknowledges.device === answers)
    .toArray();
  checkOrder(
    read.manifest,
    {
      packageIds: new Set(imported.map((p) => p.packageId)),
      lastNumber: Math.max(0, ...imported.map((p) => p.manifest.number)),
    },
    { office: cursor.office, reference: cursor.reference },
  );
}

/**
 * The cursor after a package: only a range that starts at or before what the desk holds
 * moves it. An empty range further on (another desk's return, made when that desk was
 * ahead) carries nothing and must not skip the changes in between.
 */
function advanced(held: number, range: SeqRange | null): number {
  return range && range.after <= held ? Math.max(held, range.upTo) : held;
}

function newChanges(changes: ServerChange[], cursor: SyncCursor): ServerChange[] {
  return changes.filter((c) => c.seq > cursor[c.stream]);
}

async function previewOf(
  db: DeskDatabase,
  deviceId: string,
  { read, payload }: OpenedPackage,
  cursor: SyncCursor,
): Promise<PackagePreview> {
  const acknowledged = { applied: 0, conflicts: 0, rejected: 0, stillQueued: 0 };
  const queued = await db.queue.bulkGet(payload.results.map((r) => r.seq));
  const ownOpIds = new Set(payload.results.map((r) => r.opId));
  const own = (c: ServerChange) => isOwnChange(c, deviceId, ownOpIds);
  const fresh = newChanges(payload.changes, cursor);
  payload.results.forEach((result, i) => {
    if (result.status === 'applied') acknowledged.applied += 1;
    if (result.status === 'conflict') acknowledged.conflicts += 1;
    if (result.status === 'rejected') acknowledged.rejected += 1;
    if (queued[i]?.opId === result.opId) acknowledged.stillQueued += 1;
  });
  return {
    manifest: read.manifest,
    summary: summaryOf(read.manifest.counts, read.manifest.dateRange),
    acknowledged,
    changes: {
      total: payload.changes.filter((c) => !own(c)).length,
      new: fresh.filter((c) => !own(c)).length,
      own: payload.changes.filter(own).length,
    },
  };
}

/**
 * A change that is this desk's own op coming back as HQ now holds it (HQ names the op that
 * wrote it): a receipt of the desk's work, not news from the county. Known by the op's id
 * (answered in this package), or by the record's clock stamp, whose node is the device
 * that made the change (an op answered earlier, or queued and answered later).
 */
function isOwnChange(change: ServerChange, deviceId: string, ownOpIds: Set<string>): boolean {
  if (change.opId === undefined) return false;
  if (ownOpIds.has(change.opId)) return true;
  const hlc = change.record.hlc;
  return typeof hlc === 'string' && parseHlc(hlc)?.node === deviceId;
}
