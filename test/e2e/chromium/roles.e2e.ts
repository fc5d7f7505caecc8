import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { completeFirstRun, logIn } from '../deskSession';
import { deskPage } from './deskPage';

/**
 * Issue #12, roles do what they are for, in Chromium on real IndexedDB: the
 * administrator's menu has 设置/同步/账户 and no casework; 账户 adds a registrar with
 * the roles chosen explicitly (the common combinations, explained); the administrator
 * of a small office takes the registrar's role as well and the casework appears; the
 * registrar sees casework and no 账户.
 */
const desk = deskPage({ fullPage: false });
let page: Page;
const { shot } = desk;
const clerk = { username: 'qian', name: '钱登记', password: 'desk-clerk-2026' };

beforeAll(() => {
  page = desk.page;
});

async function menu(): Promise<string[]> {
  const entries = page.getByRole('navigation').getByRole('button');
  return (await entries.allInnerTexts()).map((s) => s.trim());
}

it('gives each role its own menu and lets the administrator choose roles explicitly', async () => {
  await page.goto(inject('rendererUrl'));
  // The first run offers casework to the administrator, unticked by default.
  await page.getByLabel(/该管理员也办理业务/).waitFor();
  expect(await page.getByLabel(/该管理员也办理业务/).isChecked()).toBe(false);
  await shot('roles-first-run');
  await completeFirstRun(page);
  await logIn(page);

  // The administrator: accounts, settings and sync; no casework, even where the login
  // would land on the persons list.
  await expect.poll(menu).toEqual(['设置', '同步', '账户']);
  await page.getByRole('heading', { name: '设置', exact: true }).waitFor();
  expect(await page.getByTestId('current-user').innerText()).toContain('管理员');
  await shot('roles-admin-nav');

  // 账户: a registrar, roles chosen from the clear combinations, with why offices combine.
  await page.getByRole('button', { name: '账户' }).first().click();
  await page.getByRole('button', { name: '添加用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(clerk.username);
  await dialog.getByLabel('姓名').fill(clerk.name);
  expect(await dialog.getByTestId('roles-why').innerText()).toContain('兼任');
  await dialog.getByLabel('角色').click();
  const options = await page.getByRole('option').allInnerTexts();
  expect(options).toEqual(['登记员', '主管', '管理员', '管理员兼登记员', '管理员兼主管']);
  await shot('roles-add-dialog-choices');
  await page.getByRole('option', { name: '登记员', exact: true }).click();
  await dialog.getByLabel('密码', { exact: true }).fill(clerk.password);
  await dialog.getByLabel('确认密码').fill(clerk.password);
  await shot('roles-add-dialog');
  await dialog.getByRole('button', { name: '创建用户' }).click();
  await page.getByText(clerk.name).first().waitFor();

  // The administrator of this small office also registers: chosen here, explicitly.
  const adminRow = page.getByRole('row').filter({ hasText: '赵管理' });
  await adminRow.getByRole('button', { name: '更改角色' }).click();
  const edit = page.getByRole('dialog');
  await edit.getByLabel('角色').click();
  await page.getByRole('option', { name: '管理员兼登记员', exact: true }).click();
  await edit.getByRole('button', { name: '保存角色' }).click();
  await page.getByText('已更改 赵管理 的角色').waitFor();
  expect(await adminRow.innerText()).toContain('管理员兼登记员');
  await expect
    .poll(menu)
    .toEqual([
      '人员',
      '家庭登记',
      '救助案件',
      '公示文书',
      '动态管理',
      '资金发放',
      '医疗救助',
      '养老服务',
      '社区服务',
      '设置',
      '同步',
      '账户',
    ]);
  await shot('roles-users-panel');

  // The registrar: casework, settings to read, no sync enrollment and no accounts.
  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, clerk);
  await expect
    .poll(menu)
    .toEqual([
      '人员',
      '家庭登记',
      '救助案件',
      '公示文书',
      '动态管理',
      '资金发放',
      '医疗救助',
      '养老服务',
      '社区服务',
      '设置',
    ]);
  await shot('roles-registrar-nav');
});
