import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import type { HqDatabase } from '../../../hq/src/db/database';
import { createEnrollmentCode } from '../../../hq/src/store/offices';
import { logIn, startDeskAsAdmin } from '../deskSession';
import { launchDeskBrowser } from './browser';
import { tabShot } from './deskPage';
import { receiveCountyStandard, startPageHq, type PageHq } from './pageHq';

/**
 * Issue #17 item 1 in the browser build: sync runs in its own worker, and two tabs of
 * one desk store never sync at once (Web Locks) — the second says so, and takes over
 * when the first closes.
 */
let browser: { context: BrowserContext; close: () => Promise<void> };
let served: PageHq | undefined;
let hq: HqDatabase;

beforeAll(async () => {
  served = await startPageHq();
  hq = served.hq;
  browser = await launchDeskBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const syncWorkers = (page: Page) => page.workers().filter((w) => /syncWorker/.test(w.url()));
const state = (page: Page) => page.getByTestId('sync-state').innerText();

it('syncs from a worker, one tab at a time', async () => {
  const first = browser.context.pages()[0] ?? (await browser.context.newPage());
  await first.goto(inject('rendererUrl'));
  await startDeskAsAdmin(first);
  // Not enrolled yet: a second tab waits for sync's turn all the same, and says what the
  // first does — not connected — rather than that another window syncs.
  const early = await browser.context.newPage();
  await early.goto(inject('rendererUrl'));
  await logIn(early);
  await expect.poll(() => syncWorkers(early).length).toBe(1);
  await expect.poll(() => state(first)).toContain('未连接县局');
  await expect.poll(() => state(early)).toContain('未连接县局');
  await shot(early, 'sync-other-tab-not-enrolled');

  // Enrolled from the waiting tab: the tab that holds sync's turn hears of it (the store's
  // meta) and syncs; the waiting one now says the other window syncs.
  await early.getByRole('button', { name: '设置' }).first().click();
  await early.getByRole('button', { name: '县局连接' }).click();
  await early.getByLabel('县局地址').fill(served?.url ?? '');
  await early.getByLabel('接入码').fill(await createEnrollmentCode(hq.db, '330102001', new Date()));
  await early.getByRole('button', { name: '接入', exact: true }).click();
  await early.getByTestId('enroll-done').waitFor();
  await expect.poll(() => state(early)).toContain('本机另一个窗口正在同步');
  await expect.poll(() => state(first), { timeout: 15_000 }).toBe('已与县局同步');
  await expect.poll(() => first.getByTestId('queued-count').innerText()).toBe('0');
  expect(syncWorkers(first)).toHaveLength(1);
  await early.close();

  // A second tab of the same desk: its worker waits for the first's lock.
  const second = await browser.context.newPage();
  await second.goto(inject('rendererUrl'));
  await logIn(second);
  await expect.poll(() => syncWorkers(second).length).toBe(1);
  await expect.poll(() => state(second)).toContain('本机另一个窗口正在同步');
  await shot(second, 'sync-other-tab');

  // The first tab closes: the second takes over and receives what HQ publishes.
  await first.close();
  await expect.poll(() => state(second), { timeout: 15_000 }).toBe('已与县局同步');
  await receiveCountyStandard(second, hq, 68100);
});

const shot = (page: Page, name: string) => tabShot(page, name);
