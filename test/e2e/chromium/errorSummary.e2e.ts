import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDeskAsAdmin } from '../deskSession';
import { deskPage } from './deskPage';

/**
 * The error summary under a form, in Chromium: every field problem is a line that names
 * its field and links to it; following the link puts the cursor in the field; editing
 * the field takes its line (and its red text) away. Shown on the community service form.
 */
const desk = deskPage();
let page: Page;
const { shot } = desk;

beforeAll(() => {
  page = desk.page;
});

it('names and links every field of a failed save, and clears a line as its field is fixed', async () => {
  await page.goto(inject('rendererUrl'));
  // A small office: its administrator also does the casework (chosen at first run).
  await startDeskAsAdmin(page, { casework: true });
  await page.getByRole('button', { name: '社区服务' }).first().click();
  await page.getByRole('button', { name: '新建服务记录' }).click();
  // The end before the start, no place: two problems of two different fields.
  await page.getByLabel('开始时间').fill('2026-12-01T15:00');
  await page.getByLabel('结束时间').fill('2026-12-01T14:00');
  await page.getByLabel('地点').fill('');
  await page.getByRole('button', { name: '保存记录' }).click();

  const summary = page.getByTestId('error-summary');
  await summary.waitFor();
  const lines = summary.locator('li');
  const texts = await lines.allInnerTexts();
  // Every field error is a line (none collapsed), and each line names its field.
  const fieldErrors = await page.locator('.Mui-error.MuiFormHelperText-root').count();
  expect(texts.length).toBeGreaterThanOrEqual(2);
  expect(texts.length).toBe(fieldErrors);
  expect(texts.some((line) => line.startsWith('结束时间：'))).toBe(true);
  expect(texts.some((line) => line.startsWith('地点：'))).toBe(true);
  await shot('words-error-summary');

  // The line is a link: it puts the cursor in its field.
  await summary.getByRole('button', { name: /^地点：/ }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-place');

  // Fixing the field takes its line away at once, and its red text.
  await page.keyboard.type('解放社区议事厅');
  await expect.poll(() => lines.allInnerTexts()).not.toContainEqual(expect.stringMatching(/^地点/));
  expect(await lines.count()).toBe(texts.length - 1);
  expect(await page.locator('#field-place').getAttribute('aria-invalid')).toBe('false');
  await shot('words-error-summary-cleared');
});
