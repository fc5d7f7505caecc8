// The desk side runs on fake-indexeddb like the HQ suite's desks (its real write path
// and sync engine); the console is the built page in Chromium.
import 'fake-indexeddb/auto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAudit } from '../../../hq/src/console/audit';
import { consoleUser } from '../../support/consoleClient';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { enroll, openOfficeDesk, sync, type SyncDesk } from '../../support/syncDesks';
import { consoleDir, launchConsoleBrowser, shot, signedIn } from './consolePage';
import { dateGroup, dateShown, typeDate } from './dateInput';

/**
 * Reference data in Chromium against the real HQ (issue #14 item 3): an administrator
 * publishes a 低保 standard (a bad amount and a reversed period refused next to their
 * fields, in Chinese) and a calendar year edited day by day; a desk has both after its
 * next sync; the history names the publisher; a viewer reads without publish buttons.
 */
let hq: RunningHq;
let browser: Browser;
let desk: SyncDesk;

beforeAll(async () => {
  hq = await startHq({ server: { consoleDir } });
  await consoleUser(hq, 'wang', 'admin');
  await consoleUser(hq, 'kan', 'viewer');
  desk = await openOfficeDesk('office-a', 'a1');
  await enroll(desk, hq);
  await sync(desk);
  browser = await launchConsoleBrowser();
});

/** A page signed in as `username` at 低保标准. */
const signedInAs = (username: string): Promise<Page> =>
  signedIn(browser, hq, username, '#/standards', '低保标准');

afterAll(async () => {
  await browser?.close();
  await hq?.stop();
});

/** The words under a date field (typed part by part: its sections are a group). */
async function dateHelperOf(page: Page, label: string): Promise<string> {
  const field = page
    .getByRole('dialog')
    .locator('.MuiFormControl-root')
    .filter({ has: page.getByRole('group', { name: label }) });
  return (await field.locator('.MuiFormHelperText-root').textContent()) ?? '';
}

/** The words under a field (its helper text, tied to it by aria-describedby). */
async function helperOf(page: Page, label: string): Promise<string> {
  const id = await page.getByRole('dialog').getByLabel(label).getAttribute('aria-describedby');
  return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? '') : '';
}

it('an administrator publishes a standard; refusals show at their fields; the desk has it', async () => {
  const page = await signedInAs('wang');
  await page.getByRole('tab', { name: '低保标准' }).click();
  const table = page.getByRole('table', { name: '低保标准' });
  // The harness's two county standards (2026, urban and rural).
  await expect.poll(() => table.getByRole('row').count()).toBe(3);
  await page.getByRole('button', { name: '发布新标准' }).click();
  const dialog = page.getByRole('dialog');
  expect(await dialog.getByLabel('行政区划代码').inputValue()).toBe('330102');
  await dialog.getByLabel('起始月份').fill('2027-01');
  await dialog.getByLabel('截止月份（可不填）').fill('2026-06');
  await dialog.getByLabel('标准（元/人·月）').fill('八百五');
  await dialog.getByRole('button', { name: '发布' }).click();
  // The page's own check: the amount as yuan with at most two decimals.
  await expect
    .poll(() => helperOf(page, '标准（元/人·月）'))
    .toBe('请填写金额，如 850 或 850.50（最多两位小数）');
  await dialog.getByLabel('标准（元/人·月）').fill('850.5');
  await dialog.getByRole('button', { name: '发布' }).click();
  // HQ's 400 names effectiveTo: its words under the end month.
  await expect.poll(() => helperOf(page, '截止月份（可不填）')).toBe('截止日期不能早于起始日期');
  expect(await helperOf(page, '标准（元/人·月）')).not.toContain('金额');
  await shot(page, 'console-reference-standard-refused');
  const before = await hq.hq.db.selectFrom('changes').select('seq').execute();
  await dialog.getByLabel('截止月份（可不填）').fill('');
  await dialog.getByRole('button', { name: '发布' }).click();
  await expect.poll(() => page.getByText('已发布。各乡镇（街道）下次同步时收到。').count()).toBe(1);
  await expect.poll(() => table.getByRole('row').count()).toBe(4);
  const row = table.getByRole('row').filter({ hasText: '850.50' });
  expect(await row.getByText('wang 同志（wang）').count()).toBe(1);
  expect(await row.getByText('2027-01-01 — 长期').count()).toBe(1);
  await shot(page, 'console-reference-standards');
  await row.getByRole('button', { name: '历史' }).click();
  const history = page.getByRole('table', { name: '历史版本：330102 城市' });
  await expect.poll(() => history.getByRole('row').count()).toBe(3);
  expect(await history.getByRole('row').nth(1).textContent()).toContain('wang 同志（wang）');
  expect(await history.getByRole('row').nth(2).textContent()).toContain('县民政局');
  await shot(page, 'console-reference-standard-history');
  await page.getByRole('button', { name: '关闭' }).click();
  expect((await hq.hq.db.selectFrom('changes').select('seq').execute()).length).toBe(
    before.length + 1,
  );

  expect((await sync(desk)).rejected).toBe(0);
  const standards = await desk.db.benefitStandards.toArray();
  expect(standards.find((s) => s.effectiveFrom === '2027-01-01')).toMatchObject({
    areaCode: '330102',
    category: 'urban',
    amountFen: 85050,
    effectiveTo: null,
    source: 'hq',
  });
  const audit = (await listAudit(hq.hq.db, 50)).map((a) => `${a.action}:${a.result}`);
  expect(audit).toContain('reference.standard.publish:ok');
  expect(audit).toContain('reference.standard.publish:validation');
  await page.context().close();
});

