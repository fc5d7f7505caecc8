import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addUser, completeFirstRun, logIn, shownRecoveryWords, switchUser } from '../deskSession';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { launchDeskBrowser } from './browser';
import { deskPage, tabShot } from './deskPage';

/**
 * 备份与恢复 in the browser build: the supervisor sets up the recovery key (24
 * characters shown once, three typed back), backs up to a file (a download), and
 * restores it: refused with the wrong words, in its own words, then restored.
 */
let dir = '';
const supervisor = { username: 'li', name: '李主管', password: 'desk-super-2026' };
const first17 = '33010219500304011';
const headId = first17 + residentIdCheckChar(first17);

/** The backup the first test makes, and its words, for the new PC of the second. */
const made = { file: '', words: [] as string[] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-backup-e2e-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// After the folder's hooks: the browser starts once it is made and closes before it goes.
const desk = deskPage({ fullPage: false });
let page: Page;

beforeAll(() => {
  page = desk.page;
});

it('sets up the recovery key put off at first run, backs up, refuses wrong words and restores', async () => {
  await page.goto(inject('rendererUrl'));
  await completeFirstRun(page, undefined, { recoveryKey: 'later' });
  await logIn(page);
  await addUser(page, supervisor, '主管');
  await switchUser(page, supervisor);
  // One household, so the new PC has someone to find after its restore.
  await page.getByRole('button', { name: '家庭登记' }).first().click();
  await page.getByLabel('村（社区）').fill('西村');
  await page.getByLabel('家庭住址').fill('城关镇西村1组5号');
  await page.getByTestId('member-row-0').getByLabel('姓名').fill('王大山');
  await page.getByTestId('member-row-0').getByLabel('身份证号码').fill(headId);
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).waitFor();

  await page.getByRole('button', { name: '备份与恢复' }).first().click();
  await expect.poll(() => page.getByTestId('backup-age').first().textContent()).toBe('尚未备份');
  await expect.poll(() => page.getByRole('button', { name: '备份到文件' }).isDisabled()).toBe(true);
  await page.getByRole('button', { name: '设置恢复密钥' }).click();
  const words = await shownRecoveryWords(page);
  expect(words.every((w) => /^\p{Script=Han}$/u.test(w))).toBe(true);
  await shot('backup-words');

  await page.getByRole('button', { name: '我已抄好，下一步' }).click();
  await page.getByLabel('第 1 个字').fill(words[0] ?? '');
  await page.getByLabel('第 12 个字').fill(words[0] === words[11] ? '错' : (words[0] ?? ''));
  await page.getByLabel('第 24 个字').fill(words[23] ?? '');
  await page.getByRole('button', { name: '确认' }).click();
  await page.getByText('与显示的字不一致').first().waitFor();
  await page.getByLabel('第 12 个字').fill(words[11] ?? '');
  await page.getByRole('button', { name: '确认' }).click();
  await page.getByTestId('backup-key-set').waitFor();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '备份到文件' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^民政备份_330102001_\d{8}-\d{4}\.mzbak$/);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await page.getByTestId('backup-made').waitFor();
  await expect
    .poll(() => page.getByTestId('backup-age').first().textContent())
    .toBe('上次备份：今天');
  await shot('backup-made');
  made.file = file;
  made.words = words;

  // The wrong words: refused with its reason, nothing changed.
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择备份文件' }).click();
  await (await choosing).setFiles(file);
  await page.getByTestId('backup-restore-file').waitFor();
  const wrong = [...words.slice(1), words[0]];
  await page.getByTestId('backup-restore-words').fill(wrong.join(' '));
  await page.getByRole('button', { name: '恢复', exact: true }).click();
  await page.getByTestId('backup-restore-confirm').click();
  await expect
    .poll(() => page.getByTestId('backup-restore-error').textContent())
    .toContain('恢复密钥不对');
  await page.getByTestId('backup-restore-error').scrollIntoViewIfNeeded();
  await shot('backup-refused');

  await page.getByTestId('backup-restore-words').fill(words.join(' '));
  await page.getByRole('button', { name: '恢复', exact: true }).click();
  await shot('backup-confirm');
  await page.getByTestId('backup-restore-confirm').click();
  await expect.poll(() => page.getByTestId('backup-restored').textContent()).toContain('已恢复');
  await page.getByTestId('backup-restored').scrollIntoViewIfNeeded();
  await shot('backup-restored');
  await page.getByRole('button', { name: '重新登录' }).click();
  await logIn(page, supervisor);
  await page.getByRole('button', { name: '备份与恢复' }).first().click();

  // The schedule: the browser build cannot write into a folder, so it says it reminds.
  await page.getByTestId('backup-schedule').scrollIntoViewIfNeeded();
  await page.getByTestId('backup-schedule-keep').fill('0');
  await page.getByTestId('backup-schedule-save').click();
  await page.getByText('请输入 1 到 99 之间的整数').waitFor();
  await page.getByTestId('backup-schedule-keep').fill('7');
  await page.getByRole('combobox', { name: '频率' }).click();
  await page.getByRole('option', { name: '每天' }).click();
  await page.getByTestId('backup-schedule-save').click();
  await page.getByText('已保存。').waitFor();
  await page.getByTestId('backup-schedule').scrollIntoViewIfNeeded();
  await shot('backup-schedule-web');

  // Two days later nobody has backed up: the daily backup is overdue. The browser build
  // cannot write it by itself, so the status bar warns and reminds.
  // At 15:00 two days on: the daily 12:00 backup of that day is three hours late, whatever
  // the hour the test runs at (an hour after 12:00 it counts as overdue).
  const later = new Date(Date.now() + 2 * 86_400_000);
  later.setHours(15, 0, 0, 0);
  await page.clock.install({ time: later });
  await page.reload();
  await logIn(page, supervisor);
  const age = page.getByTestId('backup-age').first();
  await expect.poll(() => age.getAttribute('data-overdue')).toBe('true');
  await expect.poll(() => age.textContent()).toContain('定时备份已逾期');
  await expect.poll(() => age.textContent()).toContain('到备份时间了，请备份');
  await shot('backup-overdue-web');
});

