import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { HqDatabase } from '../../../hq/src/db/database';
import { createEnrollmentCode } from '../../../hq/src/store/offices';
import { startDeskAsAdmin } from '../deskSession';
import { deskPage } from './deskPage';
import { latinLeaks } from '../../support/latinWords';
import { receiveCountyStandard, startPageHq, type PageHq } from './pageHq';

/**
 * The browser build against the real HQ on loopback: enroll with a one-time code, see
 * the queue drain to HQ, and receive a standard the county publishes.
 */
let hq: HqDatabase;
let served: PageHq | undefined;
let hqUrl = '';

beforeAll(async () => {
  served = await startPageHq();
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

it('enrolls with HQ, drains the queue to it, and receives what the county publishes', async () => {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);
  // The first run queued the administrator's account (no hash) and the office settings.
  await expect.poll(() => page.getByTestId('queued-count').innerText()).toBe('2');

  await page.getByRole('button', { name: '设置' }).first().click();
  await page.getByRole('button', { name: '县局连接' }).click();
  // A plain-http address on the LAN is refused next to the field, before anything is sent,
  // unless the developer option is ticked; HQ on this computer (loopback) is fine.
  const address = page.getByLabel('县局地址');
  await address.fill('http://192.168.1.20:8787');
  await address.blur();
  const refusal = page.getByText('县局地址须以 https:// 开头', { exact: false });
  await refusal.waitFor();
  await expect.poll(() => page.getByTestId('enroll-error').count()).toBe(0);
  await page.getByTestId('sync-dev-options').scrollIntoViewIfNeeded();
  await shot('sync-settings-insecure');
  const developer = page.getByLabel('开发者：允许不加密的 http 地址');
  // Stored in the desk's meta, then read back: the box follows once the write is done.
  await developer.click();
  await expect.poll(() => developer.isChecked()).toBe(true);
  await expect.poll(() => refusal.count()).toBe(0);
  await developer.click();
  await expect.poll(() => developer.isChecked()).toBe(false);
  await refusal.waitFor();
  await address.fill(hqUrl);
  // A wrong code: HQ's answer is worded by its code, never by HQ's English sentence.
  await page.getByLabel('接入码').fill('WRONG-CODE-2026');
  await page.getByRole('button', { name: '接入', exact: true }).click();
  const enrollError = page.getByTestId('enroll-error');
  await expect
    .poll(() => enrollError.innerText())
    .toContain('县局答复：接入码无效、已用过或已过期');
  expect(latinLeaks(await enrollError.innerText())).toEqual([]);
  await shot('words-enroll-refused');
  await page.getByLabel('接入码').fill(await createEnrollmentCode(hq.db, '330102001', new Date()));
  // Editing the field the answer was about takes the answer away.
  await expect.poll(() => enrollError.count()).toBe(0);
  await page.getByRole('button', { name: '接入', exact: true }).click();
  await page.getByTestId('enroll-done').waitFor();
  await expect.poll(() => page.getByTestId('queued-count').innerText()).toBe('0');
  await shot('sync-enrolled');

  const atHq = await hq.db.selectFrom('records').select(['kind', 'office_id']).execute();
  expect(atHq).toEqual(
    expect.arrayContaining([
      { kind: 'officeSettings', office_id: '330102001' },
      { kind: 'staffMember', office_id: '330102001' },
    ]),
  );
  expect(atHq).toHaveLength(2);

  await receiveCountyStandard(page, hq, 68000);
  await page.getByTestId('standard-row').first().scrollIntoViewIfNeeded();
  await shot('sync-hq-standard');
});
