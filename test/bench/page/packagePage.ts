/**
 * A desk exporting a sync package inside Chromium (real IndexedDB on an on-disk
 * profile), served by Vite's dev server (test/bench/packageBench.ts calls these through
 * page.evaluate). The desk's keys are its own (ensureDeviceKeys), HQ's are pinned as
 * enrollment pins them; the queue is filled by the load fast path (generator.ts) and
 * the export is the app's own exportPackage.
 */
import type { PublicKeys } from '@shared/package/keys';
import { DeskDatabase } from '../../../renderer/src/db/database';
import { ensureDeviceId } from '../../../renderer/src/db/repositories/settings';
import type { WriteContext } from '../../../renderer/src/db/writeContext';
import { ensureDeviceKeys, pinHqKeys } from '../../../renderer/src/sync/packages/deviceKeys';
import { exportPackage } from '../../../renderer/src/sync/packages/exportPackage';
import type { PackagePhase } from '../../../renderer/src/sync/packages/packageTypes';
import { bareExport } from './bareExport';
import { accountRecord, createOps, generateOffice, RecordStamper } from '../generator';
import { useTestDataKeys } from '../../support/testDataKeys';

useTestDataKeys();

let desk: { db: DeskDatabase; deviceId: string } | null = null;
// The queue's author: the desk's administrator, whose own account is its first op
// (HQ checks every op's actor against the office's accounts).
const author: WriteContext['actor'] = { userId: 'user-admin', name: '赵管理', role: 'admin' };
// Who exports: a supervisor.
const actor: WriteContext['actor'] = {
  userId: 'user-supervisor',
  name: '李主管',
  role: 'supervisor',
};

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const packageBench = {
  /** A fresh desk database with its device id and package keys (before enrollment). */
  async openDesk() {
    const db = new DeskDatabase(`bench-package-${Date.now()}`);
    await db.open();
    const deviceId = await ensureDeviceId(db);
    const publicKeys = await ensureDeviceKeys(db);
    desk = { db, deviceId };
    return { deviceId, publicKeys };
  },

  /** HQ's keys pinned, and `opCount` create ops queued as the write path queues them. */
  async fillQueue(officeId: string, hqKeys: PublicKeys, opCount: number, seed: number) {
    if (!desk) throw new Error('openDesk first');
    const { db, deviceId } = desk;
    await pinHqKeys(db, hqKeys);
    const stamper = new RecordStamper(officeId, deviceId, author, Date.now());
    // About 1.43 records per person (households and cases): enough persons for opCount.
    const persons = Math.ceil(opCount / 1.3);
    const records = [
      accountRecord(stamper),
      ...generateOffice(seed, { persons, cases: Math.ceil(persons / 10) }, stamper),
    ];
    const ops = createOps(records.slice(0, opCount), stamper, 1);
    for (let i = 0; i < ops.length; i += 5_000) await db.queue.bulkAdd(ops.slice(i, i + 5_000));
    await db.meta.put({ key: 'deviceSeq', value: ops.length });
    return { queued: await db.queue.count() };
  },

  /** The baseline: the same queue read and gzipped with nothing of ours (bareExport.ts). */
  async bareExport() {
    if (!desk) throw new Error('openDesk first');
    const keys = desk.db.atRest.keys;
    if (!keys) throw new Error('The bench store is locked.');
    return bareExport(desk.db.backendDB(), keys);
  },

  /**
   * exportPackage as a supervisor: the measured part; the bytes go back as base64 when
   * `withBytes` (the package HQ imports).
   */
  async exportQueue(officeId: string, withBytes: boolean) {
    if (!desk) throw new Error('openDesk first');
    const ctx: WriteContext = { actor, officeId, deviceId: desk.deviceId, now: () => new Date() };
    // When each phase the export reports first started: where its time goes.
    const started: Partial<Record<PackagePhase, number>> = {};
    const t0 = performance.now();
    const exported = await exportPackage(desk.db, ctx, ({ phase }) => {
      started[phase] ??= performance.now();
    });
    const end = performance.now();
    const span = (from: PackagePhase, to: PackagePhase | null) =>
      Math.round((to ? (started[to] ?? end) : end) - (started[from] ?? t0));
    return {
      ms: Math.round(end - t0),
      phasesMs: {
        // Reading, JSON and gzip run together since the export streams the queue.
        readJsonGzip: span('reading', 'compressing'),
        gzipFlush: span('compressing', 'encrypting'),
        encrypt: span('encrypting', 'signing'),
        signAndRecord: span('signing', null),
      },
      ops: exported.summary.total,
      bytes: exported.bytes.length,
      base64: withBytes ? toBase64(exported.bytes) : '',
    };
  },
};

export type PackagePageBench = typeof packageBench;

declare global {
  interface Window {
    packageBench: PackagePageBench;
  }
}

window.packageBench = packageBench;
document.body.dataset.ready = 'true';
