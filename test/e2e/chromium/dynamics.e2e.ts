import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { addUser, admin, completeFirstRun, logIn, switchUser } from '../deskSession';
import { deskPage } from './deskPage';
import { typeDate } from './dateInput';

/**
 * 动态管理 in Chromium on real IndexedDB, on a browser clock the test sets: a 低保 case
 * applied in March 2026 and confirmed by the township (the county's delegation arrives
 * as reference data, as a pull from HQ stores it) is due for review a year on; in March
 * 2027 the due list marks it overdue, filtered by programme and village; its review
 * corrects the income and shows the old amount beside the new one.
 */
const desk = deskPage();
let page: Page;
const { shot } = desk;

const registrar = { username: 'wang', name: '王登记', password: 'desk-reg-2026' };
const supervisor = { username: 'li', name: '李主管', password: 'desk-super-2026' };
const first17 = '33010219580311051';
const applicant = { name: '孙复核', id: first17 + residentIdCheckChar(first17) };
const spouse17 = '33010219600812062';
const spouse = { name: '周接续', id: spouse17 + residentIdCheckChar(spouse17) };

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

const at = (day: string) => page.clock.setSystemTime(new Date(`${day}T10:00:00+08:00`));

/** The county's delegation of confirmation, stored as a pull from HQ stores reference data. */
async function delegationFromHq() {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('minzheng-desk');
        open.onerror = () => reject(open.error as Error);
        open.onsuccess = () => {
          const tx = open.result.transaction('delegations', 'readwrite');
          tx.objectStore('delegations').put({
            id: 'delegation-e2e',
            office: '330102001',
            confirmationDelegated: true,
            effectiveFrom: '2026-01-01',
            note: '',
            deleted: false,
            version: 1,
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error as Error);
        };
      }),
  );
}

