import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clearMetaField, deskPage, tabShot } from './deskPage';
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

/** Notes the title of every store-work dialog the page shows (from before its scripts). */
function noteStoreWorkTitles() {
  const seen: string[] = [];
  (window as unknown as { storeWorkTitles: string[] }).storeWorkTitles = seen;
  new MutationObserver(() => {
    const title = document.getElementById('store-work-title')?.textContent;
    if (title && !seen.includes(title)) seen.push(title);
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

const titlesSeen = (p: Page) =>
  p.evaluate(() => (window as unknown as { storeWorkTitles: string[] }).storeWorkTitles);

/** What a tab of the desk says, in its language. */
const words = {
  zh: {
    logIn: '登录',
    username: '用户名',
    password: '密码',
    working: '正在更新本机数据的加密格式',
    waiting: '本机数据的加密正在更新，请稍候',
    goesOn: '完成后这里会自动继续，不必重新登录',
    persons: `共 ${count.toLocaleString('zh-CN')} 人`,
  },
  en: {
    logIn: 'Log in',
    username: 'Username',
    password: 'Password',
    working: 'Updating how this desk’s data is encrypted',
    waiting: 'This desk’s encryption is being updated; please wait',
    goesOn: 'This window goes on by itself when that is done',
    persons: `${count.toLocaleString('en')}`,
  },
};
type Words = (typeof words)['zh'];

async function fillLogin(p: Page, w: Words) {
  await p.getByRole('button', { name: w.logIn }).waitFor();
  await p.getByLabel(w.username, { exact: true }).fill(registrar.username);
  await p.getByLabel(w.password, { exact: true }).fill(registrar.password);
}

it('two tabs logging in at once: one does the store’s work, the other says so and waits', async () => {
  // Before, each tab resealed every person (twice the work), and a tab could read the
  // other's half-done work as rows removed outside the desk. Now one tab at a time.
  expect(await prefixIndexForm(page, true)).toBe(2);
  await desk.context.addInitScript(noteStoreWorkTitles);
  // This tab in Chinese (the test before switched the desk to English), a second in English.
  await page.evaluate(() => localStorage.removeItem('desk.language'));
  await page.reload();
  await page.getByRole('button', { name: words.zh.logIn }).waitFor();
  await page.evaluate(() => localStorage.setItem('desk.language', 'en'));
  const second = await desk.context.newPage();
  second.on('pageerror', (error) => console.error('[renderer, second tab]', error));
  await second.setViewportSize({ width: 1280, height: 800 });
  await second.goto(inject('rendererUrl'));
  const tabs = [
    { tab: page, w: words.zh },
    { tab: second, w: words.en },
  ];
  await Promise.all(tabs.map(({ tab, w }) => fillLogin(tab, w)));

  // A third tab of the desk is doing the store's work (it holds the turn) as both log in.
  const third = await desk.context.newPage();
  await third.goto(inject('rendererUrl'));
  await third.evaluate(
    () =>
      new Promise<void>((held) => {
        void navigator.locks.request('minzheng-desk-store-work:minzheng-desk', () => {
          held();
          return new Promise<void>((done) => {
            (window as unknown as { letGo: () => void }).letGo = done;
          });
        });
      }),
  );
  await Promise.all(tabs.map(({ tab, w }) => tab.getByRole('button', { name: w.logIn }).click()));
  for (const { tab, w } of tabs) {
    const dialog = tab.getByRole('dialog', { name: w.waiting });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(w.goesOn);
  }
  await desk.shot('store-work-elsewhere');
  await tabShot(second, 'store-work-elsewhere-en', 0);
  await third.evaluate(() => (window as unknown as { letGo: () => void }).letGo());

  for (const { tab, w } of tabs) {
    await expect
      .poll(() => tab.getByTestId('person-count').innerText(), { timeout: 60_000 })
      .toContain(w.persons);
  }
  // Once the third let go, one of the two did the work; the other waited for it.
  const seen = [await titlesSeen(page), await titlesSeen(second)];
  expect(seen.map((titles, i) => titles.includes(tabs[i]?.w.waiting ?? ''))).toEqual([true, true]);
  expect(seen.filter((titles, i) => titles.includes(tabs[i]?.w.working ?? ''))).toHaveLength(1);
  expect(await prefixIndexForm(page)).toBe(2);
  await page.evaluate(() => localStorage.removeItem('desk.language'));
  await Promise.all([second.close(), third.close()]);
});
