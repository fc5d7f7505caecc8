import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { logIn, startDeskAsAdmin, addUser } from '../deskSession';
import { deskPage } from './deskPage';
import { dateReadOnly, dateShown } from './dateInput';
import { officeToday } from '../../../shared/validation/dates';

/**
 * 养老床位 end to end in Chromium on real IndexedDB: a supervisor (the administrator
 * manages accounts only) sets up an institution with two rooms of beds, admits two
 * new residents from the board (one by keyboard), puts a free bed under repair, sees
 * the board and the figures change, discharges one (after a confirmation), sees the
 * occupancy rate fall, and records a home-care visit to the discharged resident.
 */
/** The main area scrolls inside the window, so a tall screen gets a taller window (shot's height). */
const desk = deskPage({ fullPage: false, tallWidth: 1280 });
let page: Page;
const { shot } = desk;

const supervisor = { username: 'zhou', name: '周主管', password: 'desk-super-2026' };
const id = (first17: string) => first17 + residentIdCheckChar(first17);
interface Elder {
  name: string;
  id: string;
  level: string;
  funding: string;
}
const wang: Elder = {
  name: '王秀兰',
  id: id('33010219420315042'),
  level: '中度失能',
  funding: '特困集中供养',
};
const zhao: Elder = {
  name: '赵德明',
  id: id('33010219380907051'),
  level: '重度失能',
  funding: '自费',
};

beforeAll(() => {
  page = desk.page;
});

const bed = (room: string, number: string) => page.getByTestId(`bed-${room}-${number}`);
const statusOf = (room: string, number: string) => bed(room, number).getAttribute('data-status');
const occupancy = () => page.getByTestId('figure-occupancy').innerText();

