import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildCalendar, sampleCalendarYears } from '../../../shared/calendar/workingDays';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { marksBetween } from '../../../renderer/src/screens/common/dayMarks';
import { addUser, admin, startDeskAsAdmin, switchUser } from '../deskSession';
import { deskPage } from './deskPage';
import { dateGroup, dateShown, typeDate } from './dateInput';
import { officeToday } from '../../../shared/validation/dates';

/**
 * Keyboard-first entry in Chromium: Ctrl+N opens the area's new form, Ctrl+S saves it
 * (the save button's own checks), a failed save puts the cursor in the first wrong field,
 * a date is typed part by part (年/月/日) and a wrong one is refused next to the field in
 * Chinese; the calendar popup marks the office calendar's holidays and 调休 days.
 */
const desk = deskPage({ settleMs: 400 });
let page: Page;
const { shot } = desk;

const first17 = '33010219580312041';
const head = { name: '吴键盘', id: first17 + residentIdCheckChar(first17) };
const supervisor = { username: 'qian', name: '钱主管', password: 'desk-super-2026' };

beforeAll(() => {
  page = desk.page;
});

const activeId = () =>
  page.evaluate(() => {
    const active = document.activeElement;
    // A date field's section is inside the group that stands for the field's input.
    const field = active?.closest('.MuiPickersInputBase-root')?.querySelector('input');
    return field?.id ?? active?.id ?? '';
  });

it('Ctrl+N opens the new form, a failed Ctrl+S focuses the first wrong field, Ctrl+S saves', async () => {
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page, { casework: true });
  await page.getByRole('heading', { name: '人员登记册' }).waitFor();

  // Ctrl+N on the persons area: the new household form.
  await page.keyboard.press('Control+n');
  await page.getByRole('button', { name: '保存家庭' }).waitFor();

  // Ctrl+S with nothing filled: refused by the same checks as the button, and the cursor
  // is in the first field the error summary names.
  await page.keyboard.press('Control+s');
  const summary = page.getByTestId('error-summary');
  await summary.waitFor();
  const firstLine = await summary
    .locator('li')
    .first()
    .locator('[data-field]')
    .getAttribute('data-field');
  await expect.poll(activeId).toBe(firstLine);
  await shot('keyboard-failed-save-focus');

  await page.getByLabel('村（社区）').fill('东村');
  await page.getByLabel('家庭住址').fill('城关镇东村3组1号');
  await page.getByTestId('member-row-0').getByLabel('姓名').fill(head.name);
  await page.getByTestId('member-row-0').getByLabel('身份证号码').fill(head.id);
  // The birth date the ID gives is shown in the date field, read-only.
  expect(await dateShown(page.getByTestId('member-row-0'), '出生日期')).toBe('1958-03-12');
  // No field typed in is kept by the browser's autofill (in the clear, in its profile).
  // (A date is typed into the picker's sections; its input is hidden from the page.)
  const kept = await page
    .locator('main input:not([type=hidden],[type=checkbox],[type=radio],[aria-hidden=true])')
    .evaluateAll((inputs) => inputs.filter((i) => i.getAttribute('autocomplete') !== 'off').length);
  expect(kept).toBe(0);
  await page.keyboard.press('Control+s');
  await page.getByRole('button', { name: '申请低保' }).waitFor();
});