it('lists a review overdue, filtered, and reviews it with the old and new amounts side by side', async () => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00+08:00') });
  await page.goto(inject('rendererUrl'));
  await completeFirstRun(page);
  await logIn(page, admin);
  await addUser(page, registrar, '登记员');
  await addUser(page, supervisor, '主管');
  await switchUser(page, registrar);

  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('东村');
  await page.getByLabel('家庭住址').fill('城关镇东村3组8号');
  await page.getByTestId('member-row-0').getByLabel('姓名').fill(applicant.name);
  await page.getByTestId('member-row-0').getByLabel('身份证号码').fill(applicant.id);
  await page.getByRole('button', { name: '添加成员' }).click();
  await page.getByTestId('member-row-1').getByLabel('姓名').fill(spouse.name);
  await page.getByTestId('member-row-1').getByLabel('身份证号码').fill(spouse.id);
  await page.getByTestId('member-row-1').getByLabel('与户主关系').click();
  await page.getByRole('option', { name: '配偶' }).click();
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).click();
  await page.getByLabel('工资性收入').fill('300');
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByTestId('workflow-panel').waitFor();
  for (const action of ['submit', 'accept', 'start_investigation']) await takeStep(action);

  await switchUser(page, supervisor);
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByText(applicant.name).first().click();
  await takeStep('record_opinion', '经入户调查，符合低保条件');
  await takeStep('start_notice');
  await delegationFromHq();
  // After the 公示: confirmed by the township, paid from April, reviewed a year on.
  await at('2026-03-20');
  // Dexie's query cache sees only its own writes: the desk is opened anew, as after a pull.
  await page.reload();
  await logIn(page, supervisor);
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByText(applicant.name).first().click();
  await takeStep('confirm_at_township', '公示无异议，予以确认');
  await takeStep('start_payment');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('保障中');

  // A year later: the review is overdue.
  await at('2027-03-25');
  await page.getByRole('button', { name: '动态管理' }).first().click();
  const due = page.getByTestId('due-list');
  await due.waitFor();
  await expect.poll(() => due.innerText()).toContain(applicant.name);
  await expect.poll(() => due.innerText()).toContain('2027-03-20');
  await page.getByTestId('due-overdue').first().waitFor();
  await expect.poll(() => page.getByTestId('due-count').innerText()).toContain('已逾期 1 户');
  await shot('dynamics-due-list');
  // Filtered by another programme: nothing; by the village: the case.
  await page.getByTestId('due-programme').click();
  await page.getByRole('option', { name: '特困人员救助供养' }).click();
  await page.getByText('本月没有到期的复核').waitFor();
  await page.getByTestId('due-programme').click();
  await page.getByRole('option', { name: '全部' }).click();
  await page.getByTestId('due-village').click();
  await page.getByRole('option', { name: '东村' }).click();
  await expect.poll(() => page.getByTestId('due-row').count()).toBe(1);

  // The review: started, the income corrected, old and new side by side.
  await page.getByRole('button', { name: '复核', exact: true }).click();
  await page.getByTestId('review-start').click();
  await page.getByTestId('review-save').waitFor();
  await page.getByLabel('工资性收入').fill('200');
  await page.getByTestId('review-unstable').check();
  const before = page.getByTestId('review-before');
  const after = page.getByTestId('review-after');
  await expect.poll(() => before.innerText()).toContain('¥964.00');
  await expect.poll(() => after.innerText()).toContain('¥1,064.00');
  await expect.poll(() => after.innerText()).toContain('2027-03-25');
  await expect.poll(() => page.getByTestId('review-delta').innerText()).toContain('+¥100.00');
  // Without a reason the correction is refused at the field.
  await page.getByTestId('review-save').click();
  await page.getByText('更正记录必须填写更正理由').first().waitFor();
  await page.getByLabel('更正理由').fill('复核：务工收入减少为每月200元，收入不稳定');
  await page.getByTestId('review-save').click();
  await page.getByText('已保存复核更正').waitFor();
  await expect.poll(() => before.innerText()).toContain('¥964.00');
  await expect.poll(() => after.innerText()).toContain('¥1,064.00');
  await page.getByTestId('case-review').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await shot('dynamics-review-side-by-side');
  await page.getByTestId('review-save').scrollIntoViewIfNeeded();
  await shot('dynamics-review-form');

  // Completed on the case: next review in six months (income unstable).
  await page.getByRole('button', { name: '回到案件（完成复核、渐退或停保）' }).click();
  await takeStep('complete_review', '复核完成，调整保障金');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('保障中');
  await page.getByRole('button', { name: '动态管理' }).first().click();
  await page.getByText('本月没有到期的复核').waitFor();

  // A new rural standard from April (700 yuan): April's recomputation, approved.
  await page.getByRole('button', { name: '设置' }).first().click();
  await page.getByRole('button', { name: '新增标准' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('类别').click();
  await page.getByRole('option', { name: '农村' }).click();
  await typeDate(dialog, '起始日期', '2027-04-01');
  await dialog.getByLabel('月标准（元/人）').fill('700');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '动态管理' }).first().click();
  await page.getByRole('tab', { name: '标准调整重算' }).click();
  await typeDate(page, '重算月份', '2027-04');
  await page.getByLabel('标准调整说明（写入每户更正理由）').fill('2027年4月起农村低保标准700元');
  await page.getByTestId('recompute-prepare').click();
  const list = page.getByTestId('recomputation');
  await expect.poll(() => list.innerText()).toContain('2027-04：变化 1 户，不变 0 户');
  await expect.poll(() => list.innerText()).toContain('¥1,064.00');
  await expect.poll(() => list.innerText()).toContain('¥1,200.00');
  await page.getByTestId('recompute-approve').click();
  await expect.poll(() => list.innerText()).toContain('已批准（2027-03-25）');
  await shot('dynamics-recomputation');
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByText(applicant.name).first().click();
  await expect
    .poll(() => page.getByTestId('case-versions').innerText())
    .toContain('标准调整重算（2027-04 起）：2027年4月起农村低保标准700元');

  // 停保 names its reason: without one it is refused at the field.
  await page.getByTestId('action-terminate').click();
  const step = page.getByTestId('transition-dialog');
  await step.getByLabel('意见').fill('全家已迁往杭州市区居住');
  await page.getByTestId('transition-confirm').click();
  await step.getByText('请选择停保原因').first().waitFor();
  await page.getByTestId('termination-reason').click();
  await page.getByRole('option', { name: '迁出本辖区' }).click();
  await shot('dynamics-termination-reason');
  await page.getByRole('button', { name: '取消' }).click();
  await step.waitFor({ state: 'detached' });

  // The head died: closed for that reason and a linked case opened for the spouse.
  await page.getByTestId('case-dynamics').click();
  await page.getByTestId('succession-open').click();
  const succession = page.getByTestId('succession-dialog');
  await page.getByLabel('停保原因').click();
  await page.getByRole('option', { name: '户主死亡' }).click();
  await page.getByLabel('新申请人（户主）').click();
  await page.getByRole('option', { name: spouse.name }).click();
  await succession.getByLabel('意见').fill('户主孙复核于2027年3月20日去世');
  await shot('dynamics-succession');
  await page.getByRole('button', { name: '停保并开立接续案件' }).click();
  await succession.waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('草稿');
  await page.getByRole('heading', { name: new RegExp(spouse.name) }).waitFor();
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByText(applicant.name).first().click();
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('停保');
});
