import { afterAll, beforeAll, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { runDeskScenario } from '../scenario';
import { launchDeskBrowser } from './browser';

let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  browser = await launchDeskBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('pageerror', (error) => console.error('[renderer]', error));
});

afterAll(async () => {
  await browser?.close();
});

it('runs the desk scenario in Chromium on real IndexedDB', async () => {
  await page.goto(inject('rendererUrl'));
  await runDeskScenario(page, {
    reload: async () => {
      await page.reload();
    },
    ...(process.env.DESK_SCREENSHOTS ? { screenshotsDir: process.env.DESK_SCREENSHOTS } : {}),
  });
});
