import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildCalendar, sampleCalendarYears } from '../../../shared/calendar/workingDays';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { dibaoDeadlines, noticeOverFrom } from '../../../shared/workflow/dibaoDeadlines';
import { addUser, admin, completeFirstRun, logIn, switchUser } from '../deskSession';
import { deskPage } from './deskPage';
import { officeToday } from '../../../shared/validation/dates';

/**
 * A 低保 case corrected before its decision, in Chromium on real IndexedDB: a registrar
 * applies and submits, corrects the submitted case with a reason and sees both versions
 * in its history; a correction without a reason is refused next to the field. The
 * panel's closing step (申请人撤回) comes last, never filled, and says what it does
 * before it acts; during the 公示 the button and its "X 起可办理" name the same day.
 */
const desk = deskPage();
let page: Page;
const { shot } = desk;

const registrar = { username: 'wang', name: '王登记', password: 'desk-reg-2026' };
const supervisor = { username: 'li', name: '李主管', password: 'desk-super-2026' };
const first17 = '33010219580311051';
const applicant = { name: '钱更正', id: first17 + residentIdCheckChar(first17) };

beforeAll(() => {
  page = desk.page;
});

async function takeStep(action: string, opinion?: string) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByTestId('transition-dialog');
  if (opinion) await dialog.getByLabel('意见').fill(opinion);
  await page.getByTestId('transition-confirm').click();
  await dialog.waitFor({ state: 'detached' });
}

/** The workflow panel's buttons, top to bottom: [test id, filled?]. */
async function panelButtons(): Promise<[string, boolean][]> {
  const buttons = page.getByTestId('workflow-panel').locator('button[data-testid^="action-"]');
  const out: [string, boolean][] = [];
  for (const b of await buttons.all()) {
    const id = (await b.getAttribute('data-testid')) ?? '';
    const filled = ((await b.getAttribute('class')) ?? '').includes('MuiButton-contained');
    out.push([id.replace('action-', ''), filled]);
  }
  return out;
}

it('corrects a submitted case with a reason, shows its versions, and asks before a withdrawal', async () => {
  await page.goto(inject('rendererUrl'));
  await completeFirstRun(page);
  await logIn(page, admin);
  // Casework belongs to a registrar and a supervisor, not the administrator.
  await addUser(page, registrar, '登记员');
  await addUser(page, supervisor, '主管');
  await switchUser(page, registrar);

  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('西村');
  await page.getByLabel('家庭住址').fill('城关镇西村2组5号');
  await page.getByTestId('member-row-0').getByLabel('姓名').fill(applicant.name);
  await page.getByTestId('member-row-0').getByLabel('身份证号码').fill(applicant.id);
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).click();
  await page.getByLabel('工资性收入').fill('300');

  // 清空表单 is a plain button and asks first; keeping the form is the filled, focused answer.
  const resetButton = page.getByRole('button', { name: '清空表单' });
  expect(await resetButton.getAttribute('class')).not.toContain('MuiButton-contained');
  await resetButton.click();
  const ask = page.getByRole('dialog');
  await ask.getByText('清空表单？').waitFor();
  await ask.getByText('已填写的申请信息').waitFor();
  const keep = ask.getByRole('button', { name: '继续填写' });
  expect(await keep.getAttribute('class')).toContain('MuiButton-contained');
  expect(await page.getByTestId('confirm-reset').getAttribute('class')).not.toContain(
    'MuiButton-contained',
  );
  await expect.poll(() => keep.evaluate((b) => b === document.activeElement)).toBe(true);
  await shot('cases-reset-confirm');
  await keep.click();
  await ask.waitFor({ state: 'detached' });
  expect(await page.getByLabel('工资性收入').inputValue()).toBe('300');
  await resetButton.click();
  await page.getByTestId('confirm-reset').click();
  await expect.poll(() => page.getByLabel('工资性收入').inputValue()).toBe('');
  await page.getByLabel('工资性收入').fill('300');
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByTestId('workflow-panel').waitFor();

  // A draft: 提交申请 is the filled button; 申请人撤回 comes last, outlined.
  expect(await panelButtons()).toEqual([
    ['submit', true],
    ['withdraw', false],
  ]);
  await takeStep('submit');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('已申请');
  expect(await panelButtons()).toEqual([
    ['accept', true],
    ['return_for_materials', false],
    ['withdraw', false],
  ]);
  await shot('cases-workflow-panel');

  // 撤回 says what it does first; cancelling leaves the case as it was.
  await page.getByTestId('action-withdraw').click();
  const dialog = page.getByTestId('transition-dialog');
  await expect
    .poll(() => page.getByTestId('transition-consequence').innerText())
    .toContain('案件即告结束');
  await expect
    .poll(() => page.getByTestId('transition-confirm').innerText())
    .toBe('确认申请人撤回');
  await shot('cases-withdraw-confirm');
  await page.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('已申请');

  // The submitted case is corrected: without a reason the form says so at the field.
  await page.getByTestId('case-edit').click();
  await page.getByLabel('工资性收入').fill('450');
  await page.getByRole('button', { name: '保存更正' }).click();
  await page.getByText('更正记录必须填写更正理由').first().waitFor();
  await page.getByLabel('更正理由').fill('单位工资证明为每月450元');
  await shot('cases-correction-form');
  await page.getByRole('button', { name: '保存更正' }).click();
  await page.getByTestId('case-versions').waitFor();
  const versions = page.getByTestId('case-versions');
  await expect.poll(() => versions.innerText()).toContain('更正理由：单位工资证明为每月450元');
  await expect.poll(() => versions.innerText()).toContain('工资性收入');
  await expect.poll(() => versions.innerText()).toContain('¥300.00');
  await expect.poll(() => versions.innerText()).toContain('¥450.00');
  // Created, submitted, corrected: three versions, the newest first.
  expect(await versions.getByTestId('record-version').count()).toBe(3);
  await versions.scrollIntoViewIfNeeded();
  await shot('cases-case-versions');

  // The supervisor takes it to its 公示: the button and its message name the same day.
  await switchUser(page, supervisor);
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByTestId('case-row').first().click();
  await takeStep('accept');
  await takeStep('start_investigation');
  await takeStep('record_opinion', '符合条件');
  await takeStep('start_notice');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('公示中');
  // No correction during the 公示.
  expect(await page.getByTestId('case-edit').count()).toBe(0);
  const today = officeToday(new Date());
  const { noticeEnd } = dibaoDeadlines(
    { status: 'public_notice', acceptedOn: today, noticeStartedOn: today },
    { noticeWorkingDays: 7, decisionLimitWorkingDays: 30 },
    buildCalendar(sampleCalendarYears),
  );
  if (!noticeEnd) throw new Error('no notice end');
  await expect(page.getByTestId('action-submit_to_county').isDisabled()).resolves.toBe(true);
  await expect
    .poll(() => page.getByTestId('blocked-submit_to_county').innerText())
    .toContain(`${noticeOverFrom(noticeEnd)} 起可办理`);
  // The 期限 card names the 公示's last day and the same day after it.
  await expect
    .poll(() => page.getByTestId('case-notice-end').innerText())
    .toContain(`${noticeEnd}\n${noticeOverFrom(noticeEnd)} 起可办理`);
  const order = (await panelButtons()).map(([id]) => id);
  // The steps that close the case come last; the step forward stays first.
  expect(order[0]).toBe('submit_to_county');
  expect(order.slice(-2)).toEqual(['withdraw', 'deny_at_township']);
  await shot('cases-notice-panel');
});