it('an administrator edits and publishes a calendar year; the desk counts on it', async () => {
  const page = await signedInAs('wang');
  await page.getByRole('tab', { name: '工作日历' }).click();
  await page.getByLabel('年份').click();
  await page.getByRole('option', { name: '2027' }).click();
  await expect.poll(() => page.getByText(/2027 年的日历县局尚未发布/).count()).toBe(1);
  await page.getByRole('button', { name: '修改本年日历' }).click();
  // Editing starts from the sample year; a Monday becomes a holiday, a Saturday a
  // working day.
  await page.locator('[data-date="2027-03-08"]').click();
  await page.locator('[data-date="2027-03-13"]').click();
  expect(await page.getByLabel('2027-03-08 节假日').count()).toBe(1);
  expect(await page.getByLabel('2027-03-13 调休上班').count()).toBe(1);
  await shot(page, 'console-reference-calendar-editing');
  await page.getByRole('button', { name: '发布 2027 年日历' }).click();
  await expect.poll(() => page.getByText('已发布。各乡镇（街道）下次同步时收到。').count()).toBe(1);
  await expect.poll(() => page.getByText(/最近发布：wang 同志（wang）/).count()).toBe(1);
  await shot(page, 'console-reference-calendar');
  await page.getByRole('button', { name: '历史' }).click();
  const history = page.getByRole('table', { name: '历史版本：2027 年日历' });
  await expect.poll(() => history.getByRole('row').count()).toBe(2);
  await page.getByRole('button', { name: '关闭' }).click();

  expect((await sync(desk)).rejected).toBe(0);
  const year = await desk.db.calendarYears.get('calendar-2027');
  expect(year?.source).toBe('hq');
  expect(year?.holidays).toContain('2027-03-08');
  expect(year?.extraWorkdays).toContain('2027-03-13');
  await page.context().close();
});

it('an administrator delegates confirmation and publishes a rule; a viewer only reads', async () => {
  const page = await signedInAs('wang');
  await page.getByRole('tab', { name: '委托确认' }).click();
  const offices = page.getByRole('table', { name: '委托确认' });
  const office = offices.getByRole('row').filter({ hasText: 'office-a' });
  await expect.poll(() => office.getByText('未委托（由县局确认）').count()).toBe(1);
  await office.getByRole('button', { name: '设置' }).click();
  const delegation = page.getByRole('dialog');
  // The date is typed part by part (年/月/日); one with its day erased is refused at the field.
  await dateGroup(delegation, '起始日期').locator('[role="spinbutton"]').nth(2).click();
  await page.keyboard.press('Backspace');
  await delegation.getByRole('button', { name: '发布' }).click();
  await expect.poll(() => dateHelperOf(page, '起始日期')).toBe('请选择日期');
  await shot(page, 'console-delegation-dialog-date');
  await typeDate(delegation, '起始日期', '2026-12-01');
  expect(await dateShown(delegation, '起始日期')).toBe('2026-12-01');
  await delegation.getByRole('button', { name: '发布' }).click();
  await expect.poll(() => office.getByText('已委托').count()).toBe(1);
  await shot(page, 'console-reference-delegations');

  await page.getByRole('tab', { name: '政策参数' }).click();
  const rule = page.locator('[data-rule="temporary.townshipLimitFen"]');
  await expect.poll(() => rule.getByText('2000.00 元').count()).toBe(1);
  expect(await rule.getByText('示例值').count()).toBe(1);
  await rule.getByRole('button', { name: '发布' }).click();
  const ruleDialog = page.getByRole('dialog');
  // Today by default; the end typed part by part, a day that does not exist refused.
  await expect.poll(() => dateShown(ruleDialog, '起始日期')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await typeDate(ruleDialog, '截止日期', '2027-02-30');
  await ruleDialog.getByRole('button', { name: '发布' }).click();
  await expect
    .poll(() => dateHelperOf(page, '截止日期'))
    .toBe('日期不完整或不存在，请按 年/月/日 填写完整');
  await shot(page, 'console-rule-dialog-date');
  await typeDate(ruleDialog, '截止日期', '2027-12-31');
  const value = '数值（元）';
  await page.getByRole('dialog').getByLabel(value).fill('1500000');
  await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
  await expect.poll(() => helperOf(page, value)).toBe('应在 0.00 元 到 1000000.00 元 之间');
  await shot(page, 'console-reference-rule-refused');
  await page.getByRole('dialog').getByLabel(value).fill('3000');
  await page.getByRole('dialog').getByRole('button', { name: '发布' }).click();
  await expect.poll(() => rule.getByText('3000.00 元').count()).toBe(1);
  expect(await rule.getByText('县局发布').count()).toBe(1);
  await shot(page, 'console-reference-rules');
  await page.context().close();

  const viewer = await signedInAs('kan');
  await viewer.getByRole('tab', { name: '政策参数' }).click();
  await expect.poll(() => viewer.getByText('只有管理员可以发布，您可以查看。').count()).toBe(1);
  expect(await viewer.getByRole('button', { name: '发布' }).count()).toBe(0);
  await viewer.getByRole('tab', { name: '低保标准' }).click();
  await expect.poll(() => viewer.getByRole('button', { name: '历史' }).count()).toBe(3);
  expect(await viewer.getByRole('button', { name: '发布新标准' }).count()).toBe(0);
  await viewer.context().close();
});
