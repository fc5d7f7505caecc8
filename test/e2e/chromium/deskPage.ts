import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchDeskBrowser } from './browser';
import { compact, pdfPageTexts } from './pdfText';
import { admin } from '../deskSession';
import type {} from './page/storeAccess';

/** Where screenshots go when asked for (DESK_SCREENSHOTS=/tmp/shots-…); else none are taken. */
export const screenshotsDir = process.env.DESK_SCREENSHOTS;

/**
 * A picture of one tab named `name` when DESK_SCREENSHOTS is set: brought to front first
 * (a tab behind another of its context shows its last frame from when it was in front),
 * then given `settleMs` to paint.
 */
export async function tabShot(page: Page, name: string, settleMs = 300): Promise<void> {
  if (!screenshotsDir) return;
  await page.bringToFront();
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: `${screenshotsDir}/${name}.png` });
}

/** One e2e file's desk: a Chromium with an on-disk profile and its page (set in beforeAll). */
export interface DeskPage {
  page: Page;
  context: BrowserContext;
  /**
   * A screenshot named `name` when DESK_SCREENSHOTS is set: the whole page (or the window,
   * see DeskPageOptions), or with `height` the window 1440 wide and that tall (then back
   * to 1280×800).
   */
  shot(name: string, height?: number): Promise<void>;
  /**
   * The print layout (as printing and printToPDF lay it out) made into a PDF: a picture
   * of the print view and of the PDF in Chromium's viewer when asked, each page's text.
   */
  printed(name: string): Promise<string[]>;
}

/** How a file's desk starts and takes its pictures; each left out keeps the default. */
export interface DeskPageOptions {
  /** Runs on the page once started (a first run, a seed) before the file's tests. */
  ready?: (page: Page) => Promise<void>;
  /** A picture without a height is of the whole page (default) or, false, of the window. */
  fullPage?: boolean;
  /** How long transitions may settle before a picture; 500 ms unless said. */
  settleMs?: number;
  /** How wide the window is for a picture with a height; 1440 unless said. */
  tallWidth?: number;
}

/**
 * Registers the browser's start and close for this file; use `desk.page` inside tests.
 * `ready` (or `options.ready`) runs on the page once started before the file's tests.
 */
