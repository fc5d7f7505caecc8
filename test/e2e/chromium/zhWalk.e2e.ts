import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { residentIdCheckChar } from '../../../shared/identity/residentId';
import { admin, completeFirstRun, logIn } from '../deskSession';
import { deskPage } from './deskPage';
import { latinLeaks } from '../../support/latinWords';
import { officeToday } from '../../../shared/validation/dates';

/**
 * No English in the Chinese UI: the desk in zh-CN, with some data, walked screen by screen
 * as each role (registrar, supervisor, administrator). Screens are found, not listed: every
 * entry of the main menu, every tab on a screen, the first row of every list (and the
 * first row of the screen that opens, one level down). On each, the visible text
 * (document.body.innerText, open dialogs included) may hold no Latin word outside a short
 * allow-list (latinWords.ts). Every leak is printed with the screen it is on.
 * The page also loads with its favicon and without a 404.
 */
const desk = deskPage();
let page: Page;
const notFound: string[] = [];

const people = {
  registrar: { username: 'wang', name: '王登记', password: 'desk-reg-2026', role: '登记员' },
  supervisor: { username: 'li', name: '李主管', password: 'desk-super-2026', role: '主管' },
};
/** The test's own data in Latin letters (user names) may show as typed. */
const ownWords = [admin.username, people.registrar.username, people.supervisor.username];

beforeAll(() => {
  page = desk.page;
  page.on('response', (response) => {
    if (response.status() === 404) notFound.push(response.url());
  });
});

it('loads with its favicon and no request answered 404', async () => {
  await page.goto(inject('rendererUrl'));
  await page.getByLabel('办公室名称').waitFor();
  await page.waitForLoadState('networkidle');
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(new URL(href ?? '', page.url()).toString());
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/png');
  expect(notFound).toEqual([]);
});

