import { maxPullLimit } from '@shared/sync/protocol';
import type { OfficeSize } from './generator';
import type { PageBench, Percentiles } from './page/pageBench';
import { settleForGrid } from './gridOnly';
import { mb, peakHeapDuring, withFreshPage } from './pageServer';

/**
 * The store measures in Debian's Chromium with an on-disk profile (launchDeskBrowser:
 * launchPersistentContext, so IndexedDB is on disk as on a desk), a fresh profile per
 * measured load. The page (test/bench/page/index.html) is compiled by Vite's dev server
 * (test/bench/pageServer.ts), whose URL the caller passes.
 */
export interface StoreFigures {
  load: Awaited<ReturnType<PageBench['loadOffice']>>;
  save: { writePath: Percentiles; rawTwoTable: Percentiles };
  search: Awaited<ReturnType<PageBench['measureSearch']>>;
  grid: Awaited<ReturnType<PageBench['measureGrid']>>;
  apply: {
    records: number;
    pageSize: number;
    rawMs: number;
    realMs: number;
    rawPerSec: number;
    realPerSec: number;
    heapBeforeMb: number;
    heapPeakMb: number;
  };
}

export async function runStoreBench(
  seed: number,
  size: OfficeSize,
  samples: number,
  log: (line: string) => void,
  url: string,
): Promise<StoreFigures> {
  // Load 1 (fresh profile): the office, then saves and searches at that size.
  const first = await withFreshPage(url, async (page) => {
    log('chromium: generating and loading the office…');
    const load = await page.evaluate(([s, z]) => window.bench.loadOffice(s, z), [
      seed,
      size,
    ] as const);
    log(`chromium: loaded ${load.records} records in ${load.loadMs} ms; measuring saves…`);
    const save = await page.evaluate((n) => window.bench.measureSave(n), samples);
    log('chromium: measuring searches…');
    const search = await page.evaluate(([n, s]) => window.bench.measureSearch(n, s), [
      samples,
      seed,
    ] as const);
    log('chromium: measuring the persons table’s pages…');
    await settleForGrid(page, log);
    const grid = await page.evaluate(([n, s]) => window.bench.measureGrid(n, s), [
      samples,
      seed,
    ] as const);
    return { load, save, search, grid };
  });

  // Load 2 (fresh profile): the same office as pulled changes, raw bulkPut vs applyPulled,
  // in pages of the engine's size, alternating page by page (see applyBoth).
  const pageSize = maxPullLimit;
  const apply = await withFreshPage(url, async (page) => {
    log('chromium: applying pulled changes (raw bulkPut and applyPulled, page by page)…');
    await page.evaluate(([s, z]) => window.bench.prepareApply(s, z), [seed, size] as const);
    const both = await peakHeapDuring(page, () =>
      page.evaluate((n) => window.bench.applyBoth(n), pageSize),
    );
    const { records, rawMs, realMs } = both.result;
    log(`chromium: raw ${rawMs} ms, applyPulled ${realMs} ms`);
    return {
      records,
      pageSize,
      rawMs,
      realMs,
      rawPerSec: Math.round((records / rawMs) * 1000),
      realPerSec: Math.round((records / realMs) * 1000),
      heapBeforeMb: mb(both.before),
      heapPeakMb: mb(both.peak),
    };
  });
  return { ...first, apply };
}
