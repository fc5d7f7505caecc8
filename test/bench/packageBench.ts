import { openHqDatabase } from '../../hq/src/db/database';
import { importDevicePackage } from '../../hq/src/packages/importPackage';
import { loadHqKeys, publicHqKeys } from '../../hq/src/store/hqKeys';
import { addOffice, createEnrollmentCode, enrollDevice } from '../../hq/src/store/offices';
import { freshPlace } from '../support/hqHarness';
import { withFreshPage } from './pageServer';
import { useTestDataKeys } from '../support/testDataKeys';

useTestDataKeys();

/**
 * A sync package of `opCount` queued ops: exported at a desk in Chromium (the app's
 * exportPackage on real IndexedDB, page/packagePage.ts) and imported at HQ (the real
 * importDevicePackage over a fresh SQLite HQ database in this process: check, apply
 * every op in one transaction, write the return file). The desk enrolls with its own
 * package keys and pins HQ's, as enrollment does.
 */
export interface PackageFigures {
  ops: number;
  /** The median of the export runs (the phases are the median run's). */
  exportMs: number;
  exportRuns: number[];
  /** The baseline's runs beside them (page/bareExport.ts) and their median. */
  bareExportRuns: number[];
  bareExportMs: number;
  bareJsonMegabytes: number;
  /** Where the export's time went (from the phases exportPackage reports). */
  exportPhasesMs: Record<string, number>;
  megabytes: number;
  importMs: number;
  applied: number;
  rejected: number;
  returnChanges: number;
}

const officeId = 'office-package';

export async function runPackageBench(
  pageUrl: string,
  opCount: number,
  seed: number,
  log: (line: string) => void,
): Promise<PackageFigures> {
  const place = await freshPlace({ kind: 'sqlite', serverUrl: null });
  const hq = await openHqDatabase({ dataDir: place.dataDir, databaseUrl: null });
  try {
    const hqKeys = await loadHqKeys(hq);
    await addOffice(hq.db, { id: officeId, name: '城关镇民政办' }, new Date());
    const exported = await withFreshPage(`${pageUrl}packages.html`, async (page) => {
      const desk = await page.evaluate(() => window.packageBench.openDesk());
      const code = await createEnrollmentCode(hq.db, officeId, new Date());
      await enrollDevice(
        hq.db,
        {
          code,
          deviceId: desk.deviceId,
          officeId,
          deviceName: 'bench desk',
          publicKeys: desk.publicKeys,
        },
        new Date(),
      );
      log(`packages: queueing ${opCount} ops at the desk (fast path)…`);
      await page.evaluate(([o, k, n, s]) => window.packageBench.fillQueue(o, k, n, s), [
        officeId,
        publicHqKeys(hqKeys),
        opCount,
        seed,
      ] as const);
      log('packages: exportPackage at the desk (Chromium), against a bare read + gzip…');
      const runs: Awaited<ReturnType<typeof window.packageBench.exportQueue>>[] = [];
      const bare: Awaited<ReturnType<typeof window.packageBench.bareExport>>[] = [];
      const ours = () =>
        page.evaluate(([o, b]) => window.packageBench.exportQueue(o, b), [
          officeId,
          runs.length === 0,
        ] as const);
      // Three of each, which goes first alternating; the first export is the one HQ gets.
      for (let i = 0; i < 3; i++) {
        if (i % 2 === 0) bare.push(await page.evaluate(() => window.packageBench.bareExport()));
        runs.push(await ours());
        if (i % 2 === 1) bare.push(await page.evaluate(() => window.packageBench.bareExport()));
      }
      return { runs, bare };
    });
    const byMs = [...exported.runs].sort((a, b) => a.ms - b.ms);
    const median = byMs[1] ?? byMs[0];
    const first = exported.runs[0];
    const bareMs = exported.bare.map((b) => b.ms).sort((a, b) => a - b);
    if (!median || !first) throw new Error('No export was measured.');
    log(
      `packages: exported ${median.ops} ops in ${median.ms} ms (bare ${bareMs[1]} ms); importing at HQ…`,
    );
    const bytes = new Uint8Array(Buffer.from(first.base64, 'base64'));
    const t0 = performance.now();
    const imported = await importDevicePackage(hq.db, hqKeys, bytes, new Date());
    const importMs = Math.round(performance.now() - t0);
    return {
      ops: median.ops,
      exportMs: median.ms,
      exportRuns: exported.runs.map((r) => r.ms),
      bareExportRuns: exported.bare.map((b) => b.ms),
      bareExportMs: bareMs[1] ?? 0,
      bareJsonMegabytes: Math.round(((exported.bare[0]?.jsonBytes ?? 0) / 1e6) * 10) / 10,
      exportPhasesMs: median.phasesMs,
      megabytes: Math.round((median.bytes / 1e6) * 10) / 10,
      importMs,
      applied: imported.summary.ops.applied,
      rejected: imported.summary.ops.rejected,
      returnChanges: imported.summary.returnFile.changes,
    };
  } finally {
    await hq.close();
    await place.drop();
  }
}
