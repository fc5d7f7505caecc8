import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import type { HqDatabase } from '../../../hq/src/db/database';
import { createEnrollmentCode } from '../../../hq/src/store/offices';
import { setDelegation } from '../../../hq/src/sync/hqChanges';
import { addUser, startDeskAsAdmin, switchUser } from '../deskSession';
import { deskPage } from './deskPage';
import { typeDate } from './dateInput';
import { startPageHq, type PageHq } from './pageHq';

/**
 * 特困人员救助供养 through the desk in Chromium on real IndexedDB: a person of 76 is
 * registered, applies for 特困 on the programme's own form (eligibility, the six items
 * with the live care level, 分散供养 with a carer), sees the amount with its two parts
 * (basic living 1.3 × 632.00 = 821.60 and care 800.00 for 完全丧失, the samples), and the
 * case goes through the 低保 frame to 确认 at the township, which the county delegated
 * (the delegation comes from a real HQ). The 公示 runs over: the page's clock is moved on.
 */
let hq: HqDatabase;
let served: PageHq | undefined;
let hqUrl = '';

const registrar = { username: 'wang', name: '王登记', password: 'desk-reg-2026' };
const supervisor = { username: 'li', name: '李主管', password: 'desk-super-2026' };
const first17 = '33010219500311051';
const applicant = { name: '孙五保', id: first17 + residentIdCheckChar(first17) };

beforeAll(async () => {
  served = await startPageHq();
  ({ hq, url: hqUrl } = served);
  await setDelegation(
    hq.db,
    { office: '330102001', confirmationDelegated: true, effectiveFrom: '2026-01-01' },
    '县民政局',
    new Date(),
  );
});

afterAll(async () => {
  await served?.close();
});

// Registered after the HQ's hooks: the browser starts once HQ is up and closes before it.
const desk = deskPage();
let page: Page;
const { shot } = desk;

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

