import { beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import {
  chooseAndCheck,
  group,
  id,
  openRoster,
  officeDesk,
  seedHouseholds,
  seedVolunteer,
  wang,
  xlsx,
  zhao,
} from './rosterImportPage';

/**
 * 名册导入 of volunteers' hours and of care-home residents in Chromium on real IndexedDB,
 * after the office's households and its volunteer 刘小芳 were imported through the screen.
 */
const desk = officeDesk(seedHouseholds, seedVolunteer);
let page: Page;
const { shot } = desk;

beforeAll(() => {
  page = desk.page;
});

const hours = (rows: string[][]) =>
  xlsx(
    '服务时长',
    ['姓名', '志愿者编号', '服务日期', '服务时长(小时)', '服务内容/活动', '备注'],
    rows,
    '城关镇志愿服务时长登记表（2026年11月）',
  );

it("imports volunteers' hours: a bad row reported, then the service recorded", async () => {
  await openRoster(page, /志愿服务时长/);
  await page.getByText('服务时长(小时)').first().waitFor();
  const summary = page.getByTestId('import-summary');
  const queued = await page.getByTestId('queued-count').innerText();
  await chooseAndCheck(
    page,
    '服务时长.xlsx',
    await hours([
      ['刘小芳', 'ZJ-2025-0001', '2025-11-08', '2.5', '敬老院助餐', ''],
      ['刘小芳', 'ZJ-2025-0001', '2025-11-09', '两小时', '入户探访', ''],
      ['刘小芳', 'ZJ-2025-0001', '2025-02-01', '1', '入户探访', ''],
      ['王五', 'ZJ-2025-0099', '2025-11-09', '1', '入户探访', ''],
      ['刘小芳', 'ZJ-2025-0001', '2025-11-08', '1', '敬老院助餐', ''],
    ]),
  );
  await expect.poll(() => summary.innerText()).toContain('共 5 行：4 行有错误');
  expect(await group(page, 'value')).toContain('服务时长“两小时”不是数字');
  expect(await group(page, 'date')).toContain('2025-03-01 才成为志愿者');
  expect(await group(page, 'not_in_registry')).toContain('没有这个编号或身份证号码的志愿者');
  expect(await group(page, 'duplicate')).toContain('与第 3 行重复');
  await shot('import-hours-report', 1300);
  expect(await page.getByTestId('queued-count').innerText()).toBe(queued);

  await chooseAndCheck(
    page,
    '服务时长-改正.xlsx',
    await hours([
      ['刘小芳', 'ZJ-2025-0001', '2025-11-08', '2.5', '敬老院助餐', ''],
      ['刘小芳', 'ZJ-2025-0001', '2025-11-09', '2', '入户探访', '带药'],
    ]),
  );
  await expect.poll(() => page.getByTestId('import-commit').innerText()).toBe('记录 2 条志愿服务');
  await page.getByTestId('import-commit').click();
  await expect
    .poll(() => page.getByTestId('import-outcome').innerText())
    .toContain('导入完成：记录志愿服务 2 条，共 4.5 小时。');
  await shot('import-hours-done', 700);
  // The status bar's count is a live query of its own, read again once the import's
  // transaction has committed: it may show the new count a moment after the outcome.
  await expect
    .poll(async () => Number(await page.getByTestId('queued-count').innerText()))
    .toBe(Number(queued) + 2);
  // The volunteer's ledger holds the two services the dialog would have written.
  await page.getByTestId('import-outcome').getByRole('button', { name: '查看志愿者' }).click();
  await page.getByText('刘小芳').first().click();
  await page.getByText('入户探访（备注：带药）').waitFor();
  await page.getByText('敬老院助餐').first().waitFor();
  await shot('import-hours-ledger', 800);
});

it('checks a residents roster: a care home the office does not have is named', async () => {
  await openRoster(page, /入住老人/);
  await page.getByText('先导入“家庭及成员”名册').waitFor();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('入住老人');
  sheet.addRow(['姓名', '身份证号', '机构', '楼', '房间', '床位', '入住日期', '护理等级']);
  sheet.addRow(['王大山', wang, '城关镇敬老院', '1号楼', '101室', '1床', '2026-02-10', '轻度失能']);
  sheet.addRow([
    '路人乙',
    id('19400101', '061'),
    '城关镇敬老院',
    '1号楼',
    '101',
    '2',
    '2026-02-10',
    '',
  ]);
  sheet.addRow(['赵一', zhao, '城关镇敬老院', '1号楼', '101', '1', '2026-02-10', '半自理']);
  sheet.getRow(1).getCell(9).value = '供养类型';
  sheet.getRow(1).getCell(10).value = '紧急联系人';
  sheet.getRow(1).getCell(11).value = '紧急联系人电话';
  for (const r of [2, 3, 4]) {
    sheet.getRow(r).getCell(9).value = '特困';
    sheet.getRow(r).getCell(10).value = '王小山';
    sheet.getRow(r).getCell(11).value = '13800138000';
  }
  await chooseAndCheck(page, '入住老人.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
  const summary = page.getByTestId('import-summary');
  await expect.poll(() => summary.innerText()).toContain('共 3 行：3 行有错误');
  expect(await group(page, 'unknown_place')).toContain('本办没有名为“城关镇敬老院”的养老机构');
  expect(await group(page, 'not_in_registry')).toContain('请先导入或登记其家庭');
  expect(await group(page, 'value')).toContain('护理等级“半自理”无法识别');
  expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
  await shot('import-residents-report', 1200);
});
