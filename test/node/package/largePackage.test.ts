import { describe, expect, it } from 'vitest';
import { importDevicePackage } from '../../../hq/src/packages/importPackage';
import { loadHqKeys } from '../../../hq/src/store/hqKeys';
import { exportPackage } from '../../../renderer/src/sync/packages/exportPackage';
import { importPackage } from '../../../renderer/src/sync/packages/importPackage';
import { createOps, generateOffice, RecordStamper } from '../../bench/generator';
import { startHq } from '../../support/hqHarness';
import { enrollWithPackageKeys } from '../../support/packageDesks';
import { openOfficeDesk } from '../../support/syncDesks';

/**
 * A package of 100,000 ops through the whole loop, with the times printed, never
 * asserted (speed goals live in `npm run bench`). The desk is fake-indexeddb in Node
 * and HQ is SQLite here, so the figures are this test's, not a desk's in Chromium.
 */
/** LARGE_OPS=20000 for a quicker look while profiling HQ's import. */
const opCount = Number(process.env.LARGE_OPS ?? 100_000);

describe('a 100,000-op package', () => {
  it('exports, imports at HQ, and its return file imports at the desk', async () => {
    const hq = await startHq({ storage: { kind: 'sqlite', serverUrl: null } });
    try {
      const desk = await openOfficeDesk('office-large', 'L');
      await enrollWithPackageKeys(desk, hq);
      // The office's records as queue entries, as the write path would have queued them.
      const stamper = new RecordStamper(desk.officeId, desk.deviceId, desk.ctx.actor, Date.now());
      const records = generateOffice(7, { persons: 70_000, cases: 7_000 }, stamper);
      const seqRow = await desk.db.meta.get('deviceSeq');
      const firstSeq = (typeof seqRow?.value === 'number' ? seqRow.value : 0) + 1;
      const ops = createOps(records, stamper, firstSeq).slice(0, opCount - firstSeq + 1);
      for (let i = 0; i < ops.length; i += 5_000)
        await desk.db.queue.bulkAdd(ops.slice(i, i + 5_000));
      await desk.db.meta.put({ key: 'deviceSeq', value: firstSeq + ops.length - 1 });
      expect(await desk.db.queue.count()).toBe(opCount);

      const supervisor = desk.as('supervisor');
      const time = async <T>(work: () => Promise<T>) => {
        const start = performance.now();
        const result = await work();
        return { result, seconds: Math.round(performance.now() - start) / 1000 };
      };
      const exported = await time(() => exportPackage(desk.db, supervisor));
      const atHq = await time(async () =>
        importDevicePackage(hq.hq.db, await loadHqKeys(hq.hq), exported.result.bytes, new Date()),
      );
      const back = await time(() =>
        importPackage(desk.db, supervisor, atHq.result.returnPackage.bytes),
      );
      console.log(
        [
          `100,000-op package: export ${exported.seconds} s (${(exported.result.bytes.length / 1e6).toFixed(1)} MB)`,
          `HQ import + return file ${atHq.seconds} s (${atHq.result.summary.ops.applied} applied)`,
          `desk import of the return file ${back.seconds} s (${back.result.changes.new} changes)`,
        ].join('; '),
      );
      expect(exported.result.summary.total).toBe(opCount);
      expect(atHq.result.summary.ops.total).toBe(opCount);
      expect(await desk.db.queue.count()).toBe(0);
    } finally {
      await hq.stop();
    }
  }, 900_000);
});
