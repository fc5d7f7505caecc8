// The desk side runs on fake-indexeddb (its real enrollment against the same HQ).
import 'fake-indexeddb/auto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAudit } from '../../../hq/src/console/audit';
import { ConsoleClient, consoleUser } from '../../support/consoleClient';
import { startHq, type RunningHq } from '../../support/hqHarness';
import { enroll, openOfficeDesk } from '../../support/syncDesks';
import { consoleDir, consolePage, launchConsoleBrowser, shot, signIn } from './consolePage';

/**
 * The county console in Chromium against the real HQ on loopback, serving the built
 * console (dist/console, `npm run build:console`) at /console/ as `npm run hq` does:
 * accounts and the audit log, a viewer's limits, session expiry, lockout, and what the
 * browser can forge (a desk's device token, a change without the CSRF token).
 */
let hq: RunningHq;
let browser: Browser;

beforeAll(async () => {
  hq = await startHq({ server: { consoleDir } });
  await consoleUser(hq, 'wang', 'admin');
  await consoleUser(hq, 'kan', 'viewer');
  browser = await launchConsoleBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hq?.stop();
});

it('an administrator signs in, adds a reviewer (a short password refused next to the field) and reads the audit log', async () => {
  const page = await consolePage(browser, hq, '', { height: 800 });
  await expect.poll(() => page.getByRole('heading', { name: '县局工作台登录' }).count()).toBe(1);
  await shotInView(page, 'console-login');
  await signIn(page, 'wang', 'wrong-password');
  await expect.poll(() => page.getByText('用户名或密码错误，或账户已停用。').count()).toBe(1);
  await shotInView(page, 'console-login-refused');
  await signIn(page, 'wang');
  await expect.poll(() => page.getByRole('heading', { name: 'wang 同志，您好' }).count()).toBe(1);
  expect(await page.getByText('您的角色：管理员').count()).toBe(1);
  await shotInView(page, 'console-overview');

  await page.getByRole('tab', { name: '账户管理' }).click();
  await expect.poll(() => page.getByRole('cell', { name: 'kan', exact: true }).count()).toBe(1);
  await page.getByRole('button', { name: '新增账户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('zhou');
  await dialog.getByLabel('姓名').fill('周审核');
  await dialog.getByLabel('初始密码').fill('short');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => dialog.getByText('密码应为 10 至 200 位').count()).toBe(1);
  await shotInView(page, 'console-user-add-refused');
  await dialog.getByLabel('初始密码').fill('zhou-pass-2026');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => page.getByText('已新增账户 zhou').count()).toBe(1);
  await expect.poll(() => page.getByRole('cell', { name: '周审核' }).count()).toBe(1);
  await shotInView(page, 'console-users');
  const added = (await listAudit(hq.hq.db, 50)).filter((a) => a.action === 'user.add');
  expect(added.map((a) => `${a.username}:${a.target}:${a.result}`)).toEqual([
    'wang:zhou:ok',
    'wang:zhou:validation',
  ]);

  const zhouRow = page.getByRole('row').filter({ hasText: '周审核' });
  await zhouRow.getByRole('button', { name: '重设密码' }).click();
  await page.getByRole('dialog').getByLabel('新密码').fill('zhou-new-2026');
  await shotInView(page, 'console-user-password');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect.poll(() => page.getByText('已为 zhou 重设密码，其登录状态已失效').count()).toBe(1);
  await zhouRow.getByRole('button', { name: '停用' }).click();
  await expect.poll(() => zhouRow.getByRole('cell', { name: '已停用' }).count()).toBe(1);
  const zhou = new ConsoleClient(hq.url);
  expect((await zhou.login('zhou', 'zhou-new-2026')).status).toBe(401);

  await page.getByRole('tab', { name: '操作日志' }).click();
  await expect
    .poll(() => page.getByRole('cell', { name: '新增账户', exact: true }).count())
    .toBe(2);
  await expect
    .poll(() => page.getByRole('cell', { name: '停用账户', exact: true }).count())
    .toBe(1);
  await expect
    .poll(() => page.getByRole('cell', { name: '重设密码', exact: true }).count())
    .toBe(1);
  await shotInView(page, 'console-audit');

  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => page.getByRole('tab', { name: 'Audit log' }).count()).toBe(1);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await shotInView(page, 'console-overview-en');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => page.getByText('Signed out.').count()).toBe(1);
  await page.context().close();
});

