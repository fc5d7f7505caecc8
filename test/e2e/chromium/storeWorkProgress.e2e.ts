import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clearMetaField, deskPage } from './deskPage';
import { deskWithPulled, pulledOffice, registrar } from './pulledOffice';

/**
 * Issue 16 in Chromium: a store whose persons are sealed in an older form (before schema
 * v18's ID-prefix index) is sealed again at the first login, once — and the login shows
 * how far that has gone instead of seeming to hang (minutes at 200,000 persons).
 */
const desk = deskPage({
  fullPage: false,
  ready: (page) => page.setViewportSize({ width: 1280, height: 800 }),
});
let page: Page;

const count = 6000;
const { persons } = pulledOffice(21, { persons: count, cases: 0 });

beforeAll(() => {
  page = desk.page;
});

/** The ID-prefix index form the store's clear at-rest row records; with `forget`, dropped. */
const prefixIndexForm = (p: Page, forget = false) =>
  clearMetaField(p, 'atRest', 'idPrefixIndex', forget);

it('shows the one-time reseal of the persons at login, then the list as before', async () => {
  await deskWithPulled(page, inject('rendererUrl'), { persons });
  // As a desk from before schema v18 left it.
  expect(await prefixIndexForm(page, true)).toBe(2);
  await page.reload();

  await page.getByRole('button', { name: '登录' }).waitFor();
  await page.getByLabel('用户名', { exact: true }).fill(registrar.username);
  await page.getByLabel('密码', { exact: true }).fill(registrar.password);
  await page.getByRole('button', { name: '登录' }).click();
  const dialog = page.getByRole('dialog', { name: '正在更新本机数据的加密格式' });
  await dialog.waitFor();
  await expect
    .poll(() => dialog.getByTestId('store-work-count').innerText())
    .toMatch(new RegExp(`^已处理 [1-9][\\d,]* / ${count.toLocaleString('zh-CN')} 条$`));
  await desk.shot('store-work-progress');
  await dialog.waitFor({ state: 'detached', timeout: 60_000 });
  await page.getByTestId('queued-count').waitFor();
  await expect
    .poll(() => page.getByTestId('person-count').innerText())
    .toBe(`共 ${count.toLocaleString('zh-CN')} 人`);
  // Once: the store records the new form, so the next login has nothing to reseal.
  expect(await prefixIndexForm(page)).toBe(2);
});

it('says the same in English when the desk speaks English', async () => {
  // The same older form again, a login in English.
  expect(await prefixIndexForm(page, true)).toBe(2);
  await page.reload();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Username', { exact: true }).fill(registrar.username);
  await page.getByLabel('Password', { exact: true }).fill(registrar.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Updating how this desk’s data is encrypted' });
  await dialog.waitFor();
  await expect
    .poll(() => dialog.getByTestId('store-work-count').innerText())
    .toMatch(new RegExp(`^[1-9][\\d,]* of ${count.toLocaleString('en')} records done$`));
  await desk.shot('store-work-progress-en');
  await dialog.waitFor({ state: 'detached', timeout: 60_000 });
  await expect
    .poll(() => page.getByTestId('person-count').innerText())
    .toMatch(new RegExp(`${count.toLocaleString('en')}`));
  expect(await prefixIndexForm(page)).toBe(2);
});
