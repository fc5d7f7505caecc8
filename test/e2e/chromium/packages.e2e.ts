import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import type { HqDatabase } from '../../../hq/src/db/database';
import { createEnrollmentCode } from '../../../hq/src/store/offices';
import { completeFirstRun, logIn, addUser } from '../deskSession';
import { deskPage } from './deskPage';
import { latinLeaks } from '../../support/latinWords';
import { startPageHq, type PageHq } from './pageHq';

/**
 * Sync packages in the browser build against the real HQ on loopback: a supervisor
 * enrolls online once, works offline, exports a package (a download), HQ imports it
 * through its admin API and answers with a return file, the desk previews and imports
 * that file, and the queue is empty. Packages that are not for the desk are refused
 * with a Chinese reason and change nothing.
 */
let hq: HqDatabase;
let served: PageHq | undefined;
let hqUrl = '';

const adminToken = 'e2e-admin-token-2026';
const supervisor = { username: 'li', name: '李主管', password: 'desk-super-2026' };
const head = residentId('330102', '19580311', '017');

function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

beforeAll(async () => {
  served = await startPageHq({ adminToken });
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

it('exports a package offline, imports HQ’s return file and empties the queue', async () => {
  await page.goto(inject('rendererUrl'));
  await completeFirstRun(page);
  await logIn(page);
  // The administrator manages accounts, not packages: no menu entry.
  await page.getByRole('button', { name: '设置' }).first().waitFor();
  expect(await navEntry().count()).toBe(0);
  await addSupervisor();
  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, supervisor);

  // Enroll once, online (this exchanges the package keys); the first-run change drains.
  await page.getByRole('button', { name: '设置' }).first().click();
  await page.getByRole('button', { name: '县局连接' }).click();
  await page.getByLabel('县局地址').fill(hqUrl);
  await page.getByLabel('接入码').fill(await createEnrollmentCode(hq.db, '330102001', new Date()));
  await page.getByRole('button', { name: '接入', exact: true }).click();
  await page.getByTestId('enroll-done').waitFor();
  await expect.poll(() => queued()).toBe('0');
  // The first sync ends with its pull (the desk's own first-run changes come back as
  // receipts): going offline before it ends would leave them for the return file.
  await page
    .getByText(/上次同步/)
    .first()
    .waitFor();

  // From here on the office has no network: a household is registered offline.
  await desk.context.setOffline(true);
  await registerHousehold();
  await expect.poll(() => queued()).toBe('2');

  await navEntry().click();
  await page.getByRole('heading', { name: '同步包（离线传输）' }).waitFor();
  await expect.poll(() => page.getByTestId('package-queued').innerText()).toContain('2 条');
  await page.getByText('尚未导出或导入同步包').waitFor();

  // Export: the browser build saves by a download.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出同步包', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^民政同步包_330102001_上报_\d{8}-\d{4}_1\.mzpkg$/);
  const exportedPath = join(served?.dataDir ?? '', download.suggestedFilename());
  await download.saveAs(exportedPath);
  const summary = page.getByTestId('package-export-summary');
  await summary.waitFor();
  const summaryText = await summary.innerText();
  expect(summaryText).toContain('已生成第 1 号同步包');
  expect(summaryText).toContain('人员 1');
  expect(summaryText).toContain('家庭 1');
  expect(summaryText).toContain(download.suggestedFilename());
  await page.getByTestId('package-saved').waitFor();
  await expect.poll(() => historyRows().count()).toBe(1);
  expect(await historyRows().first().innerText()).toContain('未确认');
  await shot('packages-export');

  // Refusals: the desk's own export (for HQ) and a file that is no package change nothing.
  await importFile(exportedPath);
  await expect
    .poll(() => page.getByTestId('package-import-error').innerText())
    .toContain('办公室发往县局的同步包');
  await shot('packages-refused');
  await importFile({
    name: '照片.mzpkg',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('不是同步包'),
  });
  await expect
    .poll(() => page.getByTestId('package-import-error').innerText())
    .toContain('这不是民政同步包');
  expect(await page.getByTestId('package-preview').count()).toBe(0);
  expect(await queued()).toBe('2');
  expect(await historyRows().count()).toBe(1);

  // HQ imports the package (the county's admin API, as `npm run hq -- import` does) and
  // answers with a return file for the office.
  const answer = await fetch(
    `${hqUrl}/v1/admin/packages/import?by=${encodeURIComponent('县民政局')}`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${adminToken}`,
        'content-type': 'application/octet-stream',
      },
      body: await readFile(exportedPath),
    },
  );
  expect(answer.status).toBe(200);
  const returnName = decodeURIComponent(
    /filename\*=UTF-8''([^;]+)/.exec(answer.headers.get('content-disposition') ?? '')?.[1] ?? '',
  );
  expect(returnName).toMatch(/^民政同步包_330102001_下发_.*\.mzpkg$/);
  const returnFile = {
    name: returnName,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(await answer.arrayBuffer()),
  };
  const atHq = await hq.db.selectFrom('records').select('kind').execute();
  // The office's work, and its two accounts (the administrator and the supervisor).
  expect(atHq.map((r) => r.kind).sort()).toEqual([
    'household',
    'officeSettings',
    'person',
    'staffMember',
    'staffMember',
  ]);

  // The desk previews the return file: checked and decrypted, nothing applied yet.
  await importFile(returnFile);
  const preview = page.getByTestId('package-preview');
  await preview.waitFor();
  const previewText = await preview.innerText();
  expect(previewText).toContain(returnName);
  expect(previewText).toContain('县局');
  expect(previewText).toContain('县民政局');
  expect(previewText).toContain('县局已接收 2 条');
  // Made by 县局 (HQ's operator named), and the desk's own changes coming back are
  // receipts, not county changes; no English word anywhere in it.
  expect(previewText).toContain('县局（县民政局）');
  expect(previewText).toMatch(/县局变更\s+无/);
  expect(previewText).toMatch(/本机变更的回执\s+2 条/);
  expect(latinLeaks(previewText)).toEqual([]);
  expect(await page.getByTestId('package-import-error').count()).toBe(0);
  expect(await queued()).toBe('2');
  await shot('packages-preview');
  await shot('words-package-preview');

  await page.getByTestId('package-confirm').click();
  const result = page.getByTestId('package-import-result');
  await result.waitFor();
  expect(await result.innerText()).toContain('县局已确认本机变更 2 条');
  await expect.poll(() => queued()).toBe('0');

  // History: both packages; the export is acknowledged now that HQ holds its changes.
  await expect.poll(() => historyRows().count()).toBe(2);
  const rows = await historyRows().allInnerTexts();
  const exportedRow = rows.find((row) => row.includes('导出'));
  const importedRow = rows.find((row) => row.includes('导入'));
  expect(exportedRow).toContain('已确认');
  expect(exportedRow).toContain(supervisor.name);
  expect(importedRow).toContain('下发');
  await page.getByTestId('package-history').scrollIntoViewIfNeeded();
  await shot('packages-history');

  // The same return file again: told as "imported before", nothing changes.
  await importFile(returnFile);
  const again = page.getByTestId('package-import-error');
  await expect.poll(() => again.innerText()).toContain('已导入过，未做任何更改');
  expect(await again.getAttribute('class')).toContain('Info');
  expect(await historyRows().count()).toBe(2);
  await shot('packages-duplicate');

  // English is the second language.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Sync packages (offline transfer)' }).waitFor();
  await page.getByTestId('package-history').scrollIntoViewIfNeeded();
  await shot('packages-english');
  await page.getByRole('button', { name: '中文' }).click();
});

function navEntry() {
  return page.getByRole('navigation').getByRole('button', { name: '同步包' });
}

function queued(): Promise<string> {
  return page.getByTestId('queued-count').innerText();
}

function historyRows() {
  return page.getByTestId('package-history-row');
}

/** The import button opens the file picker; the test answers it with a file. */
async function importFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const choosing = page.waitForEvent('filechooser');
  await page
    .getByTestId('package-import')
    .getByRole('button', { name: /选择同步包文件|导入另一个同步包/ })
    .click();
  await (await choosing).setFiles(file);
}

async function addSupervisor() {
  await addUser(page, supervisor, '主管');
}

async function registerHousehold() {
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('西村');
  await page.getByLabel('家庭住址').fill('城关镇西村1组5号');
  const row = page.getByTestId('member-row-0');
  await row.getByLabel('姓名').fill('王大山');
  await row.getByLabel('身份证号码').fill(head);
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).waitFor();
}
