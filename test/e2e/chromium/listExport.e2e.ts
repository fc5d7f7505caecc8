import ExcelJS from 'exceljs';
import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { addUser, logIn, startDeskAsAdmin, switchUser } from '../deskSession';
import { deskPage } from './deskPage';

/**
 * Issue 15, item 2, in Chromium on real IndexedDB: a registrar registers a household
 * and downloads the persons list (导出人员表格) filtered by a search — the file opens with
 * exceljs, Chinese headings under a title row, the ID masked; a supervisor's download
 * has the full number and says it was logged. The cases list exports too.
 */
const desk = deskPage({ fullPage: false });
let page: Page;
const { shot } = desk;

const registrar = { username: 'wang', name: '王登记', password: 'desk-clerk-2026' };
const supervisor = { username: 'li', name: '李主管', password: 'desk-chief-2026' };
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
const head = { name: '张三丰', id: withCheck('33010219600504013') };
const spouse = { name: '李秀英', id: withCheck('33010219620815024') };

beforeAll(() => {
  page = desk.page;
});

async function fillMember(index: number, person: { name: string; id: string }) {
  const row = page.getByTestId(`member-row-${index}`);
  await row.getByLabel('姓名').fill(person.name);
  await row.getByLabel('身份证号码').fill(person.id);
}

/** Clicks an export button and reads the downloaded sheet back with exceljs. */
async function download(testId: string) {
  const downloading = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await downloading;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let n = 3; n <= sheet.rowCount; n++) rows.push(row(n));
  return { name: file.suggestedFilename(), title: String(row(1)[0]), headers: row(2), rows };
}

it('downloads the persons list as XLSX with the search applied, masked for a registrar', async () => {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);
  await addUser(page, registrar, '登记员');
  await addUser(page, supervisor, '主管');
  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, registrar);

  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('东村');
  await page.getByLabel('家庭住址').fill('城关镇东村3组12号');
  await page.getByRole('button', { name: '添加成员' }).click();
  await fillMember(0, head);
  await fillMember(1, spouse);
  await page.getByTestId('member-row-1').getByLabel('与户主关系').click();
  await page.getByRole('option', { name: '配偶' }).click();
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).click();
  await page.getByLabel('工资性收入').fill('1500');
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByText('草稿').first().waitFor();

  await page.getByRole('button', { name: '人员' }).first().click();
  await page.getByLabel(/^搜索（姓名/).fill('张');
  await expect.poll(() => page.getByTestId('person-row').count()).toBe(1);
  const sheet = await download('export-persons');
  expect(sheet.name).toMatch(/^人员名单_\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(sheet.title).toContain('人员名单（筛选：姓名或身份证号“张”');
  expect(sheet.headers.slice(0, 3)).toEqual(['姓名', '身份证号码', '性别']);
  expect(sheet.rows).toEqual([
    expect.arrayContaining([head.name, `330102********${head.id.slice(-4)}`]),
  ]);
  await page.getByTestId('export-persons-done').waitFor();
  expect(await page.getByTestId('export-persons-done').innerText()).toContain('已遮蔽');
  await shot('export-persons-masked');

  // The supervisor's export of the whole list: full numbers, and the log says so.
  await switchUser(page, supervisor);
  await page.getByRole('button', { name: '人员' }).first().click();
  await expect.poll(() => page.getByTestId('person-row').count()).toBe(2);
  const full = await download('export-persons');
  expect(full.rows.map((r) => r[1]).sort()).toEqual([head.id, spouse.id].sort());
  await page.getByTestId('export-persons-done').waitFor();
  expect(await page.getByTestId('export-persons-done').innerText()).toContain('已记入访问日志');
  await shot('export-persons-full');

  // The cases list exports its own columns, the filter in the title.
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await expect.poll(() => page.getByTestId('case-row').count()).toBe(1);
  await page.getByTestId('filter-programme').click();
  await page.getByRole('option', { name: '低保' }).click();
  const cases = await download('export-cases');
  expect(cases.title).toContain('筛选：项目：低保');
  expect(cases.headers.slice(0, 2)).toEqual(['项目', '申请人']);
  expect(cases.rows).toEqual([expect.arrayContaining(['低保', head.name, head.id])]);
  await page.getByTestId('export-cases-done').waitFor();
  await shot('export-cases');

  // The other lists carry the button beside their own action.
  await page.getByRole('button', { name: '养老服务' }).first().click();
  await page.getByTestId('elderly-tab-elderlyResidents').click();
  await page.getByTestId('export-residents').waitFor();
  await page.getByTestId('export-movements').waitFor();
  await shot('export-residents');
  await page.getByRole('button', { name: '社区服务' }).first().click();
  await page.getByTestId('export-services').waitFor();
  await shot('export-services');
  await page.getByRole('tab', { name: '志愿者台账' }).click();
  const volunteers = await download('export-volunteerHours');
  expect(volunteers.headers).toContain('累计服务时长（小时）');
  await page.getByTestId('export-volunteerHours-done').waitFor();
  await shot('export-volunteers');
});
