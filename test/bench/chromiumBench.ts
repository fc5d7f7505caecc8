import { maxPullLimit } from '@shared/sync/protocol';
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

  // Load 2 (fresh profile): the same office as pulled changes, raw bulkPut vs applyPulled,
  // in pages of the engine's size, each twice in the order raw, real, real, raw (each
  // into a new database) so neither side gets the warmer or the fuller disk.
  const pageSize = maxPullLimit;
  const apply = await withFreshPage(url, async (page) => {
    log('chromium: applying pulled changes (raw bulkPut, applyPulled, applyPulled, raw)…');
    await page.evaluate(([s, z]) => window.bench.prepareApply(s, z), [seed, size] as const);
    const raw1 = await page.evaluate((n) => window.bench.applyRaw(n), pageSize);
    const real = await peakHeapDuring(page, () =>
      page.evaluate((n) => window.bench.applyReal(n), pageSize),
    );
    const real2 = await page.evaluate((n) => window.bench.applyReal(n), pageSize);
    const raw2 = await page.evaluate((n) => window.bench.applyRaw(n), pageSize);
    const rawMs = (raw1.ms + raw2.ms) / 2;
    const realMs = (real.result.ms + real2.ms) / 2;
    log(`chromium: raw ${raw1.ms} / ${raw2.ms} ms, applyPulled ${real.result.ms} / ${real2.ms} ms`);
    return {
      records: raw1.records,
      pageSize,
      rawMs: Math.round(rawMs),
      realMs: Math.round(realMs),
      rawPerSec: Math.round((raw1.records / rawMs) * 1000),
      realPerSec: Math.round((real.result.records / realMs) * 1000),
      heapBeforeMb: mb(real.before),
      heapPeakMb: mb(real.peak),
    };
  });
  return { ...first, apply };
}
