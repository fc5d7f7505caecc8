import { beforeAll, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { admin, completeFirstRun, logIn, addUser } from '../deskSession';
import { deskPage } from './deskPage';
import { dateGroup, dateReadOnly, dateShown } from './dateInput';

/**
 * The shared rules on screens, in Chromium on real IndexedDB: the first run takes the
 * permanent office code twice and names what is wrong next to each field (必填 for an
 * empty one, the letter O for zero, a second typing that differs); a new person's
 * 10-digit phone is refused next to the phone field and nothing is saved.
 */
const desk = deskPage({ fullPage: false, tallWidth: 1280 });
let page: Page;
const { shot } = desk;
const supervisor = { username: 'zhou', name: '周主管', password: 'desk-super-2026' };
const first17 = '33010219420315042';

beforeAll(() => {
  page = desk.page;
});

/** The helper text MUI shows under a text field (its error when there is one). */
const helperOf = (field: Locator) =>
  field.evaluate((input) => {
    const id = input.getAttribute('aria-describedby');
    return (id && input.ownerDocument.getElementById(id)?.textContent) || '';
  });

it('takes the office code twice at first run, and refuses a bad phone next to the field', async () => {
  await page.goto(inject('rendererUrl'));
  const code = page.getByLabel('办公室代码', { exact: true });
  const again = page.getByLabel('再次输入办公室代码');
  await page.getByTestId('office-code-permanent').waitFor();
  expect(await page.getByTestId('office-code-permanent').innerText()).toContain('永远不能更改');

  // Empty: 必填 next to both, not a format message.
  await page.getByRole('button', { name: '创建管理员并开始' }).click();
  await expect.poll(() => helperOf(code)).toBe('必填');
  expect(await helperOf(again)).toBe('必填');
  expect(await helperOf(page.getByLabel('行政区划代码'))).toBe('必填');

  // The letter O for zero, typed the second time with digits: both named.
  await page.getByLabel('办公室名称').fill('城关镇民政办');
  await code.fill('33O1O2001');
  await again.fill('330102001');
  await page.getByLabel('行政区划代码').fill('330102');
  await page.getByRole('button', { name: '创建管理员并开始' }).click();
  await expect.poll(() => helperOf(code)).toContain('字母 O');
  expect(await helperOf(again)).toBe('两次输入的办公室代码不一致');
  await shot('rules-first-run-office-code', 900);

  // Fixed (the helper fills every field again, the code twice alike): the desk is set up.
  await completeFirstRun(page);
  await logIn(page, admin);

  // A supervisor registers residents (the administrator manages accounts only).
  await addUser(page, supervisor, '主管');
  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, supervisor);

  await page.getByRole('button', { name: '养老服务' }).first().click();
  await page.getByTestId('elderly-tab-elderlyResidents').click();
  await page.getByRole('button', { name: '登记入住老人' }).click();
  await page.getByRole('button', { name: '登记新人员' }).click();
  await page.getByLabel('姓名', { exact: true }).fill('王秀兰');
  await page.getByLabel('身份证号码').fill(first17 + residentIdCheckChar(first17));
  const phone = page.getByLabel('电话', { exact: true });
  await phone.fill('1380013800');
  await page.getByLabel('紧急联系人').fill('王建国');
  await page.getByLabel('联系电话').fill('0571-88880000-801');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(() => helperOf(phone)).toContain('手机号为 1 开头的 11 位数字');
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
  await shot('rules-person-phone-refused', 1000);

  // Nothing was saved: no resident in the list.
  await page.getByRole('button', { name: '养老服务' }).first().click();
  await page.getByTestId('elderly-tab-elderlyResidents').click();
  await page.getByRole('button', { name: '登记入住老人' }).waitFor();
  expect(await page.getByText('王秀兰').count()).toBe(0);

  // A household member with a valid resident ID: sex and birth date are the ID's,
  // shown read-only (the record is saved with them whatever was chosen before).
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  const row = page.getByTestId('member-row-0');
  await row.getByLabel('姓名').fill('张三丰');
  await row.getByLabel('身份证号码').fill(first17 + residentIdCheckChar(first17));
  const birth = dateGroup(row, '出生日期');
  await expect.poll(() => dateShown(row, '出生日期')).toBe('1942-03-15');
  expect(await dateReadOnly(row, '出生日期')).toBe(true);
  expect(await helperOf(birth)).toBe('由身份证号码得出');
  expect(await row.getByText('由身份证号码得出').count()).toBe(2);
  // The sex select does not open while the ID decides it.
  await row.getByLabel('性别').click();
  await page.waitForTimeout(300);
  expect(await page.getByRole('option', { name: '男', exact: true }).count()).toBe(0);
  await shot('rules-member-from-id');
});
