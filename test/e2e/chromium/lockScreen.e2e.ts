import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, startDeskAsAdmin } from '../deskSession';
import { deskPage } from './deskPage';

/**
 * The idle lock (锁屏) in Chromium, as whoever finds the desk left open meets it: the
 * shell stays mounted under the lock (so unsaved work survives), and nothing of it is
 * theirs. Each step failed before (a hostile review of work crossing a logout):
 * - Ctrl+S at the lock screen saved the dialog left open under it, as the person who
 *   locked it (an account added; a password changed, which opened the lock);
 * - Ctrl+A selected the shell's text under the lock (for Ctrl+C): a half-filled form,
 *   the accounts table, a revealed ID number.
 * (An unlock finishing after 切换用户 is test/node/auth/lockRaces.test.ts: in the web build
 * a logout locks the store, so only an Electron desk's store, open, let it through.)
 *
 * The page's clock is Playwright's (it runs as time does), so that eleven minutes of
 * idleness can pass at once.
 */
const desk = deskPage({ fullPage: false, settleMs: 300 });
let page: Page;
const typedName = '周未存';

beforeAll(() => {
  page = desk.page;
});

const lockScreen = () => page.getByTestId('locked-user');
const unlockPassword = () => page.getByRole('dialog', { name: '已锁定' }).getByLabel('密码');
const idleLock = async () => {
  await page.clock.fastForward('11:00');
  await lockScreen().waitFor();
};

it('opens a desk with its administrator logged in', async () => {
  await page.clock.install();
  await page.goto(inject('rendererUrl'));
  // The idle timer is set at the login, with the page's clock already installed.
  await startDeskAsAdmin(page);
  await page.getByRole('button', { name: '账户' }).first().click();
  await page.getByRole('button', { name: '添加用户' }).waitFor();
});

it('keeps Ctrl+S, selection and the shell away from whoever is at the lock screen', async () => {
  // A new account typed in full, not yet created, when the desk is left.
  await page.getByRole('button', { name: '添加用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('zhou');
  await dialog.getByLabel('姓名').fill(typedName);
  await dialog.getByLabel('角色').click();
  await page.getByRole('option', { name: '登记员', exact: true }).click();
  await dialog.getByLabel('密码', { exact: true }).fill('zhou-window-2026');
  await dialog.getByLabel('确认密码').fill('zhou-window-2026');
  await idleLock();

  // Ctrl+S, and the whole page selected from the lock's background.
  await page.keyboard.press('Control+s');
  await page.mouse.click(8, 8);
  await page.keyboard.press('Control+a');
  const selected = await page.evaluate(() => String(window.getSelection()));
  // The dialog's and the screen's words (a field's typing is never in a selection).
  expect(selected).not.toContain('添加用户');
  expect(selected).not.toContain('用户名');
  expect(selected).not.toContain('确认密码');
  // What the lock screen itself says is all there is (whose desk it is, how to unlock).
  expect(selected).toContain('已锁定');
  // The shell and the dialog under the lock: out of focus, selection and print.
  const under = await page.evaluate(() =>
    Array.from(document.body.children)
      .filter((e) => !e.querySelector('[data-testid="locked-user"]'))
      .filter((e) => e instanceof HTMLElement && !(e instanceof HTMLScriptElement))
      .map((e) => [(e as HTMLElement).inert, getComputedStyle(e).visibility]),
  );
  expect(under.length).toBeGreaterThan(1);
  expect(under.every(([inert, visibility]) => inert === true && visibility === 'hidden')).toBe(
    true,
  );
  await desk.shot('lock-screen-over-dialog');

  // Unlocked by its own person: the dialog is as they left it, and nobody was created.
  await unlockPassword().fill(admin.password);
  await page.getByRole('button', { name: '解锁' }).click();
  await lockScreen().waitFor({ state: 'detached' });
  await expect.poll(() => dialog.getByLabel('姓名').inputValue()).toBe(typedName);
  expect(await page.evaluate(() => document.getElementById('root')?.inert)).toBe(false);
  // The cursor is back where it was when the desk locked (the last field typed in).
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
    .toBe('passwordConfirm');
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '添加用户' }).waitFor();
  expect(await page.getByText(typedName).count()).toBe(0);
});

it('切换用户 at the lock screen leaves a login screen that shows and takes typing', async () => {
  await idleLock();
  await page.getByRole('button', { name: '切换用户' }).click();
  const name = page.getByLabel('用户名');
  await name.fill(admin.username);
  // What the lock hid is shown again with the login screen (#root), not left inert.
  expect(await page.evaluate(() => document.getElementById('root')?.inert)).toBe(false);
  expect(await name.isVisible()).toBe(true);
  await desk.shot('login-after-switch-user');
});
