// The desks run on fake-indexeddb like the HQ suite's desks (their real write path and
// sync engine); the console is the built page in Chromium.
import 'fake-indexeddb/auto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAudit } from '../../../hq/src/console/audit';
import { consoleUser } from '../../support/consoleClient';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { twoOfficesPaying } from '../../node/hq/figuresKit';
import { consoleDir, launchConsoleBrowser, shot, signedIn } from './consolePage';

/**
 * 发放名册 and 统计 in Chromium against the real HQ (issue #14 item 5): two offices'
 * desks pay through HQ (office A's roll approved); a viewer finds the roll with its
 * hash, opens its masked lines, reads the month's figures and charts, and downloads the
 * Excel file, which opens with its Chinese headers and amounts; a cleared month is
 * refused next to the field.
 */
let hq: RunningHq;
let browser: Browser;
let work: Awaited<ReturnType<typeof twoOfficesPaying>>;

beforeAll(async () => {
  hq = await startHq({ server: { consoleDir } });
  await consoleUser(hq, 'kan', 'viewer');
  work = await twoOfficesPaying(hq);
  browser = await launchConsoleBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hq?.stop();
});

it('a viewer finds the roll with its hash and opens its masked lines', async () => {
  const page = await signedIn(browser, hq, 'kan', '#/rolls', '统计', { downloads: true });
  await page.getByRole('tab', { name: '发放名册' }).click();
  const rolls = page.getByRole('table', { name: '发放名册' });
  await expect.poll(() => rolls.getByRole('row').count()).toBe(2);
  const row = rolls.getByRole('row').filter({ hasText: work.month });
  expect(await row.getByText('已批准').count()).toBe(1);
  expect(await row.getByText(`${work.roll.hash.slice(0, 12)}…`).count()).toBe(1);
  await shot(page, 'console-rolls');

  await row.getByRole('button', { name: '查看明细' }).click();
  await expect
    .poll(() => page.getByRole('heading', { name: /发放名册（第 1 版）/ }).count())
    .toBe(1);
  await expect.poll(() => page.getByText('校验码与名册明细一致').count()).toBe(1);
  const line = work.roll.lines[0];
  if (!line) throw new Error('no line');
  const masked = `${line.headIdNumber.slice(0, 6)}********${line.headIdNumber.slice(14)}`;
  await expect.poll(() => page.getByRole('cell', { name: masked }).count()).toBe(1);
  expect(await page.getByText(line.headIdNumber).count()).toBe(0);
  expect(await page.getByText(line.accountNumber).count()).toBe(0);
  expect(await page.getByRole('cell', { name: line.headName }).count()).toBeGreaterThan(0);
  await shot(page, 'console-rolls-lines');
  await page.context().close();
});

it('a viewer reads the month’s figures and charts and downloads the Excel file', async () => {
  const page = await signedIn(browser, hq, 'kan', '#/figures', '统计', { downloads: true });
  await page.getByRole('tab', { name: '统计' }).click();
  await page.getByLabel('统计月份').fill(work.month);
  const table = page.getByRole('table', { name: '按救助项目和乡镇统计' });
  // Three programmes, each two offices and a total.
  await expect.poll(() => table.getByRole('row').count()).toBe(10);
  const paid = (work.roll.totalFen / 100).toFixed(2);
  const dibaoTotal = table.getByRole('row').filter({ hasText: '合计' }).first();
  expect(await dibaoTotal.getByRole('cell').allInnerTexts()).toEqual([
    '低保',
    '合计',
    '2',
    String(work.dibaoA.coveredPersonIds.length + work.dibaoB.coveredPersonIds.length),
    '2',
    '0',
    '',
    paid,
    paid,
  ]);
  // The charts drew their bars, with Chinese labels.
  const chart = page.getByRole('figure', { name: '近 12 个月各项目实发金额（元）' });
  await expect.poll(() => chart.locator('svg rect, svg path').count()).toBeGreaterThan(3);
  expect(await chart.getByText('低保').count()).toBeGreaterThan(0);
  const year = work.month.slice(0, 4);
  const mm = work.month.slice(5, 7);
  const tick = `${Number(mm)}月`;
  await expect.poll(() => chart.getByText(tick, { exact: true }).count()).toBe(1);
  expect(await chart.getByText(`至 ${year}年${mm}月`).count()).toBe(1);
  await shot(page, 'console-figures');
  const perOffice = page.getByRole('figure', { name: `${work.month} 各乡镇在保案件数` });
  expect(await perOffice.locator('svg').count()).toBeGreaterThan(0);
  await shot(page, 'console-figures');

  // The Excel download: HQ's Chinese file name, the sheet with its headers and yuan.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`社会救助统计-${year}年${mm}月.xlsx`);
  const saved = join(await mkdtemp(join(tmpdir(), 'figures-')), 'figures.xlsx');
  await download.saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(saved)).buffer as ArrayBuffer);
  const sheet = book.getWorksheet('月度统计');
  expect(sheet?.getCell('A2').value).toBe('救助项目');
  expect(sheet?.getCell('K2').value).toBe('实发金额（元）');
  const values = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
  expect(values.find((r) => r[1] === '低保' && r[2] === '合计')?.[11]).toBe(
    work.roll.totalFen / 100,
  );
  await expect.poll(() => page.getByText(`已导出 ${work.month} 统计表`).count()).toBe(1);
  const audit = (await listAudit(hq.hq.db, 50)).map((a) => `${a.action}:${a.target}:${a.result}`);
  expect(audit).toContain(`figures.export:${work.month}:ok`);

  // A cleared month: HQ's refusal shows next to the field, in Chinese.
  await page.getByLabel('统计月份').fill('');
  await expect.poll(() => page.getByText('请按“年-月”填写月份，如 2026-07').count()).toBe(1);
  await shot(page, 'console-figures-month-refused');
  await page.context().close();
});
