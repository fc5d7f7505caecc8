import ExcelJS from 'exceljs';
import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addMonths, addDays } from '../../../shared/calendar/dates';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { addUser, admin, completeFirstRun, logIn, switchUser } from '../deskSession';
import { typeDate } from './dateInput';
import { deskPage, putInStore, readStore } from './deskPage';
import { officeToday } from '../../../shared/validation/dates';

/**
 * 医疗救助 end to end in Chromium on real IndexedDB: a 低保 case the county confirmed
 * (as a pull from HQ stores it) puts its member on the list as 低保, derived; a hand
 * 监测对象 record is refused where it overlaps the case without a reason, added for
 * another person, corrected with a reason and ended, with its history; the month's
 * changes list both; a registrar may not export, a supervisor downloads the XLSX, which
 * is read back (full ID as text).
 */
const desk = deskPage();
let page: Page;
const { shot } = desk;

const idOf = (first17: string) => first17 + residentIdCheckChar(first17);
const wang = { name: '王芳', id: idOf('33010219700304022') };
const zhao = { name: '赵敏', id: idOf('33010219650811041') };
const registrar = { username: 'dengji', name: '钱登记', password: 'desk-registrar-2026' };
const supervisor = { username: 'zhuguan', name: '孙主管', password: 'desk-supervisor-2026' };

beforeAll(() => {
  page = desk.page;
});

async function registerAlone(person: { name: string; id: string }, village: string) {
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill(village);
  await page.getByLabel('家庭住址').fill(`城关镇${village}1号`);
  await page.getByTestId('member-row-0').getByLabel('姓名').fill(person.name);
  await page.getByTestId('member-row-0').getByLabel('身份证号码').fill(person.id);
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).waitFor();
}

/**
 * 王芳's 低保 case as the desk stores it after a pull: confirmed by the county last
 * month, paid from this month (the desk cannot confirm at the county by itself).
 */
async function pullConfirmedCase(idNumber: string, decidedOn: string, paymentFrom: string) {
  const persons = await readStore<{
    id: string;
    idNumber: string;
    householdId: string;
    officeId: string;
  }>(page, 'persons');
  const p = persons.find((x) => x.idNumber === idNumber);
  if (!p) throw new Error('no person');
  const at = `${decidedOn}T02:00:00.000Z`;
  const record = {
    id: '01900000-0000-7000-8000-00000000c0de',
    officeId: p.officeId,
    version: 9,
    hqVersion: 9,
    hlc: `${Date.parse(at).toString(36)}:0:hq`,
    createdAt: at,
    createdBy: 'county',
    updatedAt: at,
    updatedBy: 'county',
    deleted: false,
    programme: 'dibao',
    householdId: p.householdId,
    applicantPersonId: p.id,
    applicantName: '王芳',
    category: 'rural',
    areaCode: '330102',
    coveredPersonIds: [p.id],
    income: { wagesFen: 0, businessFen: 0, propertyFen: 0, transferFen: 0 },
    deductionsFen: 0,
    assets: { depositsFen: 0, securitiesFen: 0, vehicles: 0, extraHousingUnits: 0, note: '' },
    applicationDate: decidedOn,
    benefit: {
      standardId: null,
      standardFen: 63200,
      coveredCount: 1,
      countedIncomeFen: 0,
      benefitFen: 63200,
      classification: 'dibao',
      computedForDate: decidedOn,
      parts: [],
    },
    status: 'active',
    statusChangedAt: at,
    acceptedOn: decidedOn,
    noticeStartedOn: decidedOn,
    noticeEnd: decidedOn,
    decisionDue: null,
    decidedOn,
    paymentFrom,
    endedOn: null,
    paymentTo: null,
    helpedFirstOn: null,
    paperworkDue: null,
    reviewedOn: null,
    reviewDue: null,
    phaseOutUntil: null,
    programmeFacts: {},
    previousCaseId: null,
    searchTokens: ['王芳'],
  };
  await putInStore(page, { cases: [record] });
}