it('shows no Latin words outside the allow-list on any screen, as any role', async () => {
  const leaks = new Map<string, string>();
  const visited: string[] = [];
  const check = async (where: string) => {
    await settle();
    const text = await page.evaluate(() => document.body.innerText);
    visited.push(where);
    for (const leak of latinLeaks(text, ownWords)) {
      const key = `${leak.word} @ ${where}`;
      if (!leaks.has(key)) leaks.set(key, leak.context);
    }
  };

  await page.goto(inject('rendererUrl'));
  await page.getByLabel('办公室名称').waitFor();
  await check('首次使用');
  await completeFirstRun(page);
  await page.getByRole('button', { name: '登录' }).waitFor();
  await check('登录');
  await logIn(page);

  // The administrator's accounts, the add-user dialog looked at on the way.
  await page.getByRole('navigation').getByRole('button', { name: '账户' }).click();
  await check('管理员 › 账户');
  for (const person of Object.values(people)) {
    await page.getByRole('button', { name: '添加用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(person.username);
    await check('管理员 › 账户 › 添加用户（对话框）');
    await dialog.getByLabel('姓名').fill(person.name);
    await dialog.getByLabel('角色').click();
    await page.getByRole('option', { name: person.role, exact: true }).click();
    await dialog.getByLabel('密码', { exact: true }).fill(person.password);
    await dialog.getByLabel('确认密码').fill(person.password);
    await dialog.getByRole('button', { name: '创建用户' }).click();
    await page.getByText(person.name).first().waitFor();
  }
  await logOut();

  // Some data, so lists and records are not empty: the registrar's casework.
  await logIn(page, people.registrar);
  await registerHousehold();
  await check('登记员 › 家庭');
  await page.getByRole('button', { name: '申请低保' }).click();
  await page.getByLabel('工资性收入').fill('300');
  await check('登记员 › 救助申请');
  await page.getByRole('button', { name: '保存申请' }).click();
  await page.getByText('草稿').first().waitFor();
  await check('登记员 › 救助案件');
  await recordService();
  await check('登记员 › 服务记录');
  await registerInstitution();

  for (const [who, label] of [
    [people.registrar, '登记员'],
    [people.supervisor, '主管'],
    [admin, '管理员'],
  ] as const) {
    if (label !== '登记员') await logIn(page, who);
    await walk(label, check);
    await logOut();
  }

  // The detector sees English where there is some: the same desk in English.
  await logIn(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('Accounts').first().waitFor();
  const english = latinLeaks(await page.evaluate(() => document.body.innerText), ownWords);
  expect(english.map((l) => l.word)).toContain('Accounts');
  await page.getByRole('button', { name: '中文' }).click();

  console.log(`zh walk: ${visited.length} screens looked at:\n  ${visited.join('\n  ')}`);
  const found = [...leaks].map(([key, context]) => `${key}: “${context}”`);
  if (found.length > 0) console.log(`Latin words in the Chinese UI:\n  ${found.join('\n  ')}`);
  expect(found).toEqual([]);
}, 900_000);

type Step =
  { kind: 'nav'; name: string } | { kind: 'tab'; name: string } | { kind: 'row'; testId: string };

/**
 * Every menu entry and its tabs; on each screen, what its 新建/添加/登记 buttons and its
 * first workflow step open, and the first row of each list, two levels down.
 */
async function walk(role: string, check: (where: string) => Promise<void>) {
  const menu = await page.getByRole('navigation').getByRole('button').allInnerTexts();
  for (const entry of menu.map((m) => m.trim()).filter(Boolean)) {
    const nav: Step = { kind: 'nav', name: entry };
    await replay([nav]);
    const tabs = await tabNames();
    const paths: Step[][] =
      tabs.length > 1 ? tabs.map((name) => [nav, { kind: 'tab', name }]) : [[nav]];
    if (tabs.length > 1) await check(`${role} › ${entry}`);
    for (const path of paths) await lookAround(path, `${role} › ${describe(path)}`, check, 2);
    // Screens a screen's own header button opens (e.g. 设置 › 县局连接).
    if (entry === '设置') {
      await replay([nav]);
      const link = page.getByRole('button', { name: '县局连接' });
      if ((await link.count()) > 0) {
        await link.click();
        await check(`${role} › 设置 › 县局连接`);
      }
    }
  }
}

/** Looks at a screen, at what its opening buttons open, and at its lists' first rows. */
async function lookAround(
  path: Step[],
  where: string,
  check: (where: string) => Promise<void>,
  depth: number,
) {
  await replay(path);
  await check(where);
  for (const name of await openerNames()) {
    await replay(path);
    await page.getByRole('main').getByRole('button', { name, exact: true }).first().click();
    await check(`${where} › ${name}`);
  }
  const step = page.getByRole('main').locator('[data-testid^="action-"]:enabled').first();
  if ((await step.count()) > 0) {
    const name = (await step.innerText()).trim();
    await step.click();
    await check(`${where} › ${name}`);
  }
  if (depth === 0) return;
  await replay(path);
  const here = await page.getByRole('main').innerText();
  for (const testId of await rowTestIds()) {
    const rowPath: Step[] = [...path, { kind: 'row', testId }];
    await replay(rowPath);
    if ((await page.getByRole('dialog').count()) > 0) {
      await check(`${where} › ${testId}`);
      continue;
    }
    // A row that opens nothing (a plain table row) leads nowhere new.
    if ((await page.getByRole('main').innerText()) === here) continue;
    await lookAround(rowPath, `${where} › ${testId}`, check, depth - 1);
  }
}

/** Buttons that open a form or a dialog to add something (never one that acts at once). */
async function openerNames(): Promise<string[]> {
  const names = await page.getByRole('main').getByRole('button').allInnerTexts();
  return [
    ...new Set(
      names.map((n) => n.trim()).filter((n) => /^(新建|添加|登记)/.test(n) && !/附件|成员/.test(n)),
    ),
  ];
}

async function replay(path: Step[]) {
  await closeDialogs();
  for (const step of path) {
    if (step.kind === 'nav') {
      await page
        .getByRole('navigation')
        .getByRole('button', { name: step.name, exact: true })
        .click();
    } else if (step.kind === 'tab') {
      await page.getByRole('main').getByRole('tab', { name: step.name, exact: true }).click();
    } else {
      const row = page.getByRole('main').getByTestId(step.testId).first();
      await row.waitFor({ timeout: 5_000 });
      await row.click();
    }
    await settle();
  }
}

async function closeDialogs() {
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i += 1) {
    await page.keyboard.press('Escape');
    await settle();
  }
}

async function tabNames(): Promise<string[]> {
  return (await page.getByRole('main').getByRole('tab').allInnerTexts()).map((t) => t.trim());
}

/** The kinds of rows (data-testid "…-row") of the lists on the screen. */
async function rowTestIds(): Promise<string[]> {
  return page.evaluate(() => [
    ...new Set(
      [...document.querySelectorAll('main [data-testid$="-row"]')]
        .map((e) => e.getAttribute('data-testid') ?? '')
        .filter(Boolean),
    ),
  ]);
}

function describe(path: Step[]): string {
  return path.map((s) => (s.kind === 'row' ? s.testId : s.name)).join(' › ');
}

/** Live queries and MUI's transitions settle before the text is read. */
async function settle() {
  await page.waitForTimeout(350);
}

async function logOut() {
  await closeDialogs();
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}

function residentId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

async function registerHousehold() {
  await page.getByRole('navigation').getByRole('button', { name: '家庭登记' }).click();
  await page.getByLabel('村（社区）').fill('东村');
  await page.getByLabel('家庭住址').fill('城关镇东村3组12号');
  await page.getByRole('button', { name: '添加成员' }).click();
  const head = page.getByTestId('member-row-0');
  await head.getByLabel('姓名').fill('张三丰');
  await head.getByLabel('身份证号码').fill(residentId('330102', '19500504', '013'));
  const spouse = page.getByTestId('member-row-1');
  await spouse.getByLabel('姓名').fill('李秀英');
  await spouse.getByLabel('身份证号码').fill(residentId('330102', '19520815', '024'));
  await page.getByRole('button', { name: '保存家庭' }).click();
  await page.getByRole('button', { name: '申请低保' }).waitFor();
}

async function recordService() {
  await page.getByRole('navigation').getByRole('button', { name: '社区服务' }).click();
  await page.getByRole('button', { name: '新建服务记录' }).click();
  await page.getByLabel('服务类型').click();
  await page.getByRole('option', { name: '协商议事' }).click();
  const today = officeToday(new Date());
  await page.getByLabel('开始时间').fill(`${today}T08:00`);
  await page.getByLabel('结束时间').fill(`${today}T09:30`);
  await page.getByLabel('地点').fill('东村议事厅');
  await page.getByTestId('served-picker').fill('zsf');
  await page.getByRole('option', { name: /张三丰/ }).click();
  await page.getByRole('button', { name: '保存记录' }).click();
  await page.getByTestId('service-facts').waitFor();
}

async function registerInstitution() {
  await page.getByRole('navigation').getByRole('button', { name: '养老服务' }).click();
  await page.getByRole('main').getByRole('tab', { name: '机构与床位' }).click();
  await page.getByRole('button', { name: '登记机构' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('机构代码').fill('YLY-330102-01');
  await dialog.getByLabel('机构名称').fill('城关镇中心敬老院');
  await dialog.getByLabel('运营性质', { exact: true }).click();
  await page.getByRole('option', { name: '公建民营', exact: true }).click();
  await dialog.getByLabel('地址').fill('城关镇东街5号');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
}
