import type { Page } from 'playwright-core';

/** Steps every desk scenario starts with: the first run and logging in. */
export const admin = { username: 'admin', name: '赵管理', password: 'desk-admin-2026' };

/**
 * Fills the first-run form (office + first administrator) and submits it. `casework`
 * ticks 该管理员也办理业务: a small office whose administrator also registers (the
 * administrator alone does no casework). The recovery key's step follows.
 */
export async function submitFirstRunForm(
  page: Page,
  beforeSubmit?: () => Promise<void>,
  options: { casework?: boolean } = {},
) {
  await page.getByLabel('办公室名称').fill('城关镇民政办');
  await page.getByLabel('办公室代码', { exact: true }).fill('330102001');
  await page.getByLabel('再次输入办公室代码').fill('330102001');
  await page.getByLabel('行政区划代码').fill('330102');
  await page.getByLabel('管理员用户名').fill(admin.username);
  await page.getByLabel('姓名').fill(admin.name);
  await page.getByLabel('密码', { exact: true }).fill(admin.password);
  await page.getByLabel('确认密码').fill(admin.password);
  if (options.casework) await page.getByLabel(/该管理员也办理业务/).check();
  await beforeSubmit?.();
  await page.getByRole('button', { name: '创建管理员并开始' }).click();
  await page.getByTestId('first-run-key').waitFor();
}

/**
 * The whole first run: the form, then the recovery key's step put off (稍后设置) unless
 * `recoveryKey: 'set'`, which writes the words down and types three back; they are
 * returned. The login screen follows.
 */
export async function completeFirstRun(
  page: Page,
  beforeSubmit?: () => Promise<void>,
  options: { casework?: boolean; recoveryKey?: 'set' | 'later' } = {},
): Promise<string[]> {
  await submitFirstRunForm(page, beforeSubmit, options);
  if (options.recoveryKey !== 'set') {
    await page.getByRole('button', { name: '稍后设置' }).click();
    return [];
  }
  const words = await shownRecoveryWords(page);
  await page.getByRole('button', { name: '我已抄好，下一步' }).click();
  for (const n of [1, 12, 24]) await page.getByLabel(`第 ${n} 个字`).fill(words[n - 1] ?? '');
  await page.getByRole('button', { name: '确认' }).click();
  return words;
}

/** The 24 words of the recovery key on screen, in order. */
export async function shownRecoveryWords(page: Page): Promise<string[]> {
  const cells = page.getByTestId('backup-word');
  await cells.nth(23).waitFor();
  return (await cells.allInnerTexts()).map((text) => text.replace(/^\d+\.\s*/, '').trim());
}

/** Types the user name and password and presses 登录, whatever follows (tests of refusals). */
export async function tryLogIn(page: Page, user: { username: string; password: string }) {
  await page.getByLabel('用户名', { exact: true }).fill(user.username);
  await page.getByLabel('密码', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function logIn(page: Page, user: { username: string; password: string } = admin) {
  await page.getByRole('button', { name: '登录' }).waitFor();
  await tryLogIn(page, user);
  await page.getByTestId('queued-count').waitFor();
}

/** A fresh desk: first run done and the administrator logged in (also a registrar if asked). */
export async function startDeskAsAdmin(page: Page, options: { casework?: boolean } = {}) {
  await completeFirstRun(page, undefined, options);
  await logIn(page);
}

/** An administrator adds an account on 账户 (one role, as the dialog names it). */
export async function addUser(
  page: Page,
  user: { username: string; name: string; password: string },
  role: string,
) {
  await page.getByRole('button', { name: '账户' }).first().click();
  await page.getByRole('button', { name: '添加用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(user.username);
  await dialog.getByLabel('姓名').fill(user.name);
  await dialog.getByLabel('角色').click();
  await page.getByRole('option', { name: role, exact: true }).click();
  await dialog.getByLabel('密码', { exact: true }).fill(user.password);
  await dialog.getByLabel('确认密码').fill(user.password);
  await dialog.getByRole('button', { name: '创建用户' }).click();
  await page.getByText(user.name).first().waitFor();
}

/** Logs the current account out and another in. */
export async function switchUser(page: Page, user: { username: string; password: string }) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, user);
}
