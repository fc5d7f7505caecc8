import { beforeAll, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { logIn } from '../deskSession';
import { deskPage, screenshotsDir } from './deskPage';
import {
  chooseAndCheck,
  cleanHouseholds,
  group,
  householdHeadings,
  householdsXlsx,
  id,
  liu,
  openRoster,
  startAsSupervisor,
  supervisor,
  volunteersXlsx,
  wang,
  zhao,
} from './rosterImportPage';

/**
 * 名册导入 of households and volunteers in Chromium on real IndexedDB: the supervisor
 * chooses an XLSX through the file input; the dry run shows its problems grouped and
 * writes nothing; the report downloads with 问题; a clean file is committed and its
 * people are in the persons list; a long commit shows its progress and a cancel keeps
 * nothing.
 */
const desk = deskPage();
let page: Page;
const { shot } = desk;

beforeAll(() => {
  page = desk.page;
});

const badChecksum = wang.slice(0, 17) + (wang.endsWith('1') ? '2' : '1');
const withProblems = [
  ...cleanHouseholds.slice(0, 3),
  ['4', '王大山', '王小二', '子', badChecksum, '东村', ''],
  ['5', '王大山', '王小三', '女', liu, '东村', ''],
  ['6', '赵一', '', '户主', zhao, '西村', ''],
];

it('checks a roster, reports its problems, and imports a clean one', async () => {
  await startAsSupervisor(page);
  await page.getByRole('button', { name: '名册导入' }).first().click();
  await page.getByText('下载空白模板').waitFor();
  await shot('import-start', 700);

  // A sheet with a bad ID, a duplicate and an empty name: reported, nothing written.
  const queued = await page.getByTestId('queued-count').innerText();
  await chooseAndCheck(page, '东村花名册.xlsx', await householdsXlsx(withProblems));
  await page.getByText('东村花名册.xlsx：6 行').waitFor();
  const summary = page.getByTestId('import-summary');
  await summary.waitFor();
  expect(await summary.innerText()).toContain('共 6 行：3 行有错误');
  expect(await group(page, 'bad_id')).toContain('第 6 行');
  expect(await group(page, 'bad_id')).toContain('身份证号码校验位错误');
  expect(await group(page, 'duplicate')).toContain('身份证号码与第 4 行重复');
  expect(await group(page, 'required')).toContain('“姓名”为空');
  expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
  await shot('import-report', 1500);

  const download = page.waitForEvent('download');
  await page.getByTestId('import-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('东村花名册-检查结果.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(await readFile(await file.path())).buffer);
  const sheet = book.worksheets[0];
  expect(sheet?.getRow(1).getCell(householdHeadings.length + 2).value).toBe('问题');
  expect(String(sheet?.getRow(5).getCell(householdHeadings.length + 2).value)).toContain('校验位');
  expect(sheet?.getRow(5).getCell(6).value).toBe(badChecksum);
  expect(await page.getByTestId('queued-count').innerText()).toBe(queued);

  // The fixed sheet: checked clean, committed with its progress, the persons listed.
  await chooseAndCheck(page, '东村花名册-改正.xlsx', await householdsXlsx(cleanHouseholds));
  await expect.poll(() => summary.innerText()).toContain('没有发现问题，可以导入');
  expect(await page.getByTestId('import-commit').innerText()).toBe('导入 2 户、4 人');
  await page.getByTestId('import-commit').click();
  const outcome = page.getByTestId('import-outcome');
  await expect
    .poll(() => outcome.innerText())
    .toContain('导入完成：2 户，新登记 4 人，0 名已登记人员加入家庭。');
  await shot('import-done', 700);
  await outcome.getByRole('button', { name: '查看人员' }).click();
  for (const name of ['王大山', '刘小芳', '王小宝', '赵一']) {
    await page.getByText(name).first().waitFor();
  }
  await shot('import-persons', 700);

  // A volunteer roster of the same office: one not registered is refused, then imported.
  await openRoster(page, /^志愿者（/);
  const stranger = id('19800101', '051');
  await chooseAndCheck(
    page,
    '志愿者.xlsx',
    await volunteersXlsx([
      ['刘小芳', liu, 'ZJ-2025-0001', '2025-03-01', '助老、理发'],
      ['路人甲', stranger, 'ZJ-2025-0002', '2025-03-01', ''],
    ]),
  );
  await expect.poll(() => summary.innerText()).toContain('共 2 行：1 行有错误');
  expect(await group(page, 'not_in_registry')).toContain('台账中没有这个身份证号码的人员');
  await shot('import-volunteers-report', 1100);
  await chooseAndCheck(
    page,
    '志愿者-改正.xlsx',
    await volunteersXlsx([['刘小芳', liu, 'ZJ-2025-0001', '2025-03-01', '助老、理发']]),
  );
  await expect.poll(() => page.getByTestId('import-commit').innerText()).toBe('登记 1 名志愿者');
  await page.getByTestId('import-commit').click();
  await expect.poll(() => outcome.innerText()).toContain('导入完成：登记志愿者 1 名。');
});

it('shows the commit’s progress, and a cancel halfway leaves nothing behind', async () => {
  await openRoster(page, /家庭及成员/);
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const birth = new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10).replaceAll('-', '');
    return [String(i + 1), `户主${i}`, `户主${i}`, '户主', id(birth, '071'), '东村', ''];
  });
  await chooseAndCheck(page, '大名册.xlsx', await householdsXlsx(rows));
  const commit = page.getByTestId('import-commit');
  await expect.poll(() => commit.innerText(), { timeout: 60_000 }).toBe('导入 3000 户、3000 人');
  const queued = await page.getByTestId('queued-count').innerText();
  await commit.click();
  const progress = page.getByTestId('import-progress');
  // The bar moves: some rows written, not yet all (the dry run's 3000 / 3000 is not shown).
  // Under load the first 200 households take a while: the bar must move, whenever it does.
  await expect
    .poll(async () => Number(/正在导入：(\d+) \/ 3000 行/.exec(await progress.innerText())?.[1]), {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  expect(await progress.innerText()).not.toContain('3000 / 3000');
  // At once (no settling wait): the cancel must come before the commit ends.
  if (screenshotsDir) await page.screenshot({ path: `${screenshotsDir}/import-progress.png` });
  await page.getByTestId('import-cancel').click();
  await expect
    .poll(() => page.getByTestId('import-outcome').innerText(), { timeout: 60_000 })
    .toContain('已取消导入，没有写入任何数据。');
  expect(await page.getByTestId('queued-count').innerText()).toBe(queued);
  await page.getByRole('button', { name: '人员' }).first().click();
  await page.getByText('共 4 人').waitFor();
});

it('says the desk’s spreadsheet part could not be loaded, not that the file is bad', async () => {
  // A damaged install: exceljs's chunk cannot be had (the browser keeps the failure for
  // the page's life, so this is the file's last test).
  await page.route('**/assets/exceljs*.js', (route) => route.abort());
  await page.reload();
  await logIn(page, supervisor);
  await page.getByRole('button', { name: '名册导入' }).first().click();
  await page.getByText('下载空白模板').click();
  await page.getByText('程序的一部分未能载入').first().waitFor();
  await page.getByTestId('import-file').setInputFiles({
    name: '东村花名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await householdsXlsx(cleanHouseholds),
  });
  await expect.poll(() => page.getByText('程序的一部分未能载入').count()).toBe(2);
  expect(await page.getByText('无法读取').count()).toBe(0);
  await shot('import-part-not-loaded', 800);
  await page.unroute('**/assets/exceljs*.js');
});