it('lists derived and hand coverage, corrects and ends a hand record, and exports the month', async () => {
  await page.goto(inject('rendererUrl'));
  await completeFirstRun(page);
  await logIn(page, admin);
  await addUser(page, registrar, '登记员');
  await addUser(page, supervisor, '主管');
  await switchUser(page, registrar);
  const today = officeToday(new Date());
  const thisMonth = `${today.slice(0, 7)}-01`;
  const lastMonth = `${addMonths(today, -1)}-01`;

  await registerAlone(wang, '东村');
  await registerAlone(zhao, '西村');
  await pullConfirmedCase(wang.id, lastMonth, today.slice(0, 7));

  await page.getByRole('button', { name: '医疗救助' }).first().click();
  const list = page.getByTestId('coverage-list');
  await list.waitFor();
  const wangRow = page.getByTestId('coverage-row').filter({ hasText: wang.name });
  expect(await wangRow.innerText()).toMatch(/低保对象[\s\S]*由低保案件得出/);
  expect(await wangRow.innerText()).toContain(`330102********${wang.id.slice(14)}`);
  expect(await list.innerText()).not.toContain(wang.id);

  // A hand 监测对象 record over 王芳's 低保 coverage needs a reason: refused, shown at the field.
  await page.getByTestId('coverage-add').click();
  const dialog = page.getByTestId('coverage-dialog');
  await page.getByTestId('coverage-person').fill('wf');
  await page.getByRole('option', { name: new RegExp(wang.name) }).click();
  await typeDate(dialog, '起始日期', lastMonth);
  await page.getByTestId('coverage-save').click();
  await dialog
    .getByText(/已由案件得出医疗救助类别/)
    .first()
    .waitFor();
  await shot('medical-overlap-refused');
  await page.getByRole('button', { name: '取消' }).click();

  // 赵敏: 监测对象 by hand from last month.
  await page.getByTestId('coverage-add').click();
  await page.getByTestId('coverage-person').fill('zm');
  await page.getByRole('option', { name: new RegExp(zhao.name) }).click();
  await typeDate(dialog, '起始日期', lastMonth);
  await dialog.getByLabel('备注').fill('县乡村振兴局监测名单');
  await page.getByTestId('coverage-save').click();
  await dialog.waitFor({ state: 'detached' });
  const zhaoRow = page.getByTestId('coverage-row').filter({ hasText: zhao.name });
  expect(await zhaoRow.innerText()).toMatch(/防止返贫监测对象[\s\S]*手工登记/);
  await page.mouse.move(0, 700);
  await shot('medical-coverage-list');

  // Correct the note (a reason is required), then end the record today.
  await zhaoRow.getByTestId('coverage-correct').click();
  await dialog.getByLabel('备注').fill('县乡村振兴局2026年监测名单');
  await page.getByTestId('coverage-save').click();
  await dialog.getByText('更正记录必须填写更正理由').first().waitFor();
  await shot('medical-reason-required');
  await dialog.getByLabel('更正理由').fill('备注补全名单年份');
  await page.getByTestId('coverage-save').click();
  await dialog.waitFor({ state: 'detached' });
  await zhaoRow.getByTestId('coverage-end').click();
  await typeDate(dialog, '终止日期（不填表示至今）', today);
  await dialog.getByLabel('终止理由').fill('已消除返贫风险，退出监测');
  await page.getByTestId('coverage-save').click();
  await dialog.waitFor({ state: 'detached' });
  await zhaoRow.getByTestId('coverage-history').click();
  const versions = page.getByTestId('record-version');
  await expect.poll(() => versions.count()).toBe(3);
  const history = await page.getByTestId('record-history').innerText();
  expect(history).toContain('已消除返贫风险，退出监测');
  expect(history).toContain('备注补全名单年份');
  await shot('medical-record-history');
  await page.getByRole('button', { name: '返回' }).click();

  // This month's changes: 王芳 new (低保 from the 1st), 赵敏 ended today.
  const changes = page.getByTestId('change-row');
  await expect.poll(() => changes.count()).toBe(2);
  const lines = await changes.allInnerTexts();
  expect(lines.find((l) => l.includes(wang.name))).toMatch(new RegExp(`${thisMonth}[\\s\\S]*新增`));
  expect(lines.find((l) => l.includes(zhao.name))).toMatch(new RegExp(`${today}[\\s\\S]*终止`));
  // A registrar may not export full ID numbers.
  expect(await page.getByTestId('coverage-export').isDisabled()).toBe(true);

  // The supervisor downloads the sheet (the web build's save path).
  await switchUser(page, supervisor);
  await page.getByRole('button', { name: '医疗救助' }).first().click();
  await expect.poll(() => changes.count()).toBe(2);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('coverage-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(
    `医疗救助对象变动_${thisMonth}_${addDays(`${addMonths(today, 1)}-01`, -1)}.xlsx`,
  );
  await page.getByTestId('coverage-exported').waitFor();
  await page.mouse.move(0, 700);
  await shot('medical-changes-exported');
  const path = await download.path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  const rows = [2, 3].map((r) => (sheet?.getRow(r).values as unknown[]).slice(1));
  const wangLine = rows.find((r) => r[1] === wang.name);
  expect(wangLine?.slice(2, 9)).toEqual([
    wang.id,
    '低保对象',
    '新增',
    thisMonth,
    '',
    '城关镇民政办',
    '东村',
  ]);
  expect(rows.find((r) => r[1] === zhao.name)?.slice(3, 7)).toEqual([
    '防止返贫监测对象',
    '终止',
    lastMonth,
    today,
  ]);
});