it('restores that backup on a new PC from first run, then the supervisor logs in', async () => {
  expect(made.file).not.toBe('');
  const newPc = await launchDeskBrowser();
  try {
    const fresh = newPc.context.pages()[0] ?? (await newPc.context.newPage());
    await fresh.goto(inject('rendererUrl'));
    await fresh.getByRole('button', { name: '从备份恢复…' }).waitFor();
    await shot('first-run-offers-restore', fresh);
    await fresh.getByRole('button', { name: '从备份恢复…' }).click();
    await fresh.getByTestId('first-run-restore').waitFor();
    const choosing = fresh.waitForEvent('filechooser');
    await fresh.getByRole('button', { name: '选择备份文件' }).click();
    await (await choosing).setFiles(made.file);
    await fresh.getByTestId('backup-restore-file').waitFor();
    await fresh.getByTestId('backup-restore-words').fill(made.words.join(' '));
    await shot('first-run-restore', fresh);
    await fresh.getByRole('button', { name: '恢复', exact: true }).click();
    await fresh.getByTestId('backup-restore-confirm').click();
    await expect.poll(() => fresh.getByTestId('backup-restored').textContent()).toContain('已恢复');
    await shot('first-run-restored', fresh);
    await fresh.getByRole('button', { name: '重新登录' }).click();
    // The old desk's accounts came back: the supervisor signs in with the old password.
    await logIn(fresh, supervisor);
    await expect
      .poll(() => fresh.getByTestId('backup-age').first().textContent())
      .toBe('上次备份：今天');
    await fresh.getByRole('button', { name: '人员' }).first().click();
    await fresh.getByText('王大山').first().waitFor();
    await shot('first-run-restored-login', fresh);
  } finally {
    await newPc.close();
  }
});

/** A picture of the desk, or of `on` (the new PC's page). */
async function shot(name: string, on?: Page) {
  return on ? tabShot(on, name, 500) : desk.shot(name);
}
