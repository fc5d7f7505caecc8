import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defaultGzipEngine } from '@shared/package/compression';
import { readPackageBytes } from '@shared/package/fileFormat';
import { exportPublicKeys, generatePackageKeys, keyId } from '@shared/package/keys';
import { decryptPackage, verifyPackage } from '@shared/package/open';
import { toHqPayloadSchema } from '@shared/package/payload';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { ensureDeviceKeys, pinHqKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { exportPackage } from '../../../renderer/src/sync/packages/exportPackage';
import { importPackage } from '../../../renderer/src/sync/packages/importPackage';
import type { PackageProgress } from '../../../renderer/src/sync/packages/packageTypes';
import { createOps, generateOffice, RecordStamper } from '../../bench/generator';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { enrollWithPackageKeys } from '../../support/packageDesks';
import { openOfficeDesk, type SyncDesk } from '../../support/syncDesks';

/**
 * The desk's export streams the queue page by page through JSON, UTF-8 and gzip
 * (exportPackage.ts, shared/package/payloadChunks.ts). Past several read pages and
 * serialization batches, the package must still carry exactly the queue as one JSON
 * document, open with the receiver's key, and import at HQ with either gzip engine.
 */
let hq: RunningHq | null = null;
afterEach(async () => {
  vi.unstubAllGlobals();
  await hq?.stop();
  hq = null;
});

/** `count` generated create ops queued after what the desk queued itself. */
async function queueOps(desk: SyncDesk, count: number, seed: number) {
  const stamper = new RecordStamper(desk.officeId, desk.deviceId, desk.ctx.actor, Date.now());
  const records = generateOffice(seed, { persons: count, cases: count / 10 }, stamper);
  const seqRow = await desk.db.meta.get('deviceSeq');
  const firstSeq = (typeof seqRow?.value === 'number' ? seqRow.value : 0) + 1;
  const ops = createOps(records, stamper, firstSeq).slice(0, count);
  for (let i = 0; i < ops.length; i += 5_000) await desk.db.queue.bulkAdd(ops.slice(i, i + 5_000));
  await desk.db.meta.put({ key: 'deviceSeq', value: firstSeq + ops.length - 1 });
}

describe('streamed desk export', () => {
  it('carries the whole queue, in order, across read pages and batches', async () => {
    const desk = await openOfficeDesk('office-stream', 'S');
    const hqKeys = await generatePackageKeys();
    const hqPublic = await exportPublicKeys(hqKeys);
    const deskKeys = await ensureDeviceKeys(desk.db);
    await pinHqKeys(desk.db, hqPublic);
    // More than one read page (20,000) and not a multiple of a batch (2,000).
    await queueOps(desk, 25_000, 3);
    const queued = await desk.db.queue.orderBy('seq').toArray();
    expect(queued.length).toBeGreaterThan(25_000);

    const progress: PackageProgress[] = [];
    const exported = await exportPackage(desk.db, desk.as('supervisor'), (p) => progress.push(p));

    const read = readPackageBytes(exported.bytes);
    await verifyPackage(read, deskKeys.signing);
    const recipient = {
      keyId: await keyId(hqPublic.encryption),
      privateKey: hqKeys.encryption.privateKey,
    };
    // As parsed JSON, unvalidated: exactly what the queue holds, field for field.
    const raw = await decryptPackage(read, recipient, z.unknown());
    expect(JSON.stringify(raw)).toBe(JSON.stringify({ ops: queued }));
    const payload = await decryptPackage(read, recipient, toHqPayloadSchema);
    expect(payload.ops.map((op) => op.opId)).toEqual(queued.map((op) => op.opId));
    expect(exported.manifest.covers.ops).toEqual({
      after: (queued[0]?.seq ?? 0) - 1,
      upTo: queued.at(-1)?.seq,
    });
    expect(exported.summary.total).toBe(queued.length);

    // Reading moves the bar up to every op, then the remaining phases follow in order.
    const reading = progress.filter((p) => p.phase === 'reading').map((p) => p.done);
    expect(reading).toEqual([...reading].sort((a, b) => a - b));
    expect(reading.at(-1)).toBe(queued.length);
    const phases = progress.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['reading', 'compressing', 'encrypting', 'signing', 'done']);
    expect(await desk.db.queue.count()).toBe(queued.length); // export never deletes
  }, 120_000);

  it('without CompressionStream, gzips with fflate and HQ imports every op', async () => {
    hq = await startHq({ storage: { kind: 'sqlite', serverUrl: null } });
    const desk = await openOfficeDesk('office-fallback', 'F');
    await enrollWithPackageKeys(desk, hq);
    await queueOps(desk, 4_500, 5);
    const queued = await desk.db.queue.count();

    // A runtime without the native stream (older Electron, other hosts).
    vi.stubGlobal('CompressionStream', undefined);
    expect(defaultGzipEngine()).toBe('fflate');
    const exported = await exportPackage(desk.db, desk.as('supervisor'));
    vi.unstubAllGlobals();

    const atHq = await importDevicePackage(
      hq.hq.db,
      await loadHqKeys(hq.hq),
      exported.bytes,
      new Date(),
    );
    expect(atHq.summary.ops).toMatchObject({ total: queued, applied: queued, rejected: 0 });
    await importPackage(desk.db, desk.as('supervisor'), atHq.returnPackage.bytes);
    expect(await desk.db.queue.count()).toBe(0);
  }, 120_000);
});