export function deskPage(
  readyOrOptions?: ((page: Page) => Promise<void>) | DeskPageOptions,
): DeskPage {
  const options =
    typeof readyOrOptions === 'function' ? { ready: readyOrOptions } : (readyOrOptions ?? {});
  const { ready, fullPage = true, settleMs = 500, tallWidth = 1440 } = options;
  let close: (() => Promise<void>) | undefined;
  const desk = { shot, printed } as DeskPage;
  beforeAll(async () => {
    const browser = await launchDeskBrowser();
    close = browser.close;
    desk.context = browser.context;
    desk.page = browser.context.pages()[0] ?? (await browser.context.newPage());
    desk.page.on('pageerror', (error) => console.error('[renderer]', error));
    if (screenshotsDir) await mkdir(screenshotsDir, { recursive: true });
    await ready?.(desk.page);
  });
  afterAll(async () => {
    await close?.();
  });

  async function shot(name: string, height?: number) {
    if (!screenshotsDir) return;
    const { page } = desk;
    if (height) await page.setViewportSize({ width: tallWidth, height });
    // A tab behind another of the context shows its last frame from when it was in front.
    await page.bringToFront();
    await page.waitForTimeout(settleMs);
    await page.screenshot({ path: `${screenshotsDir}/${name}.png`, fullPage: fullPage && !height });
    if (height) await page.setViewportSize({ width: 1280, height: 800 });
  }

  async function printed(name: string): Promise<string[]> {
    const { page } = desk;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#root').isVisible()).toBe(false);
    await shot(`${name}-print`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (screenshotsDir) {
      // LOOK at the PDF itself: Chromium's own PDF viewer renders the file as printed.
      await writeFile(`${screenshotsDir}/${name}.pdf`, pdf);
      const viewer = await desk.context.newPage();
      await viewer.setViewportSize({ width: 900, height: 1250 });
      await viewer.goto(`file://${screenshotsDir}/${name}.pdf`).catch(() => undefined);
      await viewer.waitForTimeout(2500);
      await viewer.screenshot({ path: `${screenshotsDir}/${name}-pdf.png` });
      await viewer.close();
    }
    return pdfPageTexts(pdf).map(compact);
  }

  return desk;
}

/** Whose password opens the store for the helpers below (the first run's administrator). */
export type StoreAccount = { username: string; password: string };

let accessScript: Promise<string> | null = null;

/** The page-side store access (page/storeAccess.ts), bundled once per test process. */
function storeAccessScript(): Promise<string> {
  accessScript ??= esbuild({
    entryPoints: [fileURLToPath(new URL('./page/storeAccess.ts', import.meta.url))],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    alias: { '@shared': fileURLToPath(new URL('../../../shared', import.meta.url)) },
    logLevel: 'warning',
  }).then((r) => r.outputFiles[0]?.text ?? '');
  return accessScript;
}

/** Evaluated, not a script tag: the desk's CSP allows no inline script. */
async function withStoreAccess(page: Page): Promise<void> {
  const ready = await page.evaluate(() => 'deskStoreAccess' in window);
  if (!ready) await page.evaluate(await storeAccessScript());
}

/**
 * Records written into the desk's stores, where a pull from HQ would write them
 * (reference data, a seed): `records` maps a store to its records. The store is opened
 * as a login opens it (its rows are sealed at rest: docs/at-rest.md).
 */
export async function putInStore(
  page: Page,
  records: Record<string, unknown[]>,
  account: StoreAccount = admin,
): Promise<void> {
  await withStoreAccess(page);
  await page.evaluate(([r, a]) => window.deskStoreAccess.put(r, a), [records, account] as const);
}

/** Reads every record of one of the desk's stores, as the desk reads it (opened). */
export async function readStore<T = Record<string, unknown>>(
  page: Page,
  store: string,
  account: StoreAccount = admin,
): Promise<T[]> {
  await withStoreAccess(page);
  return (await page.evaluate(([s, a]) => window.deskStoreAccess.read(s, a), [
    store,
    account,
  ] as const)) as T[];
}

/** Every store of the desk, opened, as JSON text (what the desk holds, sealed or not). */
export async function readEveryStore(page: Page, account: StoreAccount = admin): Promise<string> {
  await withStoreAccess(page);
  return page.evaluate((a) => window.deskStoreAccess.readAll(a), account);
}

/** Deletes records by key from one of the desk's stores. */
export async function deleteFromStore(
  page: Page,
  store: string,
  keys: (string | number)[],
  account: StoreAccount = admin,
) {
  await withStoreAccess(page);
  await page.evaluate(([s, k, a]) => window.deskStoreAccess.remove(s, k, a), [
    store,
    keys,
    account,
  ] as const);
}

/**
 * One field of a clear row of the desk's `meta` store, read straight from IndexedDB (no
 * desk code, as someone with the profile would); with `drop`, deleted from the row too.
 * Returns the field's value as it was (undefined: the row or the field was not there).
 */
export function clearMetaField(
  page: Page,
  key: string,
  field: string,
  drop = false,
): Promise<unknown> {
  return page.evaluate(
    ([metaKey, name, remove]) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('minzheng-desk');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          const meta = tx.objectStore('meta');
          const got = meta.get(metaKey);
          let was: unknown;
          got.onsuccess = () => {
            const row = got.result as { key: string; value: Record<string, unknown> } | undefined;
            was = row?.value[name];
            if (row && remove && name in row.value) {
              Reflect.deleteProperty(row.value, name);
              meta.put(row);
            }
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(was);
          };
          tx.onerror = () => reject(tx.error ?? new Error('meta row failed'));
        };
      }),
    [key, field, drop] as const,
  );
}
