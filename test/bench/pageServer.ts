import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { launchDeskBrowser } from '../e2e/chromium/browser';

/**
 * The bench pages (test/bench/page) compiled by Vite's dev server, as the store e2e
 * harness is (test/e2e/chromium/serveRenderer.ts), and a fresh Chromium with an
 * on-disk profile (launchDeskBrowser: launchPersistentContext) per measured load.
 */

// The repo root, from test/bench/ as from the bundle in dist/bench/ (run-bench.mjs).
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface PageServer {
  url: string;
  origin: string;
  close: () => Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  // Vite's dev server sets NODE_ENV=development for the whole process when none is set;
  // put it back once the server is up, so that nothing later in the bench (a production
  // build of the app: builtRenderer.ts) inherits it.
  const nodeEnv = process.env.NODE_ENV;
  const server: ViteDevServer = await createServer({
    configFile: false,
    root: `${repoRoot}test/bench/page`,
    resolve: { alias: { '@shared': `${repoRoot}shared` } },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    // Pre-bundled up front and nothing discovered later, so the optimizer never reloads
    // a page mid-measure. pouchdb-browser imports Node's `events` (the npm polyfill).
    optimizeDeps: {
      noDiscovery: true,
      include: [
        'dexie',
        'zod',
        'pinyin-pro',
        'uuidv7',
        'fflate',
        'pouchdb-browser',
        'events',
        'exceljs',
        '@scure/bip39',
        '@scure/bip39/wordlists/simplified-chinese.js',
        '@noble/curves/nist.js',
        '@noble/curves/abstract/modular.js',
        '@noble/hashes/hkdf.js',
        '@noble/hashes/sha2.js',
      ],
    },
    logLevel: 'warn',
  });
  await server.listen();
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The bench page server did not report its URL.');
  return { url, origin: new URL(url).origin, close: () => server.close() };
}

/** A fresh on-disk profile, `url` opened and ready (body[data-ready]), closed after `work`. */
export async function withFreshPage<T>(url: string, work: (page: Page) => Promise<T>): Promise<T> {
  const browser = await launchDeskBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    let ready = false;
    page.on('pageerror', (error) => console.error('[bench page]', error.message));
    // Until the page is ready: a module that failed to load says so only here.
    page.on('console', (message) => {
      if (!ready && message.type() === 'error') console.error('[bench page]', message.text());
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 300_000 });
    ready = true;
    return await work(page);
  } finally {
    await browser.close();
  }
}

/** The page's JS heap in use now (bytes), through a CDP session with Performance enabled. */
async function heapUsed(cdp: CDPSession) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/** Samples the renderer's JS heap through CDP while `work` runs; returns the peak (bytes). */
export async function peakHeapDuring<T>(page: Page, work: () => Promise<T>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await heapUsed(cdp);
  let peak = before;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, await heapUsed(cdp));
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

/**
 * A full collection of the page's heap (CDP), for a measure that should start from the
 * steady state of a desk rather than from the bench's own load; returns the heap before
 * and after (bytes).
 */
export async function collectGarbage(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const before = await heapUsed(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    return { before, after: await heapUsed(cdp) };
  } finally {
    await cdp.detach();
  }
}

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
export { perSec } from './rates';