it('types a date part by part, refuses a wrong one next to the field, marks holidays', async () => {
  await page.getByRole('button', { name: '申请低保' }).click();
  await dateGroup(page, '申请日期').waitFor();

  // Year and month only: not a date — refused next to the field, in Chinese, on Ctrl+S,
  // and the cursor goes to it.
  await typeDate(page, '申请日期', '2026-11');
  await page.keyboard.press('Control+s');
  const helper = page.locator('#field-applicationDate-helper-text');
  await expect.poll(() => helper.innerText()).toBe('日期格式应为 年-月-日');
  await expect.poll(activeId).toBe('field-applicationDate');
  await shot('datefield-refused');

  // A holiday typed into the deadline-starting date says so under the field.
  await typeDate(page, '申请日期', '2026-10-03');
  expect(await dateShown(page, '申请日期')).toBe('2026-10-03');
  await expect.poll(() => helper.innerText()).toBe('2026-10-03 是节假日，不是工作日');

  // The calendar popup marks 国庆 holidays red and the 调休 Saturday 10-10 as 班.
  await dateGroup(page, '申请日期')
    .locator('xpath=..')
    .getByRole('button', { name: /选择日期|Choose date/ })
    .click();
  const holiday = page.locator('[data-day-mark="holiday"][data-date="2026-10-01"]');
  await holiday.waitFor();
  expect(await page.locator('[data-day-mark="extraWorkday"][data-date="2026-10-10"]').count()).toBe(
    1,
  );
  expect(await page.getByTestId('day-mark-legend').innerText()).toContain('调休上班');
  await holiday.hover();
  await page.getByRole('tooltip', { name: '节假日（休息）' }).waitFor();
  await shot('datefield-holidays');
  // Esc closes the popup only (the form stays).
  await page.keyboard.press('Escape');
  await holiday.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '保存申请' }).waitFor();

  // One section cleared (the month, to type it again): refused next to the field, not saved
  // (the services filter in community.e2e.ts tells "unfinished" from "empty").
  await typeDate(page, '申请日期', '2026-10-08');
  await dateGroup(page, '申请日期').locator('[role="spinbutton"]').nth(1).click();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+s');
  await expect.poll(() => helper.innerText()).toBe('日期格式应为 年-月-日');
  await shot('datefield-month-cleared');

  // A working day typed part by part, saved with Ctrl+S: the case opens with that date.
  await typeDate(page, '申请日期', '2026-10-08');
  await expect.poll(async () => (await helper.innerText()).replace(/[\s\u200b]/g, '')).toBe('');
  await shot('datefield-typed');
  await page.keyboard.press('Control+s');
  await page.getByTestId('workflow-panel').waitFor();
  await expect.poll(() => page.getByTestId('workflow-panel').innerText()).toBeTruthy();
  expect(await page.locator('main').innerText()).toContain('2026-10-08');

  // Accepted, the decision's limit runs in working days: the holidays before it are named.
  for (const action of ['submit', 'accept']) {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId('transition-confirm').click();
    await page.getByTestId('transition-dialog').waitFor({ state: 'detached' });
  }
  // What lies before the deadline on the desk's (sample) calendar, counted here too: on
  // today's date (2026-12-05) the 30 working days cross 元旦.
  const due = (await page.getByTestId('case-deadline').innerText()).slice(0, 10);
  const marks = marksBetween(officeToday(new Date()), due, buildCalendar(sampleCalendarYears));
  const holidays = page.getByTestId('case-deadline-holidays');
  if (marks.holidays + marks.extraWorkdays === 0) {
    expect(await holidays.count()).toBe(0);
  } else {
    const words = [
      marks.holidays > 0 ? `其间有节假日 ${marks.holidays} 天` : '',
      marks.extraWorkdays > 0 ? `调休上班 ${marks.extraWorkdays} 天` : '',
    ];
    await expect.poll(() => holidays.innerText()).toBe(words.filter(Boolean).join('、'));
  }
  await page.getByTestId('case-deadline').scrollIntoViewIfNeeded();
  await shot('datefield-deadline-holidays');
});

it('Esc leaves a form without saving, and Ctrl+N on cases opens a new application', async () => {
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.keyboard.press('Control+n');
  await page.getByRole('button', { name: '保存申请' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '保存申请' }).waitFor({ state: 'detached' });
});

it('Esc on a form with unsaved typing asks first; 继续填写 keeps it, 不保存，离开 leaves', async () => {
  await page.getByRole('button', { name: '养老服务' }).first().click();
  await page.keyboard.press('Control+n');
  const title = page.getByRole('heading', { name: '登记入住老人' });
  await title.waitFor();
  // Nothing typed yet: Esc just goes back.
  await page.keyboard.press('Escape');
  await title.waitFor({ state: 'detached' });

  await page.keyboard.press('Control+n');
  await title.waitFor();
  await page.getByRole('main').getByLabel('紧急联系人').fill('王建国');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: '离开此页？' });
  await ask.waitFor();
  await shot('keyboard-leave-unsaved');
  await ask.getByRole('button', { name: '继续填写' }).click();
  await ask.waitFor({ state: 'detached' });
  expect(await page.getByRole('main').getByLabel('紧急联系人').inputValue()).toBe('王建国');
  await page.keyboard.press('Escape');
  await ask.getByRole('button', { name: '不保存，离开' }).click();
  await title.waitFor({ state: 'detached' });
});

