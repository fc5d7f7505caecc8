import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { consoleDir, launchConsoleBrowser, shot, signedIn } from './consolePage';

/**
 * Hostile review of the console (issue #14) in Chromium: a reviewer reveals an ID number
 * and then buries the line under 210 reads; the administrator's audit page still
 * reaches it, 200 lines at a time.
 */
let hq: RunningHq;
let browser: Browser;

beforeAll(async () => {
  hq = await startHq({ server: { consoleDir } });
  await consoleUser(hq, 'wang', 'admin');
  await consoleUser(hq, 'li', 'reviewer');
  browser = await launchConsoleBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hq?.stop();
});

it('pages back through the audit log to a line buried under a flood of reads', async () => {
  const reviewer = new ConsoleClient(hq.url);
  await reviewer.login('li');
  await reviewer.call('POST', '/cases/case-9/reveal', { personId: 'p-9' });
  for (let i = 0; i < 210; i++) await reviewer.call('GET', '/spot-checks');

  const page = await signedIn(browser, hq, 'wang', '#/audit', '操作日志');
  await page.getByRole('tab', { name: '操作日志' }).click();
  const rows = page.getByRole('table', { name: '操作日志' }).locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(200);
  expect(await page.getByRole('cell', { name: 'case-9', exact: true }).count()).toBe(0);
  await page.getByRole('button', { name: '查看更早的 200 条' }).click();
  await expect.poll(() => page.getByRole('cell', { name: 'case-9', exact: true }).count()).toBe(1);
  expect(await rows.count()).toBeGreaterThan(200);
  await expect.poll(() => page.getByText('已到最早的记录。').count()).toBe(1);
  await page.getByRole('cell', { name: 'case-9', exact: true }).scrollIntoViewIfNeeded();
  await shot(page, 'console-audit-older', { fullPage: false });
  await page.context().close();
});
