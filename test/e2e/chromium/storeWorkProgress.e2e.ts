import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateOffice, RecordStamper } from '../../bench/generator';
import { addUser, startDeskAsAdmin } from '../deskSession';
import { deskPage, putInStore } from './deskPage';

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
const registrar = { username: 'wang', name: '王登记', password: 'desk-clerk-2026' };
const stamper = new RecordStamper(
  'office-chengguan',
  'hq-seed',
  { userId: 'user-admin', name: '管理员', role: 'admin' } as never,
  Date.parse('2026-03-01T08:00:00Z'),
);
const persons = generateOffice(21, { persons: count, cases: 0 }, stamper)
  .filter((r) => r.kind === 'person')
  .map((r) => ({ ...r.record, hqVersion: 1 }));

beforeAll(() => {
  page = desk.page;
});

/**
 * The ID-prefix index form the store's clear at-rest meta row records; with `forget`,
 * first dropped from it, as a desk from before schema v18 left it.
 */
function prefixIndexForm(p: Page, forget = false) {
  return p.evaluate(
    (drop) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('minzheng-desk');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          const meta = tx.objectStore('meta');
          const got = meta.get('atRest');
          let form: unknown;
          got.onsuccess = () => {
            const row = got.result as { key: string; value: Record<string, unknown> };
            if (drop) {
              delete row.value.idPrefixIndex;
              meta.put(row);
            }
            form = row.value.idPrefixIndex;
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(form);
          };
          tx.onerror = () => reject(tx.error ?? new Error('meta row failed'));
        };
      }),
    forget,
  );
}

it('shows the one-time reseal of the persons at login, then the list as before', async () => {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);
  await addUser(page, registrar, '登记员');
  await page.getByRole('button', { name: '退出登录' }).click();
  await putInStore(page, { persons }, registrar);
  expect(await prefixIndexForm(page, true)).toBeUndefined();
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
