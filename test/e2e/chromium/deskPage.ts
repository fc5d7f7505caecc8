import { mkdir, writeFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchDeskBrowser } from './browser';
import { compact, pdfPageTexts } from './pdfText';

/** Where screenshots go when asked for (DESK_SCREENSHOTS=/tmp/shots-…); else none are taken. */
export const screenshotsDir = process.env.DESK_SCREENSHOTS;

/** One e2e file's desk: a Chromium with an on-disk profile and its page (set in beforeAll). */
export interface DeskPage {
  page: Page;
  context: BrowserContext;
  /**
   * A screenshot named `name` when DESK_SCREENSHOTS is set: the whole page, or with
   * `height` the window 1440 wide and that tall (then back to 1280×800).
   */
  shot(name: string, height?: number): Promise<void>;
  /**
   * The print layout (as printing and printToPDF lay it out) made into a PDF: a picture
   * of the print view and of the PDF in Chromium's viewer when asked, each page's text.
   */
  printed(name: string): Promise<string[]>;
}

/**
 * Registers the browser's start and close for this file; use `desk.page` inside tests.
 * `ready` runs on the page once started (a first run, a seed) before the file's tests.
 */
export function deskPage(ready?: (page: Page) => Promise<void>): DeskPage {
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
    if (height) await page.setViewportSize({ width: 1440, height });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${screenshotsDir}/${name}.png`, fullPage: !height });
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

/**
 * Records written straight into the desk's IndexedDB stores, where a pull from HQ would
 * write them (reference data, a seed): `records` maps a store to its records.
 */
export async function putInStore(page: Page, records: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(async (byStore) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('minzheng-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error as Error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(Object.keys(byStore), 'readwrite');
      for (const [store, rows] of Object.entries(byStore))
        for (const r of rows) tx.objectStore(store).put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error as Error);
    });
    db.close();
  }, records);
}

/** Reads every record of one of the desk's IndexedDB stores, as the store holds it. */
export async function readStore<T = Record<string, unknown>>(
  page: Page,
  store: string,
): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('minzheng-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error as Error);
    });
    const all = await new Promise<never>((resolve, reject) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result as never);
      request.onerror = () => reject(request.error as Error);
    });
    db.close();
    return all;
  }, store);
}

/** Deletes records by key from one of the desk's IndexedDB stores. */
export async function deleteFromStore(page: Page, store: string, keys: (string | number)[]) {
  await page.evaluate(
    async ({ name, ids }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('minzheng-desk');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error as Error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(name, 'readwrite');
        for (const id of ids) tx.objectStore(name).delete(id);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error as Error);
      });
      db.close();
    },
    { name: store, ids: keys },
  );
}
