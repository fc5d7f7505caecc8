import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logIn, startDeskAsAdmin, addUser } from '../deskSession';
import { deskPage } from './deskPage';

/**
 * Correcting 养老 places in Chromium on real IndexedDB: a bed count of -2 or 20 is
 * refused next to the field (nothing saved), beds are added to a room that exists, a
 * bed is retired after a confirmation, another goes under repair with its reason — which
 * the bed's record, the board's tile and the figures then show — and the institution
 * is corrected only with a reason, which its history shows.
 */
const desk = deskPage({ fullPage: false, tallWidth: 1280 });
let page: Page;
const { shot } = desk;

const supervisor = { username: 'qian', name: '钱主管', password: 'desk-super-2026' };

beforeAll(() => {
  page = desk.page;
});

const dialog = () => page.getByRole('dialog').last();
const room = (number: string) => page.getByTestId(`layout-room-${number}`);
const tile = (roomNo: string, bedNo: string) => page.getByTestId(`bed-${roomNo}-${bedNo}`);

async function setUpSupervisor() {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);
  await addUser(page, supervisor, '主管');
  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, supervisor);
}

it('refuses a bad bed count, adds and retires beds, and shows a repair reason everywhere', async () => {
  await setUpSupervisor();
  await page.getByRole('button', { name: '养老服务' }).first().click();
  await page.getByTestId('elderly-tab-elderlyInstitutions').click();
  await page.getByRole('button', { name: '登记机构' }).first().click();
  await dialog().getByLabel('机构代码').fill('YLY-330102-02');
  await dialog().getByLabel('机构名称').fill('城关镇西街敬老院');
  await dialog().getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: '添加楼栋' }).click();
  await dialog().getByLabel('楼栋').fill('1号楼');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().waitFor({ state: 'detached' });

  // -2 and 20 beds: refused next to the field, never clamped; nothing is saved.
  await page.getByRole('button', { name: '添加房间' }).click();
  await dialog().getByLabel('房间号').fill('101');
  const count = dialog().getByTestId('bed-count');
  await count.fill('-2');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().getByText('不能小于 1').first().waitFor();
  await count.fill('20');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().getByText('不能超过 12').first().waitFor();
  expect(await count.getAttribute('aria-invalid')).toBe('true');
  await shot('elderly-room-count-refused');
  await dialog().getByRole('button', { name: '取消' }).click();
  await dialog().waitFor({ state: 'detached' });
  expect(await room('101').count()).toBe(0);

  await page.getByRole('button', { name: '添加房间' }).click();
  await dialog().getByLabel('房间号').fill('101');
  await dialog().getByTestId('bed-count').fill('2');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().waitFor({ state: 'detached' });
  await page.getByText('床位 2 张（护理型 2）').waitFor();

  // One more bed in the room that exists: numbered after its beds.
  await room('101').getByRole('button', { name: '添加床位' }).click();
  await dialog().getByTestId('bed-count').fill('1');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().waitFor({ state: 'detached' });
  await page.getByText('床位 3 张（护理型 3）').waitFor();

  // Bed 3 is retired: with a reason, after a confirmation; final.
  await room('101').getByRole('button', { name: /^3 床/ }).click();
  await page.getByTestId('retire-reason').fill('床位改作储物间');
  await page.getByRole('button', { name: '停用床位' }).click();
  await dialog().getByText('停用后不可恢复').waitFor();
  await shot('elderly-bed-retire-confirm');
  await dialog().getByRole('button', { name: '确认停用' }).click();
  await expect.poll(() => page.getByTestId('bed-status').innerText()).toBe('已停用');
  await page.getByRole('button', { name: '关闭' }).click();
  await page.getByText('床位 2 张（护理型 2）').waitFor();

  // Bed 2 goes under repair: the reason is required, then shown in its record.
  await room('101').getByRole('button', { name: /^2 床/ }).click();
  await page.getByRole('button', { name: '设为维修' }).click();
  await page.getByText('维修中的床位必须填写维修原因').first().waitFor();
  await page.getByTestId('maintenance-reason').fill('床板断裂，待更换');
  await page.getByRole('button', { name: '设为维修' }).click();
  await expect.poll(() => page.getByTestId('bed-status').innerText()).toBe('维修中');
  await expect
    .poll(() => page.getByTestId('bed-maintenance-reason').innerText())
    .toBe('维修原因：床板断裂，待更换');
  await page.getByText('更正理由：床板断裂，待更换').waitFor();
  await shot('elderly-bed-maintenance', 1100);
  await page.getByRole('button', { name: '关闭' }).click();

  // The board's tile says why; the figures count it as 维修中, not 空闲.
  await page.getByRole('button', { name: '养老服务' }).first().click();
  await expect.poll(() => tile('101', '2').getAttribute('data-status')).toBe('maintenance');
  expect(await tile('101', '2').innerText()).toContain('床板断裂');
  expect(await page.getByTestId('count-maintenance').innerText()).toBe('维修中 1');
  expect(await page.getByTestId('count-vacant').innerText()).toBe('空闲 1');
  await shot('elderly-board-maintenance');
  await page.getByTestId('elderly-tab-elderlyFigures').click();
  const chart = page.getByTestId('beds-chart');
  await expect.poll(() => chart.getAttribute('aria-label')).toContain('维修中 1');
  expect(await chart.getAttribute('aria-label')).toContain('空闲 1');
  await shot('elderly-figures-maintenance', 960);

  // The institution is corrected only with a reason, which its history shows.
  await page.getByTestId('elderly-tab-elderlyInstitutions').click();
  await page.getByTestId('institution-row').first().click();
  await page.getByRole('button', { name: '修改机构信息' }).click();
  await dialog().getByLabel('机构名称').fill('城关镇西街颐养院');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().getByText('更正记录必须填写更正理由').first().waitFor();
  await dialog().getByTestId('correction-reason').fill('民政局更名批复');
  await dialog().getByRole('button', { name: '保存' }).click();
  await dialog().waitFor({ state: 'detached' });
  await page.getByText('更正理由：民政局更名批复').waitFor();
  expect(await page.getByTestId('record-version').count()).toBe(2);
  await shot('elderly-institution-history', 1100);
});