it('applies for 特困 on its own form, sees both parts of the amount, and is confirmed', async () => {
  await page.clock.install({ time: new Date() });
  await page.goto(inject('rendererUrl'));
  await startDeskAsAdmin(page);
  await addUser(page, registrar, '登记员');
  await addUser(page, supervisor, '主管');

  // The county's delegation of 审核确认 arrives from HQ; then the desk works offline.
  await page.getByRole('button', { name: '设置' }).first().click();
  await page.getByRole('button', { name: '县局连接' }).click();
  await page.getByLabel('县局地址').fill(hqUrl);
  await page.getByLabel('接入码').fill(await createEnrollmentCode(hq.db, '330102001', new Date()));
  await page.getByRole('button', { name: '接入', exact: true }).click();
  await page.getByTestId('enroll-done').waitFor();
  await page.getByRole('button', { name: '立即同步' }).click();
  await page.getByRole('button', { name: '设置' }).first().click();
  await expect
    .poll(() => page.getByTestId('delegation-line').innerText())
    .toContain('受县局委托审核确认');
  await served?.stopServing();

  await switchUser(page, registrar);
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('东村');
  await page.getByLabel('家庭住址').fill('城关镇东村1组8号');
  await page.getByTestId('member-row-0').getByLabel('姓名').fill(applicant.name);
  await page.getByTestId('member-row-0').getByLabel('身份证号码').fill(applicant.id);
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).click();

  await page.getByLabel('救助项目').click();
  await page.getByTestId('programme-tekun').click();
  const fields = page.getByTestId('programme-fields');
  await fields.getByText('供养条件').waitFor();
  await expect.poll(() => page.getByTestId('tekun-person-facts').innerText()).toContain('76 周岁');
  // The three conditions are asked before anything is saved, next to their fields.
  await page.getByRole('button', { name: '保存申请' }).click();
  await fields.getByText('有劳动能力的，不符合特困供养条件').waitFor();
  await fields.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot('tekun-form-eligibility');
  await fields.getByLabel('无劳动能力').check();
  await fields.getByLabel('无生活来源').check();

  // Four of the six items failed: 完全丧失 by the (sample) rule, live.
  const level = page.getByTestId('tekun-care-level');
  expect(await level.innerText()).toBe('具备生活自理能力');
  await page.getByTestId('tekun-item-bathing').getByRole('button', { name: '不能完成' }).click();
  await expect.poll(() => level.innerText()).toBe('部分丧失生活自理能力');
  for (const item of ['dressing', 'toileting', 'indoorWalking']) {
    await page.getByTestId(`tekun-item-${item}`).getByRole('button', { name: '不能完成' }).click();
  }
  await expect.poll(() => level.innerText()).toBe('完全丧失生活自理能力');
  // Assessed again before saving: only bathing fails.
  for (const item of ['dressing', 'toileting', 'indoorWalking']) {
    await page
      .getByTestId(`tekun-item-${item}`)
      .getByRole('button', { name: '能完成', exact: true })
      .click();
  }
  await expect.poll(() => level.innerText()).toBe('部分丧失生活自理能力');

  // 集中供养 needs a stay in elderly care; this person has none: 分散供养 with a carer.
  await fields.getByLabel('集中供养（养老机构）').check();
  await fields.getByText('没有入住老人档案').waitFor();
  await fields.getByLabel('分散供养（居家）').check();
  await fields.getByLabel('照料人姓名').fill('孙小梅');
  await fields.getByLabel('照料人电话').fill('1391234567');
  await typeDate(fields, '委托照料协议签订日期', '2026-11-20');
  await page.getByRole('button', { name: '保存申请' }).click();
  await fields.getByText('电话号码').first().waitFor();
  await fields.getByLabel('照料人电话').fill('13912345678');

  const panel = page.getByTestId('benefit-panel');
  await expect.poll(() => page.getByTestId('benefit-amount').innerText()).toBe('¥1,121.60');
  await expect.poll(() => panel.innerText()).toContain('基本生活费');
  expect(await panel.innerText()).toContain('¥821.60');
  expect(await panel.innerText()).toContain('照料护理费');
  expect(await panel.innerText()).toContain('¥300.00');
  await expect.poll(() => fields.getByText('电话号码格式不对').count()).toBe(0);
  expect(await page.getByTestId('benefit-classification').innerText()).toBe('特困供养');
  await shot('tekun-application-form');
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByTestId('workflow-panel').waitFor();
  await expect.poll(() => page.getByTestId('benefit-amount').innerText()).toBe('¥1,121.60');
  await expect
    .poll(() => page.getByTestId('tekun-summary-level').innerText())
    .toBe('部分丧失生活自理能力');

  await takeStep('submit');
  await takeStep('accept');
  await takeStep('start_investigation');
  await switchUser(page, supervisor);
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByText(applicant.name).first().click();
  await takeStep('record_opinion', '经入户调查，符合特困供养条件');
  await takeStep('start_notice');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('公示');
  expect(await page.getByTestId('action-confirm_at_township').isDisabled()).toBe(true);

  // Three weeks on: the 公示 is over and the township confirms (delegated).
  await page.clock.setSystemTime(new Date(Date.now() + 21 * 86_400_000));
  const unlock = page.getByRole('button', { name: '解锁' });
  if (await unlock.isVisible()) {
    await page.getByLabel('密码', { exact: true }).fill(supervisor.password);
    await unlock.click();
  }
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByText(applicant.name).first().click();
  await takeStep('confirm_at_township', '同意纳入特困供养，分散供养');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('确认');
  await shot('tekun-case-confirmed');
  await takeStep('start_payment');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('保障中');
  await shot('tekun-case-active');

  // A fall is reported: a re-assessment is due within 10 working days (sample rule).
  await takeStep('report_change', '跌倒后卧床，需重新评估');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('重新评估中');
  await page.getByTestId('tekun-reassess-due').waitFor();
  await page.getByTestId('tekun-summary').scrollIntoViewIfNeeded();
  await shot('tekun-case-change-reported');
  expect(await page.getByTestId('action-complete_reassessment').isDisabled()).toBe(true);
  const pageToday = await page.evaluate(() =>
    new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
  );
  // The new assessment is a correction of the facts, with its reason.
  await page.getByTestId('case-edit').click();
  const edit = page.getByTestId('programme-fields');
  await typeDate(edit, '评估日期', pageToday);
  for (const item of ['dressing', 'toileting', 'indoorWalking']) {
    await page.getByTestId(`tekun-item-${item}`).getByRole('button', { name: '不能完成' }).click();
  }
  await expect
    .poll(() => page.getByTestId('tekun-care-level').innerText())
    .toBe('完全丧失生活自理能力');
  await expect.poll(() => page.getByTestId('benefit-amount').innerText()).toBe('¥1,621.60');
  await page.getByLabel('更正理由').fill('跌倒后重新评估：四项不能完成');
  await shot('tekun-reassessment-form');
  await page.getByRole('button', { name: '保存更正' }).click();
  await page.getByTestId('workflow-panel').waitFor();
  await expect
    .poll(() => page.getByTestId('tekun-summary-level').innerText())
    .toBe('完全丧失生活自理能力');
  await expect.poll(() => page.getByTestId('benefit-amount').innerText()).toBe('¥1,621.60');
  await page.getByTestId('tekun-summary').scrollIntoViewIfNeeded();
  await shot('tekun-case-reassessment');
  await takeStep('complete_reassessment', '重新评估为完全丧失生活自理能力');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('保障中');
});
