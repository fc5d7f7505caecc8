import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { addUser, startDeskAsAdmin, switchUser } from '../deskSession';
import { launchDeskBrowser } from './browser';

/**
 * 名册导入 in Chromium on real IndexedDB: the supervisor chooses an XLSX through the file
 * input; the dry run shows its problems grouped and writes nothing; the report downloads
 * with 问题; a clean file is committed and its people are in the persons list.
 */
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
const screenshotsDir = process.env.DESK_SCREENSHOTS;
const supervisor = { username: 'zhou', name: '周主管', password: 'desk-super-2026' };

beforeAll(async () => {
  browser = await launchDeskBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('pageerror', (error) => console.error('[renderer]', error));
});

afterAll(async () => {
  await browser?.close();
});

async function shot(name: string, height = 900) {
  if (!screenshotsDir) return;
  await page.setViewportSize({ width: 1440, height });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${screenshotsDir}/${name}.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const id = (birth: string, seq: string) => {
  const first17 = `330102${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
};

const headings = [
  '序号',
  '户主姓名',
  '姓名',
  '与户主关系',
  '公民身份号码',
  '村（社区）',
  '联系电话',
];

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(['城关镇家庭成员花名册（2026年11月）']);
  sheet.addRow(headings);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const wang = id('19500101', '011');
const liu = id('19520304', '022');
const bao = id('20100605', '031');
const zhao = id('19451120', '041');
const clean = [
  ['1', '王大山', '王大山', '户主', wang, '东村', '13800138000'],
  ['2', '王大山', '刘小芳', '配偶', liu, '东村', ''],
  ['3', '王大山', '王小宝', '子', bao, '东村', ''],
  ['4', '赵一', '赵一', '户主', zhao, '西村', ''],
];
const badChecksum = wang.slice(0, 17) + (wang.endsWith('1') ? '2' : '1');
const withProblems = [
  ...clean.slice(0, 3),
  ['4', '王大山', '王小二', '子', badChecksum, '东村', ''],
  ['5', '王大山', '王小三', '女', liu, '东村', ''],
  ['6', '赵一', '', '户主', zhao, '西村', ''],
];

/** Chooses a file and waits until the screen has read it (its name and rows shown). */
async function choose(name: string, bytes: Buffer) {
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bytes,
  });
  await page.getByText(`${name}：`).waitFor();
}

it('checks a roster, reports its problems, and imports a clean one', async () => {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);
  await addUser(page, supervisor, '主管');
  await switchUser(page, supervisor);
  await page.getByRole('button', { name: '名册导入' }).first().click();
  await page.getByText('下载空白模板').waitFor();
  await shot('import-start', 700);

  // A sheet with a bad ID, a duplicate and an empty name: reported, nothing written.
  const queued = await page.getByTestId('queued-count').innerText();
  await choose('东村花名册.xlsx', await xlsx(withProblems));
  await page.getByText('东村花名册.xlsx：6 行').waitFor();
  await page.getByTestId('import-check').click();
  const summary = page.getByTestId('import-summary');
  await summary.waitFor();
  expect(await summary.innerText()).toContain('共 6 行：3 行有错误');
  const badId = page.getByTestId('group-bad_id');
  expect(await badId.innerText()).toContain('第 6 行');
  expect(await badId.innerText()).toContain('身份证号码校验位错误');
  expect(await page.getByTestId('group-duplicate').innerText()).toContain(
    '身份证号码与第 4 行重复',
  );
  expect(await page.getByTestId('group-required').innerText()).toContain('“姓名”为空');
  expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
  await shot('import-report', 1500);

  const download = page.waitForEvent('download');
  await page.getByTestId('import-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('东村花名册-检查结果.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(await readFile(await file.path())).buffer);
  const sheet = book.worksheets[0];
  expect(sheet?.getRow(1).getCell(headings.length + 2).value).toBe('问题');
  expect(String(sheet?.getRow(5).getCell(headings.length + 2).value)).toContain('校验位');
  expect(sheet?.getRow(5).getCell(6).value).toBe(badChecksum);
  expect(await page.getByTestId('queued-count').innerText()).toBe(queued);

  // The fixed sheet: checked clean, committed with its progress, the persons listed.
  await choose('东村花名册-改正.xlsx', await xlsx(clean));
  await page.getByTestId('import-check').click();
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
  await page.getByRole('button', { name: '名册导入' }).first().click();
  await page.getByTestId('import-type').locator('..').click();
  await page.getByRole('option', { name: /^志愿者（/ }).click();
  const volunteers = async (rows: string[][]) => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('志愿者');
    sheet.addRow(['姓名', '身份证号', '志愿者编号', '注册日期', '服务技能']);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const stranger = id('19800101', '051');
  await choose(
    '志愿者.xlsx',
    await volunteers([
      ['刘小芳', liu, 'ZJ-2025-0001', '2025-03-01', '助老、理发'],
      ['路人甲', stranger, 'ZJ-2025-0002', '2025-03-01', ''],
    ]),
  );
  await page.getByTestId('import-check').click();
  await expect.poll(() => summary.innerText()).toContain('共 2 行：1 行有错误');
  expect(await page.getByTestId('group-not_in_registry').innerText()).toContain(
    '台账中没有这个身份证号码的人员',
  );
  await shot('import-volunteers-report', 1100);
  await choose(
    '志愿者-改正.xlsx',
    await volunteers([['刘小芳', liu, 'ZJ-2025-0001', '2025-03-01', '助老、理发']]),
  );
  await page.getByTestId('import-check').click();
  await expect.poll(() => page.getByTestId('import-commit').innerText()).toBe('登记 1 名志愿者');
  await page.getByTestId('import-commit').click();
  await expect.poll(() => outcome.innerText()).toContain('导入完成：登记志愿者 1 名。');
});

it('shows the commit’s progress, and a cancel halfway leaves nothing behind', async () => {
  await page.getByRole('button', { name: '名册导入' }).first().click();
  await page.getByTestId('import-type').locator('..').click();
  await page.getByRole('option', { name: /家庭及成员/ }).click();
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const birth = new Date(Date.UTC(1950, 0, 1 + i)).toISOString().slice(0, 10).replaceAll('-', '');
    return [String(i + 1), `户主${i}`, `户主${i}`, '户主', id(birth, '071'), '东村', ''];
  });
  await choose('大名册.xlsx', await xlsx(rows));
  await page.getByTestId('import-check').click();
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
  if (screenshotsDir) await page.screenshot({ path: `${screenshotsDir}/import-progress.png` });
  await page.getByTestId('import-cancel').click();
  await expect
    .poll(() => page.getByTestId('import-outcome').innerText(), { timeout: 60_000 })
    .toContain('已取消导入，没有写入任何数据。');
  expect(await page.getByTestId('queued-count').innerText()).toBe(queued);
  await page.getByRole('button', { name: '人员' }).first().click();
  await page.getByText('共 4 人').waitFor();
});

it("imports volunteers' hours: a bad row reported, then the service recorded", async () => {
  await page.getByRole('button', { name: '名册导入' }).first().click();
  await page.getByTestId('import-type').locator('..').click();
  await page.getByRole('option', { name: /志愿服务时长/ }).click();
  await page.getByText('服务时长(小时)').first().waitFor();
  const hours = async (rows: string[][]) => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('服务时长');
    sheet.addRow(['城关镇志愿服务时长登记表（2026年11月）']);
    sheet.addRow(['姓名', '志愿者编号', '服务日期', '服务时长(小时)', '服务内容/活动', '备注']);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const summary = page.getByTestId('import-summary');
  const queued = await page.getByTestId('queued-count').innerText();
  await choose(
    '服务时长.xlsx',
    await hours([
      ['刘小芳', 'ZJ-2025-0001', '2025-11-08', '2.5', '敬老院助餐', ''],
      ['刘小芳', 'ZJ-2025-0001', '2025-11-09', '两小时', '入户探访', ''],
      ['刘小芳', 'ZJ-2025-0001', '2025-02-01', '1', '入户探访', ''],
      ['王五', 'ZJ-2025-0099', '2025-11-09', '1', '入户探访', ''],
      ['刘小芳', 'ZJ-2025-0001', '2025-11-08', '1', '敬老院助餐', ''],
    ]),
  );
  await page.getByTestId('import-check').click();
  await expect.poll(() => summary.innerText()).toContain('共 5 行：4 行有错误');
  expect(await page.getByTestId('group-value').innerText()).toContain('服务时长“两小时”不是数字');
  expect(await page.getByTestId('group-date').innerText()).toContain('2025-03-01 才成为志愿者');
  expect(await page.getByTestId('group-not_in_registry').innerText()).toContain(
    '没有这个编号或身份证号码的志愿者',
  );
  expect(await page.getByTestId('group-duplicate').innerText()).toContain('与第 3 行重复');
  await shot('import-hours-report', 1300);
  expect(await page.getByTestId('queued-count').innerText()).toBe(queued);

  await choose(
    '服务时长-改正.xlsx',
    await hours([
      ['刘小芳', 'ZJ-2025-0001', '2025-11-08', '2.5', '敬老院助餐', ''],
      ['刘小芳', 'ZJ-2025-0001', '2025-11-09', '2', '入户探访', '带药'],
    ]),
  );
  await page.getByTestId('import-check').click();
  await expect.poll(() => page.getByTestId('import-commit').innerText()).toBe('记录 2 条志愿服务');
  await page.getByTestId('import-commit').click();
  await expect
    .poll(() => page.getByTestId('import-outcome').innerText())
    .toContain('导入完成：记录志愿服务 2 条，共 4.5 小时。');
  await shot('import-hours-done', 700);
  expect(Number(await page.getByTestId('queued-count').innerText())).toBe(Number(queued) + 2);
  // The volunteer's ledger holds the two services the dialog would have written.
  await page.getByTestId('import-outcome').getByRole('button', { name: '查看志愿者' }).click();
  await page.getByText('刘小芳').first().click();
  await page.getByText('入户探访（备注：带药）').waitFor();
  await page.getByText('敬老院助餐').first().waitFor();
  await shot('import-hours-ledger', 800);
});

it('checks a residents roster: a care home the office does not have is named', async () => {
  await page.getByRole('button', { name: '名册导入' }).first().click();
  await page.getByTestId('import-type').locator('..').click();
  await page.getByRole('option', { name: /入住老人/ }).click();
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
  await choose('入住老人.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
  await page.getByTestId('import-check').click();
  const summary = page.getByTestId('import-summary');
  await expect.poll(() => summary.innerText()).toContain('共 3 行：3 行有错误');
  expect(await page.getByTestId('group-unknown_place').innerText()).toContain(
    '本办没有名为“城关镇敬老院”的养老机构',
  );
  expect(await page.getByTestId('group-not_in_registry').innerText()).toContain(
    '请先导入或登记其家庭',
  );
  expect(await page.getByTestId('group-value').innerText()).toContain('护理等级“半自理”无法识别');
  expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
  await shot('import-residents-report', 1200);
});

/** The county's 名册转入期, stored as a pull from HQ stores reference data. */
async function enrolmentWindowFromHq() {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('minzheng-desk');
        open.onerror = () => reject(open.error as Error);
        open.onsuccess = () => {
          const tx = open.result.transaction('programmeRules', 'readwrite');
          tx.objectStore('programmeRules').put({
            id: 'rule-roster-enrolment-e2e',
            officeId: 'reference',
            version: 1,
            hqVersion: 1,
            hlc: 'x',
            createdAt: '2026-01-01T00:00:00.000Z',
            createdBy: 'county',
            updatedAt: '2026-01-01T00:00:00.000Z',
            updatedBy: 'county',
            deleted: false,
            key: 'roster.enrolment',
            areaCode: null,
            effectiveFrom: '2026-01-01',
            effectiveTo: null,
            value: 1,
            source: 'hq',
            note: '名册转入期',
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error as Error);
        };
      }),
  );
}

it('brings the active cases in within the county’s window, at the calculator’s amounts', async () => {
  await page.getByRole('button', { name: '名册导入' }).first().click();
  await page.getByTestId('import-type').locator('..').click();
  await page.getByRole('option', { name: /在保对象/ }).click();
  const month = new Date().toISOString().slice(0, 7);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('在保对象');
  sheet.addRow([
    '户主姓名',
    '户主身份证号',
    '保障类别',
    '保障人数',
    '月收入',
    '月保障金额',
    '开始发放年月',
    '批准日期',
  ]);
  sheet.addRow(['王大山', wang, '农村低保', '3', '600', '1500', month, '2023-05-10']);
  sheet.addRow(['赵一', zhao, '低保', '1', '0', '', month, '']);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  const summary = page.getByTestId('import-summary');

  // No window yet: every row is refused, saying so.
  await choose('在保对象.xlsx', bytes);
  await page.getByTestId('import-check').click();
  await expect.poll(() => summary.innerText()).toContain('共 2 行：2 行有错误');
  expect(await page.getByTestId('group-window').innerText()).toContain('县局尚未开放名册转入期');
  expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
  await shot('import-cases-window-closed', 1100);

  // The county opens it: the sheet's amount beside the calculator's, a warning only.
  await enrolmentWindowFromHq();
  await choose('在保对象-转入期.xlsx', bytes);
  await page.getByTestId('import-check').click();
  await expect.poll(() => page.getByTestId('import-commit').innerText()).toBe('转入 2 户在保对象');
  expect(await page.getByTestId('group-amount').innerText()).toMatch(
    /名册金额 1500\.00 元，按现行标准计算 [\d.]+ 元，以计算为准/,
  );
  await shot('import-cases-report', 1100);
  await page.getByTestId('import-commit').click();
  await expect
    .poll(() => page.getByTestId('import-outcome').innerText())
    .toContain('导入完成：2 户已转入在保');

  // The case stands 保障中 with the step 名册转入 in its history.
  await page.getByTestId('import-outcome').getByRole('button', { name: '查看救助案件' }).click();
  await page.getByTestId('case-row').filter({ hasText: '王大山' }).click();
  await page.getByText('名册转入').first().waitFor();
  expect(await page.getByText('保障中').count()).toBeGreaterThan(0);
  await shot('import-cases-case', 1100);
});
