import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { addUser, admin, completeFirstRun, logIn, switchUser } from '../deskSession';
import { deskPage, putInStore, readStore } from './deskPage';
import { compact } from './pdfText';
import { printingSeed } from './printingSeed';
import { officeToday } from '../../../shared/validation/dates';

/**
 * The office's papers in Chromium on real IndexedDB, each made into a PDF and its text
 * read back (pdfText.ts): a household registered through the screens and its 户籍登记表;
 * the 花名册 of 45 低保 households (as a pull stores them) over two pages, its header row
 * on each, 未审定 without an approved roll, and 特困's from its approved roll; the
 * office's 月度统计. Every page carries the office, the paper's title, the date and
 * 第 N 页 共 M 页; full ID numbers print only through the logged output.
 */
const desk = deskPage();
let page: Page;
const { shot, printed } = desk;
const supervisor = { username: 'li', name: '李主管', password: 'desk-super-2026' };
const id = (first17: string) => first17 + residentIdCheckChar(first17);
const head = { name: '张三丰', id: id('33010219600504013') };
const spouse = { name: '李秀英', id: id('33010219620815024') };
const masked = (n: string) => `${n.slice(0, 6)}********${n.slice(14)}`;
// The office's day, as the desk dates its papers (China's, whatever the machine's zone).
const today = officeToday(new Date());
const month = today.slice(0, 7);
const seed = printingSeed(month);

beforeAll(() => {
  page = desk.page;
});

/** Every page: the office, the title and the date at the top, 第 N 页 共 M 页 at the foot. */
function expectRunningHeader(pages: string[], title: string) {
  pages.forEach((text, i) => {
    expect(text).toContain('城关镇民政办');
    expect(text).toContain(compact(title));
    expect(text).toContain(today);
    expect(text).toContain(`第${i + 1}页共${pages.length}页`);
  });
}

/** The seed, written where a pull would write it (before the app reads these stores). */
const seedStore = () =>
  putInStore(page, {
    persons: seed.persons,
    households: seed.households,
    cases: seed.cases,
    paymentRolls: seed.paymentRolls,
  });

async function accessLog() {
  return readStore<{ purpose: string; maskedSubject: string; action: string; subjectKind: string }>(
    page,
    'accessLog',
  );
}

declare global {
  interface Window {
    printedCopies: string[];
  }
}

/** window.print, stood in for: records what the print copy held as printing started. */
async function capturePrints() {
  await page.evaluate(() => {
    window.printedCopies = [];
    window.print = () => {
      window.printedCopies.push(document.querySelector('.desk-print-only')?.textContent ?? '');
    };
  });
}

const printCopy = () =>
  page.evaluate(() => document.querySelector('.desk-print-only')?.textContent ?? '');

