import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launchDeskBrowser } from '../e2e/chromium/browser';
import type { OfficeSize } from './generator';
import type { PageBench, Percentiles } from './page/pageBench';

/**
 * The store measures in Debian's Chromium with an on-disk profile (launchDeskBrowser:
 * launchPersistentContext, so IndexedDB is on disk as on a desk), a fresh profile per
 * measured load. The page (test/bench/page) is compiled by Vite's dev server, as the
 * store e2e harness is (test/e2e/chromium/serveRenderer.ts).
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

// The repo root, from test/bench/ as from the bundle in dist/bench/ (run-bench.mjs).
const root = fileURLToPath(new URL('../../', import.meta.url));

async function startPageServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: false,
    root: `${root}test/bench/page`,
    resolve: { alias: { '@shared': `${root}shared` } },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    optimizeDeps: { noDiscovery: true, include: ['dexie', 'zod', 'pinyin-pro', 'uuidv7'] },
    logLevel: 'warn',
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The bench page server did not report its URL.');
  return { server, url };
}

async function withFreshPage<T>(url: string, work: (page: Page) => Promise<T>): Promise<T> {
  const browser = await launchDeskBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => console.error('[bench page]', error.message));
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 120_000 });
    return await work(page);
  } finally {
    await browser.close();
  }
}

/** Samples the renderer's JS heap through CDP while `work` runs; returns the peak (bytes). */
async function peakHeapDuring<T>(page: Page, work: () => Promise<T>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapNow = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  };
  const before = await heapNow();
  let peak = before;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, await heapNow());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    const result = await work();
    return { result, before, peak };
  } finally {
    running = false;
    await sampler;
    await cdp.detach();
  }
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function runStoreBench(
  seed: number,
  size: OfficeSize,
  samples: number,
  log: (line: string) => void,
): Promise<StoreFigures> {
  const { server, url } = await startPageServer();
  try {
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
    const pageSize = 1000; // the engine's default pull page
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
  } finally {
    await server.close();
  }
}