it('a viewer sees neither accounts nor the audit log, and the API refuses them too', async () => {
  const page = await consolePage(browser, hq, '', { height: 800 });
  await signIn(page, 'kan');
  await expect.poll(() => page.getByText('您的角色：只读').count()).toBe(1);
  expect(await page.getByRole('tab', { name: '账户管理' }).count()).toBe(0);
  await shotInView(page, 'console-viewer');
  const api = new ConsoleClient(hq.url);
  await api.login('kan');
  expect((await api.call('GET', '/users')).status).toBe(403);
  await page.context().close();
});

it('a session that ended on HQ sends the page back to sign-in', async () => {
  const page = await consolePage(browser, hq, '', { height: 800 });
  await signIn(page, 'wang');
  await expect.poll(() => page.getByRole('tab', { name: '账户管理' }).count()).toBe(1);
  await hq.hq.db.deleteFrom('console_sessions').execute();
  await page.getByRole('tab', { name: '账户管理' }).click();
  await expect.poll(() => page.getByText('登录已失效，请重新登录。').count()).toBe(1);
  await page.context().close();
});

it('locks an account after repeated wrong passwords, shown in words; the right one is then refused too', async () => {
  await consoleUser(hq, 'sun', 'reviewer');
  const page = await consolePage(browser, hq, '', { height: 800 });
  for (let i = 0; i < 5; i++) {
    await signIn(page, 'sun', `wrong-password-${i}`);
    await expect
      .poll(() => page.getByText(/用户名或密码错误|账户已暂时锁定/).count())
      .toBeGreaterThan(0);
  }
  await signIn(page, 'sun');
  await expect.poll(() => page.getByText(/账户已暂时锁定/).count()).toBe(1);
  expect(await page.getByRole('tab', { name: '待确认' }).count()).toBe(0);
  await shotInView(page, 'console-login-locked');
  const audit = (await listAudit(hq.hq.db, 50)).map((a) => `${a.username}:${a.result}`);
  expect(audit).toContain('sun:locked');
  await page.context().close();
});

it("refuses a desk's device token, and a signed-in page's request without the CSRF token", async () => {
  const desk = await openOfficeDesk('office-a', 'a1');
  await enroll(desk, hq);
  const page = await consolePage(browser, hq, '', { height: 800 });
  // The desk's own key, sent from the browser: the console reads only its session cookie.
  const withToken = await page.evaluate(
    async (token) =>
      (await fetch('/v1/console/queue', { headers: { authorization: `Bearer ${token}` } })).status,
    desk.token ?? '',
  );
  expect(withToken).toBe(401);
  // Signed in: a change without the x-csrf-token header (what another site's page could
  // send with the cookie) is refused and the session stands.
  await signIn(page, 'wang');
  await expect.poll(() => page.getByRole('tab', { name: '账户管理' }).count()).toBe(1);
  const forged = await page.evaluate(async () => {
    const answer = await fetch('/v1/console/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return { status: answer.status, body: (await answer.json()) as { details?: unknown } };
  });
  expect(forged).toMatchObject({ status: 403, body: { details: { reason: 'console.csrf' } } });
  await page.getByRole('tab', { name: '账户管理' }).click();
  await expect.poll(() => page.getByRole('table').count()).toBeGreaterThan(0);
  expect(await page.getByText('登录已失效，请重新登录。').count()).toBe(0);
  await page.context().close();
});

const shotInView = (page: Page, name: string) => shot(page, name, { fullPage: false });