it('prints the 户籍登记表, the 花名册 over pages and the 月度统计, each with its page header', async () => {
  await page.goto(inject('rendererUrl'));
  await completeFirstRun(page);
  await seedStore();
  await page.reload();
  await logIn(page, admin);
  await addUser(page, supervisor, '主管');
  await switchUser(page, supervisor);

  // A household registered at the window, its 低保 application with its income.
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('东村');
  await page.getByLabel('家庭住址').fill('城关镇东村3组12号');
  await page.getByRole('button', { name: '添加成员' }).click();
  for (const [i, m] of [head, spouse].entries()) {
    const row = page.getByTestId(`member-row-${i}`);
    await row.getByLabel('姓名').fill(m.name);
    await row.getByLabel('身份证号码').fill(m.id);
  }
  await page.getByTestId('member-row-1').getByLabel('与户主关系').click();
  await page.getByRole('option', { name: '配偶' }).click();
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).click();
  await page.getByLabel('工资性收入').fill('300');
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByTestId('workflow-panel').waitFor();

  // 户籍登记表, from the household's screen: masked on screen and in a print not logged.
  await page.getByRole('button', { name: `${head.name}家 · 东村` }).click();
  await page.getByTestId('household-print').waitFor();
  await shot('print-household-screen');
  await page.getByTestId('household-print').click();
  const form = page.getByTestId('household-form');
  await form.waitFor();
  expect(await page.getByTestId('household-form-members').innerText()).toContain(masked(spouse.id));
  expect(await form.innerText()).not.toContain(spouse.id);
  await expect
    .poll(() => page.getByTestId('household-form-income').innerText())
    .toContain('300.00');
  await shot('print-household-form');
  const formPages = await printed('print-household-form');
  expect(formPages).toHaveLength(1);
  expectRunningHeader(formPages, '户籍登记表');
  const formText = formPages[0] ?? '';
  for (const words of [
    '家庭基本情况',
    '东村',
    '城关镇东村3组12号',
    '农村',
    '配偶',
    '工资性收入',
    '300.00',
  ]) {
    expect(formText).toContain(words);
  }
  expect(formText).toContain(masked(spouse.id));
  expect(formText).not.toContain(spouse.id);
  expect(formText).toContain('申请人（户主）签名');
  expect(formText).toContain('登记人签名');
  // 打印: logged first, then the print copy holds the full numbers; masked again after.
  await capturePrints();
  await page.getByTestId('paper-print').click();
  await expect.poll(() => page.evaluate(() => window.printedCopies.length)).toBe(1);
  expect(await page.evaluate(() => window.printedCopies[0])).toContain(spouse.id);
  expect(await printCopy()).not.toContain(spouse.id);
  const formLog = (await accessLog()).filter((e) => e.purpose === 'paper:householdForm');
  expect(formLog).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        action: 'print',
        subjectKind: 'household',
        maskedSubject: masked(head.id),
      }),
      // Each member whose full number the paper printed has the print on their record.
      expect.objectContaining({
        action: 'print',
        subjectKind: 'person',
        maskedSubject: masked(spouse.id),
      }),
    ]),
  );

  // 花名册, from 资金发放's 打印报表 menu: 低保 of this month, no approved roll (未审定).
  await page.getByRole('button', { name: '资金发放' }).first().click();
  await page.getByTestId('office-print-menu').click();
  await shot('print-rolls-menu');
  await page.getByTestId('print-roster').click();
  const roster = page.getByTestId('roster');
  await roster.waitFor();
  expect(await roster.getByTestId('roster-row').count()).toBe(seed.dibao.households);
  expect(await page.getByTestId('roster-source').innerText()).toContain('未审定');
  expect(await roster.getByTestId('roster-village-total').count()).toBe(3);
  const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
  const totalRow = await roster.getByTestId('roster-total').innerText();
  expect(totalRow).toContain(`合计：${seed.dibao.households} 户`);
  expect(totalRow).toContain(String(seed.dibao.people));
  await shot('print-roster');
  const rosterPages = await printed('print-roster');
  expect(rosterPages.length).toBeGreaterThanOrEqual(2);
  expectRunningHeader(rosterPages, `最低生活保障（低保）花名册（${month}）· 未审定`);
  for (const text of rosterPages) {
    // The header row repeats on every page.
    expect(text).toContain('序号村（社区）户主姓名身份证号码保障人数保障类别金额（元）备注');
  }
  const rosterAll = rosterPages.join('');
  expect(rosterAll).toContain('东村小计');
  expect(rosterAll).toContain('南村小计');
  expect(rosterAll).toContain('西村小计');
  expect(rosterPages.at(-1)).toContain(`合计：${seed.dibao.households}户`);
  expect(rosterAll).toContain('农村低保');
  expect(rosterAll).toContain('未审定');
  await capturePrints();
  await page.getByTestId('paper-print').click();
  await expect.poll(() => page.evaluate(() => window.printedCopies.length)).toBe(1);
  const rosterLog = (await accessLog()).filter((e) => e.purpose.startsWith('paper:roster'));
  expect(rosterLog).toHaveLength(seed.dibao.households);
  expect(rosterLog[0]?.purpose).toBe(`paper:roster dibao ${month}`);

  // 特困 of this month: its approved roll's lines and amounts; full IDs only when logged.
  await page.getByTestId('roster-programme').locator('..').click();
  await page.getByRole('option', { name: '特困人员救助供养' }).click();
  await expect.poll(() => page.getByTestId('roster-source').innerText()).toContain('第 1 版');
  expect(await roster.getByTestId('roster-row').count()).toBe(2);
  expect(await roster.getByTestId('roster-total').innerText()).toContain(yuan(seed.tekun.totalFen));
  const tekunPages = await printed('print-roster-tekun');
  expect(tekunPages).toHaveLength(1);
  expect(tekunPages[0]).toContain('已批准的发放名册');
  expect(tekunPages[0]).toContain(masked(seed.tekun.headIds[0] ?? ''));
  expect(tekunPages[0]).not.toContain(seed.tekun.headIds[0] ?? '-');

  // 月度统计: this office's figures of the month, the county's definitions.
  await page.getByRole('button', { name: '返回' }).first().click();
  await page.getByTestId('office-print-menu').click();
  await page.getByTestId('print-figures').click();
  const dibaoRow = await page.getByTestId('figures').getByTestId('figures-row-dibao').innerText();
  expect(dibaoRow).toContain(String(seed.dibao.households));
  expect(dibaoRow).toContain(String(seed.dibao.people));
  expect(dibaoRow).toContain('未造册');
  const tekunRow = await page.getByTestId('figures').getByTestId('figures-row-tekun').innerText();
  expect(tekunRow).toContain(yuan(seed.tekun.totalFen));
  expect(tekunRow).toContain('第 1 版');
  await shot('print-figures');
  const figurePages = await printed('print-figures');
  expect(figurePages).toHaveLength(1);
  expectRunningHeader(figurePages, `月度统计（${month}）`);
  expect(figurePages[0]).toContain(`城关镇民政办社会救助月度统计（${month}）`);
  expect(figurePages[0]).toContain('在保户数保障人数新增停保发放金额（元）发放名册');
  await capturePrints();
  await page.getByTestId('paper-print').click();
  await expect
    .poll(async () => (await accessLog()).filter((e) => e.subjectKind === 'office').length)
    .toBe(1);
  expect((await accessLog()).find((e) => e.subjectKind === 'office')?.purpose).toBe(
    `paper:monthlyFigures ${month}`,
  );
});
