import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchDeskBrowser } from './browser';

/** The write path on Chromium's real IndexedDB, via test/e2e/store/harness.ts. */
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  browser = await launchDeskBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('pageerror', (error) => console.error('[harness]', error.message));
  await page.goto(inject('storeHarnessUrl'));
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
});

afterAll(async () => {
  await browser?.close();
});

describe('write path on real IndexedDB', () => {
  it('keeps the record and its queue entry across a reload (on-disk profile)', async () => {
    await page.evaluate(() => window.storeChecks.writeForReload());
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    expect(await page.evaluate(() => window.storeChecks.readAfterReload())).toEqual({
      persons: 1,
      queue: 1,
      firstKind: 'person',
    });
  });

  it('writes nothing when validation fails', async () => {
    expect(await page.evaluate(() => window.storeChecks.validationFailureWritesNothing())).toEqual({
      code: 'validation',
      persons: 0,
      queue: 0,
    });
  });

  it('rolls back the record when the queue write fails mid-transaction', async () => {
    expect(await page.evaluate(() => window.storeChecks.midTransactionFailureRollsBack())).toEqual({
      failed: true,
      persons: 1,
      queue: 1,
    });
  });
});