async function choose(label: string, option: string, scope = page.getByRole('dialog')) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function addRoom(number: string, bedType: string) {
  await page.getByRole('button', { name: '添加房间' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('房间号').fill(number);
  await dialog.getByLabel('床位数').fill('2');
  await choose('床位类型', bedType);
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** From an open bed dialog: register a new elderly person and admit them to that bed. */
async function admitNewResident(elder: Elder, screenshot?: string) {
  await page.getByTestId('admit-new-resident').click();
  await page.getByRole('button', { name: '登记新人员' }).click();
  await page.getByLabel('姓名', { exact: true }).fill(elder.name);
  await page.getByLabel('身份证号码').fill(elder.id);
  // The ID wins: sex and birth date are read from it, read-only, as on the registry form.
  const main = page.getByRole('main');
  expect(await dateReadOnly(main, '出生日期')).toBe(true);
  expect(await dateShown(main, '出生日期')).toBe(
    `${elder.id.slice(6, 10)}-${elder.id.slice(10, 12)}-${elder.id.slice(12, 14)}`,
  );
  expect(await main.getByText('由身份证号码得出').count()).toBe(2);
  await choose('供养类别', elder.funding, page.getByRole('main'));
  await page.getByLabel('紧急联系人').fill('王建国');
  await page.getByLabel('与老人关系').fill('儿子');
  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('评估人').fill('县评估中心 刘医生');
  await choose('能力等级', elder.level, page.getByRole('main'));
  if (screenshot) {
    await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
    await shot(screenshot, 1120);
  }
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.getByTestId('board-legend').waitFor();
}

it('admits residents from the board, discharges one, and the figures follow', async () => {
  const today = officeToday(new Date());
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);

  // The administrator manages accounts only: a supervisor keeps the beds.
  await addUser(page, supervisor, '主管');
  await page.getByRole('button', { name: '退出登录' }).click();
  await logIn(page, supervisor);

  // An institution with one building and two rooms: 101 nursing beds, 102 general beds.
  await page.getByRole('button', { name: '养老服务' }).first().click();
  await page.getByTestId('elderly-tab-elderlyInstitutions').click();
  await page.getByRole('button', { name: '登记机构' }).first().click();
  const instDialog = page.getByRole('dialog');
  await instDialog.getByLabel('机构代码').fill('YLY-330102-01');
  await instDialog.getByLabel('机构名称').fill('城关镇中心敬老院');
  await choose('运营性质', '公建民营');
  await instDialog.getByLabel('地址').fill('城关镇东街5号');
  await instDialog.getByRole('button', { name: '保存' }).click();
  await page.getByRole('button', { name: '添加楼栋' }).click();
  await page.getByRole('dialog').getByLabel('楼栋').fill('1号楼');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await addRoom('101', '护理型');
  await addRoom('102', '普通');
  await page.getByText('床位 4 张（护理型 2）').waitFor();

  // The board (the menu entry opens it): four vacant beds.
  await page.getByRole('button', { name: '养老服务' }).first().click();
  await expect.poll(() => statusOf('101', '1')).toBe('vacant');
  expect(await page.getByTestId('count-vacant').innerText()).toBe('空闲 4');

  // Admit the first resident by mouse…
  await bed('101', '1').click();
  await admitNewResident(wang, 'elderly-resident-form');
  await expect.poll(() => statusOf('101', '1')).toBe('occupied');
  await expect.poll(() => bed('101', '1').innerText()).toContain(wang.name);

  // …and the second by keyboard: the bed is a button reached by Tab and opened by Enter.
  await bed('101', '2').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('bed-dialog').waitFor();
  await admitNewResident(zhao);
  await expect.poll(() => statusOf('101', '2')).toBe('occupied');
  expect(await page.getByTestId('count-occupied').innerText()).toBe('在住 2');

  // A free bed goes under repair, with a reason; the board shows it.
  await bed('102', '2').click();
  await page.getByTestId('maintenance-reason').fill('更换床垫');
  await page.getByRole('button', { name: '设为维修' }).click();
  await expect.poll(() => page.getByTestId('bed-status').innerText()).toBe('维修中');
  await page.getByRole('button', { name: '关闭' }).click();
  await expect.poll(() => statusOf('102', '2')).toBe('maintenance');
  await shot('elderly-board');
  await bed('101', '1').click();
  await page.getByTestId('movement-list').waitFor();
  await shot('elderly-bed-dialog');
  await page.getByRole('button', { name: '关闭' }).click();

  // Figures today: 2 of 4 beds in use; nursing share 2 of 4, under the 55 % target.
  await page.getByTestId('elderly-tab-elderlyFigures').click();
  await expect.poll(occupancy).toBe('50.0 %');
  expect(await page.getByTestId('figure-nursing').innerText()).toBe('50.0 %');
  await page.getByText('目标 ≥ 55 %').first().waitFor();
  // The target's words at the page's text size (an SVG's scaled to ~10 px at 1024 px).
  const targetWords = page.getByTestId('nursing-share-bar').getByText('目标 ≥ 55 %');
  expect(await targetWords.evaluate((e) => getComputedStyle(e).fontSize)).toBe('13px');
  expect(await page.getByTestId('figure-admissions').innerText()).toBe('2');
  await shot('elderly-figures', 960);

  // Discharge the second resident from the bed dialog's resident page.
  await page.getByTestId('elderly-tab-beds').click();
  await bed('101', '2').click();
  await page.getByRole('button', { name: '查看老人' }).click();
  await page.getByTestId('move-discharge').click();
  const moveDialog = page.getByTestId('movement-dialog');
  await moveDialog.getByLabel('去向').fill('回家由子女照料');
  // A discharge asks first, and is not the filled (primary) button.
  const discharge = page.getByRole('dialog').getByRole('button', { name: '出院', exact: true });
  expect(await discharge.getAttribute('class')).not.toContain('MuiButton-contained');
  await discharge.click();
  await page.getByText('确认出院').first().waitFor();
  await shot('elderly-discharge-confirm');
  await page.getByTestId('confirm-discharge').click();
  await moveDialog.waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('resident-status').innerText()).toBe('未占床位');
  // A resident is corrected only with a reason, which the resident's history shows.
  await page.getByRole('button', { name: '修改供养与联系人' }).click();
  await choose('供养类别', '低保');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await page.getByRole('dialog').getByText('更正记录必须填写更正理由').first().waitFor();
  await page.getByTestId('correction-reason').fill('低保审批通过');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByText('更正理由：低保审批通过').waitFor();
  await shot('elderly-resident', 900);

  await page.getByRole('button', { name: '养老服务' }).first().click();
  await expect.poll(() => statusOf('101', '2')).toBe('vacant');
  await page.getByTestId('elderly-tab-elderlyFigures').click();
  await expect.poll(occupancy).toBe('25.0 %');
  expect(await page.getByTestId('figure-discharges').innerText()).toBe('1');

  // Back home, 赵德明 gets home-care visits; his history adds them up.
  await page.getByTestId('elderly-tab-homeCare').click();
  await page.getByRole('button', { name: '登记上门服务' }).click();
  const visit = page.getByTestId('visit-dialog');
  await visit.getByLabel('服务对象').fill('zdm');
  await page.getByRole('option', { name: new RegExp(zhao.name) }).click();
  await choose('服务类型', '助浴');
  await visit.getByLabel('服务人员').fill('刘护工、陈护工');
  await visit.getByLabel('开始时间').fill(`${today}T09:00`);
  await visit.getByLabel('结束时间').fill(`${today}T10:15`);
  await shot('elderly-visit-dialog');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await page.getByTestId('visit-row').first().click();
  await expect
    .poll(() => page.getByTestId('visit-total').innerText())
    .toBe('共 1 次，合计 1 小时 15 分');
  await shot('elderly-home-care');

  // English is the second language: the board in English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Elderly care' }).first().click();
  await expect.poll(() => page.getByTestId('count-occupied').innerText()).toBe('Occupied 1');
  await shot('elderly-board-en');
  await page.getByRole('button', { name: '中文' }).click();
});
