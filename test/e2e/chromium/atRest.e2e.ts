import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { admin, logIn, startDeskAsAdmin } from '../deskSession';
import type { Page } from 'playwright-core';
import { tabShot } from './deskPage';
import { foundInFiles, openProfile, textNeedles } from './profileScan';

/**
 * Issue #16 item 1: known persons written in Chromium on an on-disk profile; the browser
 * closed; every file of the profile scanned in ASCII and UTF-16 — no ID number, phone
 * number or income figure appears. A control proves the scan sees what IS stored clear
 * (the office name, the persons' names), so a compressed or unreadable profile cannot
 * pass it by accident. Then the same profile opens again with the password.
 */
const residentId = (birth: string, sequence: string) => {
  const first17 = `330102${birth}${sequence}`;
  return first17 + residentIdCheckChar(first17);
};
const head = { name: '欧阳秘密', id: residentId('19571203', '417') };
const spouse = { name: '司马保密', id: residentId('19590621', '428') };
const phone = '13987654321';
const wagesYuan = '1537.89';
const transferYuan = '394.17';
const secrets = [head.id, spouse.id, phone, '153789', wagesYuan, '39417', transferYuan];

let profile = '';
afterAll(async () => {
  if (profile) await rm(profile, { recursive: true, force: true });
});

const reopen = () => openProfile(profile);

/** Which of the texts occur in any file of the profile, as UTF-8 (ASCII) or UTF-16LE. */
const foundInProfile = (texts: string[]) =>
  foundInFiles(
    profile,
    texts.flatMap((text) => textNeedles(text, text)),
  );

it('leaves no ID number, phone or income figure anywhere in the closed profile, and opens again by password', async () => {
  profile = await mkdtemp(join(tmpdir(), 'desk-at-rest-'));
  let { context, page } = await reopen();
  await startDeskAsAdmin(page, { casework: true });

  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('东村');
  await page.getByLabel('家庭住址').fill('城关镇东村3组12号');
  await page.getByRole('button', { name: '添加成员' }).click();
  const member = (i: number) => page.getByTestId(`member-row-${i}`);
  await member(0).getByLabel('姓名').fill(head.name);
  await member(0).getByLabel('身份证号码').fill(head.id);
  await member(1).getByLabel('姓名').fill(spouse.name);
  await member(1).getByLabel('身份证号码').fill(spouse.id);
  await member(1).getByLabel('与户主关系').click();
  await page.getByRole('option', { name: '配偶' }).click();
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).waitFor();

  // A 低保 application with the household's incomes.
  await page.getByRole('button', { name: '申请低保' }).click();
  await page.getByLabel('工资性收入').fill(wagesYuan);
  await page.getByLabel('转移净收入').fill(transferYuan);
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByText('草稿').first().waitFor();

  // The head's phone, by a 更正 of the person.
  await page.getByRole('button', { name: '人员' }).first().click();
  await page.getByLabel(/^搜索（姓名/).fill(head.name);
  await page.getByText(head.name).first().click();
  await page.getByRole('button', { name: '更正' }).click();
  const fix = page.getByTestId('person-correction');
  await fix.getByLabel('联系电话').fill(phone);
  await fix.getByTestId('correction-reason').fill('补登联系电话');
  await fix.getByRole('button', { name: '保存更正' }).click();
  await fix.waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('record-history').innerText()).toContain('补登联系电话');
  await context.close();

  const leaked = await foundInProfile([...secrets, '城关镇民政办', head.name]);
  // The control: clear data is found, so the scan reads the stored bytes.
  expect(leaked).toContain('城关镇民政办');
  expect(leaked).toContain(head.name);
  expect(leaked.filter((t) => secrets.includes(t))).toEqual([]);

  // The same profile again: locked until the password opens it; then all there.
  ({ context, page } = await reopen());
  // Locked: the login offers the recovery words too. Their code comes after the login
  // screen has shown: if it cannot be had, that is said, not taken for wrong words.
  // (Refused from a new start of the page: the login screen fetches it with the session's
  // writes while the password is typed, which may already have been.)
  await page.route('**/assets/recoveryWrap-*.js', (route) => route.abort());
  await page.reload();
  await tryWords(page, '恢复密钥功能未能载入', 'at-rest-recovery-unloaded');
  await page.unroute('**/assets/recoveryWrap-*.js');
  await page.reload();
  // Wrong words open nothing.
  await tryWords(page, '这些字打不开本机数据', 'at-rest-login-recovery');
  await logIn(page, admin);
  await page.getByRole('button', { name: '人员' }).first().click();
  await page.getByLabel(/^搜索（姓名/).fill(spouse.id.slice(0, 11));
  await page.getByText(spouse.name).first().waitFor();
  await page.getByText(spouse.name).first().click();
  await expect.poll(() => page.locator('main').innerText()).toContain(spouse.name);
  await context.close();
});

/** Wrong recovery words typed on the login screen; `says` is shown, pictured as `shot`. */
async function tryWords(page: Page, says: string, shot: string) {
  await page.getByRole('button', { name: /使用恢复密钥/ }).click();
  await page.getByTestId('recovery-unlock-words').fill('错 误 的 词');
  await page.getByRole('button', { name: '打开本机数据', exact: true }).click();
  await page.getByText(says).waitFor();
  await tabShot(page, shot, 0);
}
