import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HqDatabase } from '../../../hq/src/db/database';
import { createEnrollmentCode } from '../../../hq/src/store/offices';
import { slipIntoStream, stamped } from '../../support/hostileHq';
import { startDeskAsAdmin } from '../deskSession';
import { deskPage } from './deskPage';
import { startPageHq, type PageHq } from './pageHq';

/**
 * The browser build (its CSP and all) against an HQ whose change log carries an account
 * for the office: the desk refuses the page, the status bar says so, and 待处理冲突 lists
 * the refused change with its reason in Chinese.
 */
let hq: HqDatabase;
let served: PageHq | undefined;
let hqUrl = '';
const office = '330102001';

beforeAll(async () => {
  served = await startPageHq({ office });
  ({ hq, url: hqUrl } = served);
});

afterAll(async () => {
  await served?.close();
});

// Registered after the HQ's hooks: the browser starts once HQ is up and closes before it.
const desk = deskPage({ fullPage: false });
let page: Page;
const { shot } = desk;

beforeAll(() => {
  page = desk.page;
});

it('refuses an account HQ sends, says so in the status bar and lists it', async () => {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);
  await page.getByRole('button', { name: '设置' }).first().click();
  await page.getByRole('button', { name: '县局连接' }).click();
  await page.getByLabel('县局地址').fill(hqUrl);
  await page.getByLabel('接入码').fill(await createEnrollmentCode(hq.db, office, new Date()));
  await page.getByRole('button', { name: '接入', exact: true }).click();
  await page.getByTestId('enroll-done').waitFor();
  await expect.poll(() => page.getByTestId('queued-count').innerText()).toBe('0');

  await slipIntoStream({ hq }, { office }, [
    {
      kind: 'localUser',
      record: stamped(office, {
        username: 'intruder',
        displayName: '县局管理员',
        role: 'admin',
        passwordHash: 'aGFzaA==',
        passwordSalt: 'c2FsdA==',
        passwordIterations: 210_000,
        disabled: false,
      }),
    },
  ]);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect
    .poll(() => page.getByTestId('sync-state').innerText())
    .toBe('同步出错：县局发来 1 条本机不能接受的变更，已停止接收');
  await page.getByTestId('sync-refused-changes').click();

  const row = page.getByTestId('refused-change-row');
  await expect.poll(() => row.count()).toBe(1);
  const text = await row.innerText();
  expect(text).toContain('在线同步');
  expect(text).toContain('用户');
  expect(text).toContain('“用户”类记录只在本机建立，不能由县局下发');
  expect(text).toContain('接收停在此处');
  await page.getByTestId('refused-changes').scrollIntoViewIfNeeded();
  await shot('sync-refused-changes');

  // The account was not made: logging in with it is refused.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名', { exact: true }).fill('intruder');
  await page.getByLabel('密码', { exact: true }).fill('anything-at-all');
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/用户名或密码/);
});
