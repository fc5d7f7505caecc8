import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addUser, logIn, startDeskAsAdmin } from '../deskSession';
import { deskPage } from './deskPage';

/**
 * Loose ends of issue 12 in Chromium on real IndexedDB: an emptied floor count or
 * nursing-bed target says 必填 (not "不能小于 1", not a saved 0); a bed under repair from
 * before repair reasons were recorded takes its missing reason as a correction; a
 * resident search that finds nothing says so instead of "no residents yet".
 */
const desk = deskPage({ fullPage: false, tallWidth: 1280 });
let page: Page;
const { shot } = desk;

const supervisor = { username: 'qian', name: '钱主管', password: 'desk-super-2026' };

beforeAll(() => {
  page = desk.page;
});

const dialog = () => page.getByRole('dialog').last();

/** Old data: bed 1 of room 101 under repair, written without a repair reason field. */
function writeOldRepairWithoutReason() {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('minzheng-desk');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const idb = open.result;
          const tx = idb.transaction('elderlyBeds', 'readwrite');
          const beds = tx.objectStore('elderlyBeds');
          const all = beds.getAll();
          all.onsuccess = () => {
            const rows = all.result as Record<string, unknown>[];
            const bed = rows.find((b) => b.number === '1');
            if (!bed) return reject(new Error('bed 1 missing'));
            const { maintenanceReason: _dropped, ...old } = bed;
            beds.put({ ...old, maintenance: true });
          };
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
}

it('says 必填 for emptied counts, takes a missing repair reason, and says a search found nothing', async () => {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);
  await addUser(page, supervisor, '主管');
  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, supervisor);
  await page.getByRole('button', { name: '养老服务' }).first().click();

  // No residents, no search: the list is empty. A search that finds nothing says so.
  await page.getByTestId('elderly-tab-elderlyResidents').click();
  await expect.poll(() => page.getByTestId('residents-none').innerText()).toBe('还没有入住老人。');
  await page.getByLabel(/^搜索/).fill('张三丰');
  await expect
    .poll(() => page.getByTestId('residents-none').innerText())
    .toBe('没有找到匹配的入住老人');
  await shot('residents-search-none');

  await page.getByTestId('elderly-tab-elderlyInstitutions').click();
  await page.getByRole('button', { name: '登记机构' }).first().click();
  await dialog().getByLabel('机构代码').fill('YLY-330102-03');
  await dialog().getByLabel('机构名称').fill('城关镇南街敬老院');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().waitFor({ state: 'detached' });

  // Floors emptied: 必填, not "不能小于 1"; 41 floors: refused with the range.
  await page.getByRole('button', { name: '添加楼栋' }).click();
  await dialog().getByLabel('楼栋').fill('1号楼');
  const floors = dialog().getByLabel('层数');
  await floors.fill('');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().getByText('必填').first().waitFor();
  expect(await dialog().getByText('不能小于 1').count()).toBe(0);
  expect(await floors.getAttribute('aria-invalid')).toBe('true');
  await shot('elderly-building-floors-required');
  await floors.fill('41');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog()
    .getByText(/不能(大于|超过) 40/)
    .first()
    .waitFor();
  await floors.fill('3');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().waitFor({ state: 'detached' });

  await page.getByRole('button', { name: '添加房间' }).click();
  await dialog().getByLabel('房间号').fill('101');
  await dialog().getByTestId('bed-count').fill('2');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().waitFor({ state: 'detached' });
  await page.getByText('床位 2 张（护理型 2）').waitFor();

  // The nursing-bed target emptied: 必填, nothing saved as 0.
  await page.getByRole('button', { name: '养老服务' }).first().click();
  await page.getByTestId('elderly-tab-elderlyFigures').click();
  await page.getByRole('button', { name: '统计口径' }).click();
  const target = dialog().getByLabel('护理型床位占比目标（%）');
  await target.fill('');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().getByText('必填').first().waitFor();
  await shot('elderly-target-required');
  await dialog().getByRole('button', { name: '取消' }).click();
  await dialog().waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '统计口径' }).click();
  expect(await dialog().getByLabel('护理型床位占比目标（%）').inputValue()).toBe('55');
  await dialog().getByRole('button', { name: '取消' }).click();

  // Old data: bed 1 went under repair before reasons were recorded.
  await writeOldRepairWithoutReason();
  await page.reload();
  await logIn(page, supervisor);
  await page.getByRole('button', { name: '养老服务' }).first().click();
  await page.getByTestId('bed-101-1').click();
  await expect.poll(() => page.getByTestId('bed-status').innerText()).toBe('维修中');
  await page.getByText('原因未记录').waitFor();
  await page.getByRole('button', { name: '补填维修原因' }).click();
  await dialog().getByTestId('correction-reason').fill('补记维修原因');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().getByText('维修中的床位必须填写维修原因').first().waitFor();
  const repair = dialog().getByTestId('edit-maintenance-reason');
  expect(await repair.getAttribute('aria-invalid')).toBe('true');
  await shot('elderly-bed-missing-repair-reason', 900);
  await repair.fill('床板断裂，待更换');
  await dialog().getByRole('button', { name: '保存' }).click();
  await expect
    .poll(() => page.getByTestId('bed-maintenance-reason').innerText())
    .toBe('维修原因：床板断裂，待更换');
  await page.getByText('更正理由：补记维修原因').waitFor();
  await shot('elderly-bed-repair-reason-added', 1100);
});
