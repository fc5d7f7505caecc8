import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { admin, completeFirstRun, logIn } from '../deskSession';
import { deskPage, tabShot } from './deskPage';

/**
 * A new desk's first run in one tab while another tab of the desk opens (the web build:
 * the store's key is in the first tab's memory until the administrator's password wraps
 * it). The other tab took the store for an abandoned first run, dropped the key and made
 * its own, and the administrator the first tab then made could never log in. Now the
 * other tab waits and says why; it takes the first run over when the first tab closes
 * without finishing, and opens the desk once a first run is done.
 */
const desk = deskPage();

async function openTab(name: string): Promise<Page> {
  const page = await desk.context.newPage();
  page.on('pageerror', (error) => console.error(`[renderer, ${name}]`, error));
  await page.goto(inject('rendererUrl'));
  return page;
}

const waiting = async (page: Page) => {
  await page.getByText('正在另一个窗口中设置本工作台').waitFor();
  expect(await page.getByLabel('办公室名称').count()).toBe(0);
};

it('another tab waits for the first run, takes it over if it is abandoned, and opens the desk once it is done', async () => {
  const first = desk.page;
  await first.goto(inject('rendererUrl'));
  await first.getByLabel('办公室名称').waitFor();

  // A second tab waits; the first closes without finishing: the second takes over.
  const second = await openTab('second tab');
  await waiting(second);
  await tabShot(second, 'first-run-elsewhere', 0);
  await first.close();
  await second.getByLabel('办公室名称').waitFor();

  // A third tab waits for the second's first run, then goes on by itself.
  const third = await openTab('third tab');
  await waiting(third);
  // The same in English, in a tab of a desk that speaks English (then back to Chinese).
  await second.evaluate(() => localStorage.setItem('desk.language', 'en'));
  const english = await openTab('English tab');
  await english.getByText('This desk is being set up in another window').waitFor();
  await tabShot(english, 'first-run-elsewhere-en', 0);
  await english.close();
  await second.evaluate(() => localStorage.removeItem('desk.language'));
  await completeFirstRun(second);
  await logIn(second);
  await third.getByRole('button', { name: '登录' }).waitFor();
  await logIn(third, admin);
  await third.close();

  // The store is sealed under the key the administrator's password opens.
  await second.reload();
  await logIn(second, admin);
});
