import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addUser, admin, logIn, startDeskAsAdmin, switchUser, tryLogIn } from '../deskSession';
import { deskPage } from './deskPage';

/**
 * Accounts in Chromium on real IndexedDB (issue #16 item 4): the administrator disables an
 * account (refused at login, the same words as a wrong password), enables it again,
 * resets its password (the next login must choose a new one before anything else shows);
 * five wrong passwords block the login, and a reload does not lift the block.
 */
const desk = deskPage({ fullPage: false, settleMs: 400 });
let page: Page;
const { shot } = desk;
const clerk = { username: 'wang', name: '王登记', password: 'window-2026' };

beforeAll(() => {
  page = desk.page;
});

it('disables and enables an account, and resets its password for a change at next login', async () => {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);
  await addUser(page, clerk, '登记员');

  // 停用: asked first, then the account cannot log in.
  const row = page.getByRole('row', { name: new RegExp(clerk.username) });
  await row.getByRole('button', { name: '停用' }).click();
  await page.getByTestId('confirm-disable').click();
  await expect
    .poll(() => page.getByTestId(`user-status-${clerk.username}`).innerText())
    .toContain('停用');
  await shot('accounts-disabled');
  // One's own account cannot be disabled.
  const own = page.getByRole('row', { name: new RegExp(`^${admin.username}`) });
  expect(await own.getByRole('button', { name: '停用' }).isDisabled()).toBe(true);

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
  await tryLogIn(page, clerk);
  await page.getByText('用户名或密码错误').waitFor();

  // Enabled again and its password reset: the next login asks for a new one first.
  await logIn(page, admin);
  await page.getByRole('button', { name: '账户' }).first().click();
  await row.getByRole('button', { name: '启用' }).click();
  await row.getByRole('button', { name: '重置密码' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('临时密码', { exact: true }).fill('temp-2026');
  await dialog.getByLabel('再次输入临时密码').fill('temp-2027');
  await page.keyboard.press('Control+s');
  await expect.poll(() => dialog.innerText()).toContain('两次输入的密码不一致');
  await dialog.getByLabel('再次输入临时密码').fill('temp-2026');
  await shot('accounts-reset');
  await dialog.getByRole('button', { name: '重置密码' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect
    .poll(() => page.getByTestId(`user-status-${clerk.username}`).innerText())
    .toContain('待改密码');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
  await tryLogIn(page, { username: clerk.username, password: 'temp-2026' });
  await page.getByRole('heading', { name: '请设置新密码' }).waitFor();
  expect(await page.getByTestId('queued-count').count()).toBe(0); // nothing of the desk shows
  await page.getByLabel('当前密码').fill('temp-2026');
  await page.getByLabel('新密码', { exact: true }).fill('temp-2026');
  await page.getByLabel('再次输入新密码').fill('temp-2026');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect
    .poll(() => page.locator('main, body').first().innerText())
    .toContain('新密码不能与当前密码相同');
  await shot('accounts-forced-change');
  await page.getByLabel('新密码', { exact: true }).fill('my-own-2026');
  await page.getByLabel('再次输入新密码').fill('my-own-2026');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await page.getByTestId('queued-count').waitFor();
  await switchUser(page, { username: clerk.username, password: 'my-own-2026' });
});

it('five wrong passwords block the login, and a reload does not lift the block', async () => {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
  for (let i = 0; i < 5; i++) {
    await tryLogIn(page, { username: clerk.username, password: `wrong-${i}` });
    await page
      .getByRole('button', { name: '登录' })
      .and(page.locator(':not([disabled])'))
      .waitFor();
  }
  await page.getByText(/秒后再试/).waitFor();
  await page.reload();
  await page.getByRole('button', { name: '登录' }).waitFor();
  // The right password, right after the reload: still refused while the block lasts.
  await tryLogIn(page, { username: clerk.username, password: 'my-own-2026' });
  await page.getByText(/秒后再试/).waitFor();
  await shot('accounts-throttled');
  expect(await page.getByTestId('queued-count').count()).toBe(0);
});
