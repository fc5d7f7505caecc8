import ExcelJS from 'exceljs';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { addUser, startDeskAsAdmin, switchUser } from '../deskSession';
import { deskPage, type DeskPage } from './deskPage';

/**
 * The 名册导入 screen as the roster e2e files drive it: the office's people and their
 * sheets, choosing a roster type and a file, the report's groups, and a clean import
 * through the screen (what a later roster's file needs first).
 */
export const supervisor = { username: 'zhou', name: '周主管', password: 'desk-super-2026' };

export const id = (birth: string, seq: string) => {
  const first17 = `330102${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
};

export const wang = id('19500101', '011');
export const liu = id('19520304', '022');
export const bao = id('20100605', '031');
export const zhao = id('19451120', '041');

export const householdHeadings = [
  '序号',
  '户主姓名',
  '姓名',
  '与户主关系',
  '公民身份号码',
  '村（社区）',
  '联系电话',
];

/** Two households of the office: 王大山's three and 赵一 alone. */
export const cleanHouseholds = [
  ['1', '王大山', '王大山', '户主', wang, '东村', '13800138000'],
  ['2', '王大山', '刘小芳', '配偶', liu, '东村', ''],
  ['3', '王大山', '王小宝', '子', bao, '东村', ''],
  ['4', '赵一', '赵一', '户主', zhao, '西村', ''],
];

/** An XLSX of one sheet: the title lines, the headings, the rows. */
export async function xlsx(
  sheetName: string,
  headings: string[],
  rows: string[][],
  title?: string,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  if (title) sheet.addRow([title]);
  sheet.addRow(headings);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const householdsXlsx = (rows: string[][]) =>
  xlsx('花名册', householdHeadings, rows, '城关镇家庭成员花名册（2026年11月）');

export const volunteersXlsx = (rows: string[][]) =>
  xlsx('志愿者', ['姓名', '身份证号', '志愿者编号', '注册日期', '服务技能'], rows);

/** A first-run desk with the office's supervisor (who imports) logged in. */
export async function startAsSupervisor(page: Page): Promise<void> {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);
  await addUser(page, supervisor, '主管');
  await switchUser(page, supervisor);
}

/** The import screen with the roster type whose option matches `option`. */
export async function openRoster(page: Page, option: RegExp): Promise<void> {
  await page.getByRole('button', { name: '名册导入' }).first().click();
  await page.getByTestId('import-type').locator('..').click();
  await page.getByRole('option', { name: option }).click();
}

/** Chooses a file and waits until the screen has read it (its name and rows shown). */
export async function choose(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
  await page.getByText(`${name}：`).waitFor();
}

/** Chooses a file and has the screen check it (the dry run: nothing is written). */
export async function chooseAndCheck(page: Page, name: string, bytes: Buffer): Promise<void> {
  await choose(page, name, bytes);
  await page.getByTestId('import-check').click();
}

/** The report's group of problems (bad_id, duplicate, not_in_registry, …) as shown. */
export const group = (page: Page, name: string) => page.getByTestId(`group-${name}`).innerText();

/**
 * Chooses a clean file, checks it, and imports it: the commit button must read
 * `button` and the outcome then contain `outcome`.
 */
export async function importClean(
  page: Page,
  file: { name: string; bytes: Buffer },
  button: string,
  outcome: string,
): Promise<void> {
  await chooseAndCheck(page, file.name, file.bytes);
  const commit = page.getByTestId('import-commit');
  await commit.waitFor();
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="import-commit"]')?.textContent === text,
    button,
  );
  await commit.click();
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="import-outcome"]')?.textContent?.includes(text),
    outcome,
  );
}

/** The office's two households, imported through the screen. */
export async function seedHouseholds(page: Page): Promise<void> {
  await openRoster(page, /家庭及成员/);
  await importClean(
    page,
    { name: '东村花名册.xlsx', bytes: await householdsXlsx(cleanHouseholds) },
    '导入 2 户、4 人',
    '导入完成：2 户',
  );
}

/** 刘小芳 registered as volunteer ZJ-2025-0001 from 2025-03-01, through the screen. */
export async function seedVolunteer(page: Page): Promise<void> {
  await openRoster(page, /^志愿者（/);
  await importClean(
    page,
    {
      name: '志愿者.xlsx',
      bytes: await volunteersXlsx([['刘小芳', liu, 'ZJ-2025-0001', '2025-03-01', '助老、理发']]),
    },
    '登记 1 名志愿者',
    '导入完成：登记志愿者 1 名。',
  );
}

/** The file's desk: its supervisor logged in, then each seed made through the screens. */
export const officeDesk = (...seeds: ((page: Page) => Promise<void>)[]): DeskPage =>
  deskPage(async (page) => {
    await startAsSupervisor(page);
    for (const seed of seeds) await seed(page);
  });
