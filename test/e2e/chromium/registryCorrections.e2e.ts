import { beforeAll, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { completeFirstRun, logIn, addUser } from '../deskSession';
import { deskPage, screenshotsDir } from './deskPage';

/**
 * Corrections in the registry, as a registrar does them in Chromium on real IndexedDB:
 * the registration form's help (focus on the new member, 清空表单 asks first, the
 * summary names each field), then 更正 of a household (address, a new head, a new
 * member) and of a person (name and ID), each with its reason in the version history.
 */
const desk = deskPage({ fullPage: false });
let page: Page;

beforeAll(() => {
  page = desk.page;
});

function residentId(birth: string, sequence: string): string {
  const first17 = `330102${birth}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

const head = { name: '张三丰', id: residentId('19600504', '013') };
const spouse = { name: '李秀英', id: residentId('19620815', '024') };
const child = { name: '张小明', id: residentId('20120309', '031') };
const registrar = { username: 'wang', name: '王登记', password: 'desk-clerk-2026' };

/**
 * The page, or one part of it in full: the app scrolls inside its main area, so the
 * window is made tall enough for the part first.
 */
async function shot(name: string, part?: Locator) {
  if (!part) return desk.shot(name);
  if (!screenshotsDir) return;
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.waitForTimeout(500);
  await part.screenshot({ path: `${screenshotsDir}/${name}.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const memberRow = (index: number): Locator => page.getByTestId(`member-row-${index}`);

it('corrects a household and a person, each with its reason kept', async () => {
  await page.goto(inject('rendererUrl'));
  await completeFirstRun(page);
  await logIn(page);
  // Casework is a registrar's: the administrator makes the account.
  await addUser(page, registrar, '登记员');
  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, registrar);

  // The registration form: after 添加成员 the new member's name has the focus.
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('家庭住址').fill('城关镇东村3组12号');
  await memberRow(0).getByLabel('姓名').fill(head.name);
  await memberRow(0).getByLabel('身份证号码').fill(head.id);
  await page.getByRole('button', { name: '添加成员' }).click();
  await expect
    .poll(() =>
      page.evaluate(() =>
        document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid'),
      ),
    )
    .toBe('member-row-1');
  await page.keyboard.type(spouse.name);
  expect(await memberRow(1).getByLabel('姓名').inputValue()).toBe(spouse.name);

  // 清空表单 asks first; keeping the form is the default.
  await page.getByRole('button', { name: '清空表单' }).click();
  await page.getByRole('dialog').getByText('清空表单？').waitFor();
  await shot('registry-reset-confirm');
  await page.getByRole('button', { name: '继续填写' }).click();
  expect(await memberRow(0).getByLabel('姓名').inputValue()).toBe(head.name);

  // A missing ID: the summary names the member and the field.
  await page.getByRole('button', { name: '保存家庭' }).click();
  await expect
    .poll(() => page.getByTestId('error-summary').innerText())
    .toContain('成员 2 身份证号码');
  await page.getByTestId('error-summary').scrollIntoViewIfNeeded();
  await shot('registry-form-summary');
  await memberRow(1).getByLabel('身份证号码').fill(spouse.id);
  await memberRow(1).getByLabel('与户主关系').click();
  await page.getByRole('option', { name: '配偶' }).click();
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).waitFor();

  // 更正 of the household: the address, the spouse made head (the old head becomes her
  // spouse), a new child joins.
  await page.getByRole('button', { name: '更正' }).click();
  const fix = page.getByTestId('household-correction');
  await fix.getByLabel('家庭住址').fill('城关镇东村3组21号');
  await page.getByTestId('correction-row-1').getByRole('button', { name: '设为户主' }).click();
  await page
    .getByTestId('correction-row-0')
    .getByLabel(/原户主 张三丰/)
    .click();
  await page.getByRole('option', { name: '配偶' }).click();
  await fix.getByRole('button', { name: '添加新成员' }).click();
  await page.keyboard.type(child.name);
  await memberRow(2).getByLabel('身份证号码').fill(child.id);
  await memberRow(2).getByLabel('与户主关系').click();
  await page.getByRole('option', { name: '子女' }).click();
  // No reason: refused, nothing saved.
  await fix.getByRole('button', { name: '保存更正' }).click();
  await expect.poll(() => fix.getByTestId('error-summary').innerText()).toContain('更正理由');
  await shot('registry-household-correction', fix);
  await fix.getByTestId('correction-reason').fill('户主变更，门牌号登记错误');
  await fix.getByRole('button', { name: '保存更正' }).click();
  await fix.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: '李秀英家' }).waitFor();
  await expect.poll(() => page.getByTestId('household-members').innerText()).toContain(child.name);
  await expect
    .poll(() => page.getByTestId('record-history').innerText())
    .toContain('户主变更，门牌号登记错误');
  await shot('registry-household-history', page.locator('main > *').first());

  // 更正 of a person: the name and the ID number (a duplicate is refused first).
  await page.getByTestId('household-members').getByRole('button', { name: head.name }).click();
  await page.getByRole('button', { name: '更正' }).click();
  const person = page.getByTestId('person-correction');
  await person.getByLabel('身份证号码').fill(spouse.id);
  await person.getByText('该身份证号码已登记：李秀英').waitFor();
  await person.getByLabel('身份证号码').fill(residentId('19600504', '035'));
  await person.getByLabel('姓名').fill('张三风');
  await person.getByTestId('correction-reason').fill('按户口簿更正姓名和身份证号');
  await shot('registry-person-correction', person);
  await person.getByRole('button', { name: '保存更正' }).click();
  await person.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: '张三风' }).waitFor();
  const history = page.getByTestId('record-history');
  await expect.poll(() => history.innerText()).toContain('按户口簿更正姓名和身份证号');
  await expect.poll(() => history.innerText()).toContain('张三丰');
  // The ID stays masked in the history: the full number is shown only on request.
  expect(await history.innerText()).not.toContain(residentId('19600504', '035'));
  await shot('registry-person-history', page.locator('main > *').first());
});
