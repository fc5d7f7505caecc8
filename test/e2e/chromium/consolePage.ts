import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { consolePassword } from '../../support/consoleClient';
import type { RunningHq } from '../../support/hqHarness';
import { chromiumArgs, chromiumPath } from './browser';

/**
 * What every console e2e file needs: the built console HQ serves, a Chromium, a signed-in
 * page per user (its own context: its own cookies), and screenshots when
 * DESK_SCREENSHOTS names a folder.
 */
export const consoleDir = fileURLToPath(new URL('../../../dist/console', import.meta.url));

export const launchConsoleBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/** A fresh page (no session) at the console's address `hash` (e.g. '#/queue'). */
export async function consolePage(
  browser: Browser,
  hq: RunningHq,
  hash = '',
  options: { height?: number; downloads?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: options.height ?? 900 },
    locale: 'zh-CN',
    acceptDownloads: options.downloads ?? false,
  });
  const page = await context.newPage();
  await page.goto(`${hq.url}/console/${hash}`);
  return page;
}

/** Fills the sign-in form and sends it. */
export async function signIn(page: Page, username: string, password = consolePassword) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** A page signed in as `username` at `hash`, once the navigation shows `tab`. */
export async function signedIn(
  browser: Browser,
  hq: RunningHq,
  username: string,
  hash: string,
  tab: string,
  options: { downloads?: boolean } = {},
): Promise<Page> {
  const page = await consolePage(browser, hq, hash, options);
  await signIn(page, username);
  await expect.poll(() => page.getByRole('tab', { name: tab }).count()).toBe(1);
  return page;
}

/** The page as a PNG in DESK_SCREENSHOTS (nothing when it is not set). */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  const dir = process.env.DESK_SCREENSHOTS;
  if (!dir) return;
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: options.fullPage ?? true });
}
