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
 * 特困 ↔ 低保 at approval, in Chromium on real IndexedDB: a person of 76 is confirmed in
 * 低保 by the township (delegated by a real HQ); their 特困 application then reaches 公示
 * and the township's confirmation is refused in the step's dialog, naming the person and
 * the 低保 case, and the case stays in 公示.
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

/** The page's clock three weeks on (the 公示 over), unlocked again if it locked. */
async function threeWeeksOn(from: number) {
  await page.clock.setSystemTime(new Date(from + 21 * 86_400_000));
  const unlock = page.getByRole('button', { name: '解锁' });
  if (await unlock.isVisible()) {
    await page.getByLabel('密码', { exact: true }).fill(supervisor.password);
    await unlock.click();
  }
  return from + 21 * 86_400_000;
}

/** The applicant's case of the programme, from the case list filtered by programme. */
async function openCase(programme: string) {
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByTestId('filter-programme').click();
  await page.getByRole('option', { name: programme, exact: true }).click();
  await page.getByText(applicant.name).first().click();
  await page.getByTestId('workflow-panel').waitFor();
}

it('refuses the 特困 confirmation of a person confirmed in 低保, naming the 低保 case', async () => {
  let now = Date.now();
  await page.clock.install({ time: new Date(now) });
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

  // 低保 first: applied, investigated, posted, and confirmed after the 公示.
  await switchUser(page, registrar);
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('东村');
  await page.getByLabel('家庭住址').fill('城关镇东村1组8号');
  await page.getByTestId('member-row-0').getByLabel('姓名').fill(applicant.name);
  await page.getByTestId('member-row-0').getByLabel('身份证号码').fill(applicant.id);
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).click();
  await page.getByLabel('工资性收入').fill('100');
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByTestId('workflow-panel').waitFor();
  for (const action of ['submit', 'accept', 'start_investigation']) await takeStep(action);
  await switchUser(page, supervisor);
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByText(applicant.name).first().click();
  await takeStep('record_opinion', '经入户调查，符合低保条件');
  await takeStep('start_notice');
  now = await threeWeeksOn(now);
  await openCase('低保');
  await takeStep('confirm_at_township', '公示无异议，予以确认');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('确认');

  // Then 特困 for the same person, on its own form, to the end of its 公示.
  await page.getByRole('button', { name: /东村/ }).click();
  await page.getByRole('button', { name: '申请低保' }).click();
  await page.getByLabel('救助项目').click();
  await page.getByTestId('programme-tekun').click();
  const fields = page.getByTestId('programme-fields');
  await fields.getByText('供养条件').waitFor();
  await fields.getByLabel('无劳动能力').check();
  await fields.getByLabel('无生活来源').check();
  await fields.getByLabel('分散供养（居家）').check();
  await fields.getByLabel('照料人姓名').fill('孙小梅');
  await fields.getByLabel('照料人电话').fill('13912345678');
  await typeDate(fields, '委托照料协议签订日期', '2026-11-20');
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByTestId('workflow-panel').waitFor();
  for (const action of ['submit', 'accept', 'start_investigation']) await takeStep(action);
  await takeStep('record_opinion', '经入户调查，符合特困供养条件');
  await takeStep('start_notice');
  await threeWeeksOn(now);
  await openCase('特困');

  // The township's confirmation: refused in the dialog, the case still in 公示.
  await page.getByTestId('action-confirm_at_township').click();
  const dialog = page.getByTestId('transition-dialog');
  await dialog.getByLabel('意见').fill('同意纳入特困供养');
  await page.getByTestId('transition-confirm').click();
  await dialog.getByText('低保与特困供养不能同时享受').waitFor();
  expect(await dialog.innerText()).toContain(
    `${applicant.name} 在申请人 ${applicant.name} 的另一个在保案件中`,
  );
  await shot('programmes-excluded-at-approval');
  await page.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('公示');
});
