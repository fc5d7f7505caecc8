import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { logIn, startDeskAsAdmin, addUser } from '../deskSession';
import { deskPage } from './deskPage';

/**
 * Issue 12, item 6, in Chromium on real IndexedDB: a registrar registers a household,
 * then finds a member in the persons list by the last four characters of the ID number
 * (and by the last six, ending in X), the match marked on the still-masked ID; the
 * case list finds the case covering a person by that person's tail.
 */
const desk = deskPage({ fullPage: false });
let page: Page;
const { shot } = desk;

const registrar = { username: 'wang', name: '王登记', password: 'desk-clerk-2026' };

/** A resident ID born on `birth` whose check character is X, the first such sequence. */
function idEndingInX(region: string, birth: string): string {
  for (let seq = 1; seq < 1000; seq++) {
    const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
    if (residentIdCheckChar(first17) === 'X') return `${first17}X`;
  }
  throw new Error('no sequence gives X');
}
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
const head = { name: '张三丰', id: withCheck('33010219600504013') };
const spouse = { name: '李秀英', id: idEndingInX('330102', '19620815') };

beforeAll(() => {
  page = desk.page;
});

async function fillMember(index: number, person: { name: string; id: string }) {
  const row = page.getByTestId(`member-row-${index}`);
  await row.getByLabel('姓名').fill(person.name);
  await row.getByLabel('身份证号码').fill(person.id);
}

it('finds a person by the last four (and six) characters of the ID number', async () => {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);

  // Casework is a registrar's: the administrator adds one.
  await addUser(page, registrar, '登记员');
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
  await page.getByRole('button', { name: '申请低保' }).waitFor();
  // A 低保 application covering both, to be found by a covered person's tail.
  await page.getByRole('button', { name: '申请低保' }).click();
  await page.getByLabel('工资性收入').fill('1500');
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByText('草稿').first().waitFor();

  // The persons list: the last four digits a person reads out.
  await page.getByRole('button', { name: '人员' }).first().click();
  const search = page.getByLabel(/^搜索（姓名/);
  await search.fill(head.id.slice(-4));
  const rows = page.getByTestId('person-row');
  await expect.poll(() => rows.count()).toBe(1);
  await expect.poll(() => rows.first().innerText()).toContain(head.name);
  const idCell = rows.first().getByRole('gridcell').nth(1);
  // Still masked; the tail is marked.
  expect(await idCell.innerText()).toBe(`330102********${head.id.slice(-4)}`);
  const mark = rows.first().getByTestId('id-match');
  expect(await mark.innerText()).toBe(head.id.slice(-4));
  expect(await mark.getAttribute('data-match')).toBe('tail');
  expect(await mark.getAttribute('title')).toBe('身份证号后 4 位相符');
  await shot('search-id-tail');

  // The last six, ending in X typed lower-case: six places marked, two of them masked.
  await search.fill(spouse.id.slice(-6).toLowerCase());
  await expect.poll(() => rows.first().innerText()).toContain(spouse.name);
  expect(await rows.count()).toBe(1);
  expect(await rows.first().getByTestId('id-match').innerText()).toBe(`**${spouse.id.slice(-4)}`);
  await shot('search-id-tail-6');

  // A tail nobody has: nothing found.
  await search.fill('0000');
  await page.getByText('没有找到匹配的人员').waitFor();

  // The case list: the case that covers the spouse, by her last four.
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByLabel(/^搜索（申请人/).fill(spouse.id.slice(-4));
  await expect.poll(() => page.getByTestId('case-row').count()).toBe(1);
  await expect.poll(() => page.getByTestId('case-row').innerText()).toContain(head.name);
  await shot('search-id-tail-cases');
  await page.getByLabel(/^搜索（申请人/).fill('0000');
  await expect.poll(() => page.getByTestId('case-row').count()).toBe(0);

  // The residents list searches by the person's ID too (no residents here: none found).
  await page.getByRole('button', { name: '养老服务' }).first().click();
  await page.getByTestId('elderly-tab-elderlyResidents').click();
  await page.getByLabel(/^搜索（姓名/).fill(head.id.slice(-4));
  await shot('search-id-tail-residents');
});
