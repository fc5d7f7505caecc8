import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { residentIdCheckChar } from '../../shared/identity/residentId';
import { completeFirstRun, logIn } from './deskSession';

/**
 * The one desk scenario, run in Chromium against the built renderer and, where the
 * binary exists, in Electron: create the admin, log in, register a household with
 * three members, see the error for a wrong check character, see the duplicate warning,
 * save a 低保 application with its computed amount, reload, find it by pinyin
 * initials, and see the queue count.
 */
export interface ScenarioOptions {
  /** Reloads the app the way its runtime does (page reload, or window reload in Electron). */
  reload: () => Promise<void>;
  /** Where to save screenshots of each screen, if anywhere. */
  screenshotsDir?: string;
}

function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

const head = { name: '张三丰', id: residentId('330102', '19600504', '013') };
const spouse = { name: '李秀英', id: residentId('330102', '19620815', '024') };
const child = { name: '张小明', id: residentId('330102', '20120309', '031') };
const wrongCheckChar = (id: string) => id.slice(0, 17) + (id.endsWith('5') ? '6' : '5');

const supervisor = { username: 'li', name: '李主管', password: 'desk-super-2026' };

export async function runDeskScenario(page: Page, options: ScenarioOptions): Promise<void> {
  const shot = async (name: string) => {
    if (options.screenshotsDir) {
      // Let MUI's label and ripple transitions settle so the picture shows the steady state.
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${options.screenshotsDir}/${name}.png` });
    }
  };

  // First run: the office and its first administrator, who in this small office also
  // registers (ticked at the first run: the administrator alone does no casework).
  await completeFirstRun(page, () => shot('01-first-run'), { casework: true });
  await logIn(page);
  await shot('02-login-done');

  // Register a household with three members.
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('东村');
  await page.getByLabel('家庭住址').fill('城关镇东村3组12号');
  await page.getByRole('button', { name: '添加成员' }).click();
  await page.getByRole('button', { name: '添加成员' }).click();
  await fillMember(page, 0, head);
  await fillMember(page, 1, { ...spouse, id: wrongCheckChar(spouse.id) });
  await expect
    .poll(() =>
      memberRow(page, 1)
        .getByText(/身份证号码校验位错误/)
        .count(),
    )
    .toBeGreaterThan(0);
  await shot('03-household-wrong-check-char');
  await fillMember(page, 1, spouse);
  await chooseRelation(page, 1, '配偶');
  await fillMember(page, 2, child);
  await chooseRelation(page, 2, '子女');
  await shot('04-household-form');
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).waitFor();
  await shot('05-household');

  // The duplicate check: the head's ID again in a new household form.
  await page.getByRole('button', { name: '申请低保' }).click();
  await page.getByLabel('工资性收入').fill('1500');
  await page.getByLabel('转移净收入').fill('394');
  // 632 (sample rural standard) × 3 − 1894 = 2.00 yuan.
  await expect.poll(() => page.getByTestId('benefit-amount').innerText()).toContain('2.00');
  await shot('06-dibao-application');
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByText('草稿').first().waitFor();
  await shot('07-case');

  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await fillMember(page, 0, { name: '张三', id: head.id });
  await expect
    .poll(() =>
      memberRow(page, 0)
        .getByText(/该身份证号码已登记/)
        .count(),
    )
    .toBeGreaterThan(0);
  await shot('08-duplicate-warning');

  // Everything survives a reload, the half-filled form too (drafts save 500 ms after
  // the last keystroke); the registrar logs in again.
  await page.waitForTimeout(1000);
  await options.reload();
  await logIn(page);
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await expect.poll(() => memberRow(page, 0).getByLabel('姓名').inputValue()).toBe('张三');
  await expect.poll(() => memberRow(page, 0).getByLabel('身份证号码').inputValue()).toBe(head.id);
  await shot('09-draft-restored');
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByLabel(/搜索/).first().fill('zsf');
  await page.getByText(head.name).first().waitFor();
  await shot('10-cases-search');
  await page.getByRole('button', { name: '人员' }).first().click();
  await page.getByLabel(/^搜索（姓名/).fill('zsf');
  await page.getByText(head.name).first().waitFor();
  await shot('11-persons-search');

  // The administrator's account and the office settings (first run), 3 persons, 1
  // household and 1 case, and the look at the new case (its access-log entry): each
  // queued for HQ in its own entry.
  await expect.poll(() => page.getByTestId('queued-count').innerText()).toBe('8');

  // The administrator adds a supervisor, who takes the case through its first steps.
  await page.getByRole('button', { name: '账户' }).first().click();
  await page.getByRole('button', { name: '添加用户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(supervisor.username);
  await dialog.getByLabel('姓名').fill(supervisor.name);
  await dialog.getByLabel('角色').click();
  await page.getByRole('option', { name: '主管', exact: true }).click();
  await dialog.getByLabel('密码', { exact: true }).fill(supervisor.password);
  await dialog.getByLabel('确认密码').fill(supervisor.password);
  await dialog.getByRole('button', { name: '创建用户' }).click();
  await page.getByText(supervisor.name).first().waitFor();
  await shot('12-settings');

  await page.getByRole('button', { name: '退出登录' }).click();
  await shot('13-login');
  await logIn(page, supervisor);
  await page.getByRole('button', { name: '救助案件' }).first().click();
  await page.getByTestId('case-row').first().click();
  await takeStep(page, 'submit');
  await takeStep(page, 'accept', '材料齐全，予以受理');
  await expect.poll(() => page.getByTestId('case-status').innerText()).toContain('已受理');
  await page.getByTestId('case-deadline').waitFor();
  await expect.poll(() => page.getByTestId('case-history').innerText()).toContain('材料齐全');
  // The supervisor's account, the supervisor's look at the case, then the two workflow
  // steps joined the queue (each: the case's step and its history event).
  await expect.poll(() => page.getByTestId('queued-count').innerText()).toBe('14');
  await shot('14-case-workflow');

  // The desk locks on demand (and after idle time); the same user unlocks.
  await page.getByRole('button', { name: '锁定' }).click();
  await page.getByRole('button', { name: '解锁' }).waitFor();
  await shot('15-locked');
  await page.getByLabel('密码', { exact: true }).fill(supervisor.password);
  await page.getByRole('button', { name: '解锁' }).click();
  await page.getByTestId('case-history').waitFor();

  // English is the second language.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('Persons').first().waitFor();
  await shot('16-english');
  await page.getByRole('button', { name: '中文' }).click();
}

async function takeStep(page: Page, action: string, opinion?: string) {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByTestId('transition-dialog');
  if (opinion) await dialog.getByLabel('意见').fill(opinion);
  await page.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'detached' });
}

function memberRow(page: Page, index: number): Locator {
  return page.getByTestId(`member-row-${index}`);
}

async function fillMember(page: Page, index: number, person: { name: string; id: string }) {
  const row = memberRow(page, index);
  await row.getByLabel('姓名').fill(person.name);
  await row.getByLabel('身份证号码').fill(person.id);
}

async function chooseRelation(page: Page, index: number, relation: string) {
  await memberRow(page, index).getByLabel('与户主关系').click();
  await page.getByRole('option', { name: relation }).click();
}
