import type { OfficeSize } from './generator';
import type { PageBench, Percentiles } from './page/pageBench';
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
    return { load, save, search };
  });

  // Load 2 (fresh profile): the same office as pulled changes, raw bulkPut vs applyPulled.
  const pageSize = 1000; // as first measured (the engine now asks HQ for up to 2,000)
  const apply = await withFreshPage(url, async (page) => {
    log('chromium: applying pulled changes (raw bulkPut, then applyPulled)…');
    await page.evaluate(([s, z]) => window.bench.prepareApply(s, z), [seed, size] as const);
    const raw = await page.evaluate((n) => window.bench.applyRaw(n), pageSize);
    const real = await peakHeapDuring(page, () =>
      page.evaluate((n) => window.bench.applyReal(n), pageSize),
    );
    return {
      records: raw.records,
      pageSize,
      rawMs: raw.ms,
      realMs: real.result.ms,
      rawPerSec: Math.round((raw.records / raw.ms) * 1000),
      realPerSec: Math.round((real.result.records / real.result.ms) * 1000),
      heapBeforeMb: mb(real.before),
      heapPeakMb: mb(real.peak),
    };
  });
  return { ...first, apply };
}