it('Ctrl+S in a dialog presses the dialog’s own 保存 (its checks too), not the screen’s', async () => {
  await addUser(page, supervisor, '主管');
  await switchUser(page, supervisor);
  await page.getByRole('button', { name: '养老服务' }).first().click();
  await page.getByTestId('elderly-tab-elderlyFigures').click();
  await page.getByRole('button', { name: '统计口径' }).click();
  const dialog = page.getByRole('dialog');
  const target = dialog.getByLabel('护理型床位占比目标（%）');
  await target.fill('150');
  await page.keyboard.press('Control+s');
  // Refused by the dialog's own check: the dialog stays, the error is under the field.
  await dialog.getByTestId('error-summary').waitFor();
  expect(await dialog.locator('.Mui-error.MuiFormHelperText-root').count()).toBe(1);
  await target.fill('60');
  await page.keyboard.press('Control+s');
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '统计口径' }).click();
  expect(await page.getByRole('dialog').getByLabel('护理型床位占比目标（%）').inputValue()).toBe(
    '60',
  );
  // Esc is the dialog's 取消.
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
});

it('a correction panel, the service form and the add-user dialog answer Ctrl+S and Esc too', async () => {
  // 更正 of a person: Esc with a change typed asks first; Ctrl+S runs the panel's own
  // checks (the reason is required) and then saves the correction.
  await page.getByRole('button', { name: '人员' }).first().click();
  await page.getByText(head.name).first().click();
  await page.getByRole('heading', { name: head.name }).waitFor();
  // Opening the person was logged first; the supervisor sees who looked (issue #16).
  const looked = page.getByTestId('access-history');
  await expect.poll(() => looked.getByTestId('access-line').count()).toBeGreaterThan(0);
  expect(await looked.innerText()).toContain('钱主管');
  expect(await looked.innerText()).toContain('查看');
  await looked.scrollIntoViewIfNeeded();
  await shot('access-history-person');
  await page.getByRole('button', { name: '更正' }).click();
  const fix = page.getByTestId('person-correction');
  await fix.getByLabel('姓名').fill('吴健波');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: '离开此页？' });
  await ask.getByRole('button', { name: '继续填写' }).click();
  await ask.waitFor({ state: 'detached' });
  await page.keyboard.press('Control+s');
  await expect.poll(() => fix.getByTestId('error-summary').innerText()).toContain('更正理由');
  await fix.getByTestId('correction-reason').fill('按户口簿更正姓名');
  await page.keyboard.press('Control+s');
  await fix.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: '吴健波' }).waitFor();
  // Opened again and left untouched: Esc just closes it.
  await page.getByRole('button', { name: '更正' }).click();
  await fix.waitFor();
  await page.keyboard.press('Escape');
  await fix.waitFor({ state: 'detached' });

  // The new service record: Ctrl+N opens it, Ctrl+S runs its checks, Esc leaves.
  await page.getByRole('button', { name: '社区服务' }).first().click();
  await page.keyboard.press('Control+n');
  const title = page.getByRole('heading', { name: '新建服务记录' });
  await title.waitFor();
  await page.keyboard.press('Control+s');
  await page.getByTestId('error-summary').waitFor();
  await title.waitFor(); // refused: still on the form
  await page.keyboard.press('Escape');
  await title.waitFor({ state: 'detached' });

  // A form dialog that submits itself: Ctrl+S submits it (its checks), Esc cancels.
  await switchUser(page, admin);
  await page.getByRole('button', { name: '账户' }).first().click();
  await page.getByRole('button', { name: '添加用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').waitFor();
  await page.keyboard.press('Control+s');
  await expect
    .poll(() => dialog.locator('.Mui-error.MuiFormHelperText-root').count())
    .toBeGreaterThan(0);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});
